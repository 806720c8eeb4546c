import fs from 'node:fs';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { cleanText } from '../src/modules/shared/text.js';
import { readBibtexFile, type ReferenceSource } from './bibtex/read.js';
import { importProfiles, type ImportOptions, type ImportReport } from './importer.js';
import type { ParseWarning } from './parser.js';
import { checkKeys } from './plan.js';
import { collectProfileFiles, formatOf, ImportInputError, readProfileFile, SUPPORTED, type ProfileSource } from './source.js';
import { LabelResolver, loadVocabulary, type Vocabulary } from './vocabulary.js';

export interface ReadOptions {
  /** How many files there are to read, once they are found. */
  onFiles?: (total: number) => void;
  onFile?: (source: ProfileSource) => void;
  /** A BibTeX file was read. */
  onReferenceFile?: (source: ReferenceSource) => void;
  /** A line the parser read but was not sure of (see formatWarning). */
  onWarning?: (file: string, warning: ParseWarning) => void;
  vocabulary?: Vocabulary;
}

/** What a run imports: profile pages, and BibTeX files (seed/bibtex/). */
export interface ImportFiles {
  profiles: ProfileSource[];
  references: ReferenceSource[];
}

/** The profiles of the files given (see readImportFiles). */
export function readProfiles(paths: string[], options: ReadOptions = {}): ProfileSource[] {
  return readImportFiles(paths, options).profiles;
}

/**
 * Finds, reads and parses every file, and checks every identity key, before
 * any database is opened: one bad file stops the run before anything is
 * written, with every bad file's `file:line` at once.
 */
export function readImportFiles(paths: string[], options: ReadOptions = {}): ImportFiles {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const roles = new LabelResolver(vocabulary.roles);
  const positions = new LabelResolver(vocabulary.positions);
  const parseOptions = { isKnownRole: (label: string) => roles.find(label) !== undefined, isKnownPosition: (label: string) => positions.find(label) !== undefined };
  const errors: ImportInputError[] = [];
  const sources: ProfileSource[] = [];
  const references: ReferenceSource[] = [];
  const files = collectProfileFiles(paths);
  options.onFiles?.(files.length);
  for (const file of files) {
    try {
      if (formatOf(file) === 'bibtex') {
        const source = readBibtexFile(file);
        references.push(source);
        options.onReferenceFile?.(source);
        continue;
      }
      const source = readProfileFile(file, parseOptions);
      checkKeys(source, () => lineOf(file, source.profile.name));
      sources.push(source);
      for (const warning of source.profile.warnings) options.onWarning?.(file, warning);
      options.onFile?.(source);
    } catch (error) {
      if (!(error instanceof ImportInputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, errors.map((error) => error.message).join('\n'));
  if (sources.length + references.length === 0) throw new ImportInputError(paths.join(', '), 0, `no profile or BibTeX files (${SUPPORTED}) found`);
  return { profiles: sources, references };
}

/** The line of a file that reads `text` (only read again when reporting an error). */
function lineOf(file: string, text: string): number {
  const index = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/u).findIndex((line) => cleanText(line) === text);
  return index === -1 ? 1 : index + 1;
}

export interface ImportFilesOptions extends ImportOptions, ReadOptions {}

/** Reads the files, then imports them (profiles, then BibTeX): the whole run, for `npm start`, the scale script and tests. */
export async function importProfileFiles(prisma: PrismaClient, paths: string[], options: ImportFilesOptions = {}): Promise<ImportReport> {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const { profiles, references } = readImportFiles(paths, { ...options, vocabulary });
  return importProfiles(prisma, profiles, { ...options, vocabulary, references });
}
