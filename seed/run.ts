import type { PrismaClient } from '../src/generated/prisma/client.js';
import { importProfiles, kinds, type ImportReport } from './importer.js';
import { collectProfileFiles, ImportInputError, readProfileFile, type ProfileSource } from './source.js';
import { LabelResolver, loadVocabulary, type Vocabulary } from './vocabulary.js';

/** Reads every file first: one bad file stops the run before anything is written. */
export function readProfiles(
  paths: string[],
  onFile: (source: ProfileSource) => void = () => undefined,
  vocabulary: Vocabulary = loadVocabulary(),
): ProfileSource[] {
  const roles = new LabelResolver(vocabulary.roles);
  const positions = new LabelResolver(vocabulary.positions);
  const options = { isKnownRole: (label: string) => roles.find(label) !== undefined, isKnownPosition: (label: string) => positions.find(label) !== undefined };
  const errors: ImportInputError[] = [];
  const sources: ProfileSource[] = [];
  for (const file of collectProfileFiles(paths)) {
    try {
      const source = readProfileFile(file, options);
      sources.push(source);
      onFile(source);
    } catch (error) {
      if (!(error instanceof ImportInputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, errors.map((error) => error.message).join('\n'));
  if (sources.length === 0) throw new ImportInputError(paths.join(', '), 0, 'no profile files (.txt) found');
  return sources;
}

export async function importProfileFiles(
  prisma: PrismaClient,
  paths: string[],
  options: { dryRun?: boolean; onFile?: (source: ProfileSource) => void } = {},
): Promise<ImportReport> {
  const vocabulary = loadVocabulary();
  return importProfiles(prisma, readProfiles(paths, options.onFile, vocabulary), { dryRun: options.dryRun ?? false, vocabulary });
}

/** `file: Name — 12 publications, 1 topic, 1 role` */
export function describeSource({ file, profile }: ProfileSource): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${file}: ${profile.name} — ${plural(profile.publications.length, 'publication')}, ${plural(profile.topics.length, 'topic')}, ${plural(profile.roles.length, 'role')}`;
}

const labels: Record<(typeof kinds)[number], string> = {
  researcher: 'researchers',
  position: 'positions',
  role: 'roles',
  topic: 'topics',
  publication: 'publications',
  listing: 'profile listings',
  authorship: 'authorships',
  researcherRole: 'researcher roles',
  researcherTopic: 'researcher topics',
  publicationTopic: 'publication topics',
};

/** The summary table: created, updated, unchanged, deleted, per kind. */
export function formatReport(report: ImportReport): string {
  const columns = ['created', 'updated', 'unchanged', 'deleted'] as const;
  const rows = kinds.map((kind) => [labels[kind], ...columns.map((column) => String(report.counts[kind][column]))]);
  const header = ['', ...columns];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const verdict = report.changed
    ? report.dryRun
      ? 'Dry run: these changes were not written.'
      : 'Import complete.'
    : 'Everything unchanged.';
  return [line(header), ...rows.map(line), '', verdict].join('\n');
}
