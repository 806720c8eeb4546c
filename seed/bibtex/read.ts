import { parse } from '@retorquere/bibtex-parser';
import { decodeUtf8, ImportInputError, readRegularFile } from '../source.js';
import { EntryError, toReference, type Reference } from './entry.js';

/**
 * Reads a .bib file with @retorquere/bibtex-parser (the parser behind Better
 * BibTeX for Zotero): it expands @string macros, turns LaTeX accents into
 * Unicode (`{\'E}lise` → `Élise`), drops case-protecting braces (`{GAN}s` →
 * `GANs`) and splits names (`Last, First`, `von Last, Jr, First`, `and others`).
 * Its sentence-casing is off: a title stays as written.
 */

export interface ReferenceSource {
  file: string;
  references: Reference[];
}

const lineAt = (content: string, offset: number) => content.slice(0, offset).split('\n').length;

/**
 * The line of each entry's `@type{key`, in file order. The parser gives an
 * entry's text, not its place, so entries are found again in the file:
 * `@comment`, `@string` and `@preamble` are skipped like the parser skips them.
 */
function entryLines(content: string): { type: string; key: string; line: number }[] {
  const found: { type: string; key: string; line: number }[] = [];
  for (const match of content.matchAll(/@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)/gu)) {
    const type = match[1]!.toLowerCase();
    if (['comment', 'string', 'preamble'].includes(type)) continue;
    found.push({ type, key: match[2]!, line: lineAt(content, match.index) });
  }
  return found;
}

/**
 * Where a syntax error is: the line the parser stopped at (`… at line 17,
 * column 1 …` in its message), and the line the entry it was reading starts on.
 */
function errorPlace(content: string, error: { error: string; input?: string }): { line: number; entryLine: number | null } {
  const start = error.input ? content.indexOf(error.input.trim()) : -1;
  const entryLine = start === -1 ? null : lineAt(content, start);
  const stated = /\bline (\d+)/u.exec(error.error);
  return { line: stated ? Number(stated[1]) : (entryLine ?? 1), entryLine };
}

export function readBibtexFile(file: string): ReferenceSource {
  const bytes = readRegularFile(file);
  if (bytes.length === 0) throw new ImportInputError(file, 1, 'the file is empty (no BibTeX entry)');
  const content = decodeUtf8(file, bytes);
  const unknownCommands = new Map<string, string>();
  const library = parse(content, {
    sentenceCase: false,
    english: false,
    caseProtection: false,
    // An unknown command is kept as written and reported with its entry, rather than thrown with no place.
    unsupported: (_node, tex, entry) => {
      if (!unknownCommands.has(entry.key)) unknownCommands.set(entry.key, tex);
      return tex;
    },
  });
  const [syntaxError] = library.errors;
  if (syntaxError) {
    const problem = syntaxError.error.replace(/\s+at line \d+, column \d+/u, '').replace(/\s+/gu, ' ');
    const { line, entryLine } = errorPlace(content, syntaxError);
    const entry = entryLine !== null && entryLine !== line ? ` (in the entry that starts on line ${entryLine})` : '';
    throw new ImportInputError(file, line, `BibTeX syntax error${entry}: ${problem}`);
  }
  const lines = entryLines(content);
  const references: Reference[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    const index = lines.findIndex((place, i) => i >= cursor && place.key === entry.key && place.type === entry.type.toLowerCase());
    const line = index === -1 ? 1 : lines[index]!.line;
    if (index !== -1) cursor = index + 1;
    const unknown = unknownCommands.get(entry.key);
    if (unknown !== undefined) throw new ImportInputError(file, line, `entry ${entry.key}: unknown LaTeX command ${unknown}`);
    try {
      references.push(toReference(entry, file, line));
    } catch (error) {
      if (error instanceof EntryError) throw new ImportInputError(file, line, error.message);
      throw error;
    }
  }
  if (references.length === 0) throw new ImportInputError(file, 1, 'no BibTeX entry in the file');
  return { file, references };
}
