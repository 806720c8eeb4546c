import fs from 'node:fs';
import path from 'node:path';
import { htmlToText } from './html.js';
import { parseProfile, ProfileParseError, type ParseOptions, type ParsedProfile, type ParseWarning } from './parser.js';

/**
 * A parsed profile and the file it came from. Every line number in `profile`
 * (publications, `profile.warnings`) is a line of `file`, also for HTML files.
 */
export interface ProfileSource {
  file: string;
  profile: ParsedProfile;
}

/** Bad input, located: prints as `file:line: what is wrong`. */
export class ImportInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    // Line 0: the problem is the whole file (missing, a FIFO, a .pdf), not one of its lines.
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ImportInputError';
  }
}

/** How each kind of input file is read, by extension (lower case): profile pages, and BibTeX references (seed/bibtex/). */
const PROFILE_FORMATS = { '.txt': 'text', '.html': 'html', '.htm': 'html', '.bib': 'bibtex' } as const;
type ProfileFormat = (typeof PROFILE_FORMATS)[keyof typeof PROFILE_FORMATS];
/** The file types read, for messages: `.txt, .html, .htm, .bib`. */
export const SUPPORTED = Object.keys(PROFILE_FORMATS).join(', ');

export function formatOf(file: string): ProfileFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return Object.hasOwn(PROFILE_FORMATS, extension) ? PROFILE_FORMATS[extension as keyof typeof PROFILE_FORMATS] : undefined;
}

/** What a path is when it is neither a file nor a folder, for the error. */
function kindOf(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Refuses what is not a regular file before anything opens it: opening a FIFO
 * for reading waits for a writer forever, and a device may never end.
 */
function checkRegularFile(file: string, stats: fs.Stats): void {
  if (!stats.isFile()) throw new ImportInputError(file, 0, `${kindOf(stats)}, not a profile file: give ${SUPPORTED} files or folders of them`);
  if (formatOf(file) === undefined) {
    const extension = path.extname(file) || 'no extension';
    throw new ImportInputError(file, 0, `unsupported file type (${extension}): the import reads ${SUPPORTED} files`);
  }
}

function statOf(given: string): fs.Stats {
  const stats = fs.statSync(given, { throwIfNoEntry: false });
  if (!stats) throw new ImportInputError(given, 0, 'no such file or folder');
  return stats;
}

/**
 * Files named on the command line; a folder stands for its .txt, .html, .htm
 * and .bib files, in name order (other files in it are left alone).
 */
export function collectProfileFiles(paths: string[]): string[] {
  return paths.flatMap((given) => {
    const stats = statOf(given);
    if (!stats.isDirectory()) {
      checkRegularFile(given, stats);
      return [given];
    }
    const files = fs
      .readdirSync(given)
      .filter((name) => formatOf(name) !== undefined)
      .sort()
      .map((name) => path.join(given, name));
    for (const file of files) checkRegularFile(file, statOf(file));
    return files;
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or the line of its first byte that is not UTF-8 text. */
export function decodeUtf8(file: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  const lineOf = (offset: number) => bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
  if (nul !== -1) throw new ImportInputError(file, lineOf(nul), 'not UTF-8 text: the file holds binary data (a NUL byte)');
  try {
    return utf8.decode(bytes);
  } catch {
    let offset = 0;
    for (const line of bytes.toString('latin1').split('\n')) {
      const length = line.length;
      try {
        utf8.decode(bytes.subarray(offset, offset + length));
      } catch {
        throw new ImportInputError(file, lineOf(offset), 'not UTF-8 text: this line has bytes that are not valid UTF-8 (save the file as UTF-8)');
      }
      offset += length + 1;
    }
    throw new ImportInputError(file, 1, 'not UTF-8 text');
  }
}

/** The file's bytes, refusing a FIFO or device even if one took the file's place after it was listed. */
export function readRegularFile(file: string): Buffer {
  checkRegularFile(file, statOf(file));
  // O_NONBLOCK: should a FIFO appear between the check and the open, the open does not wait for a writer.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    checkRegularFile(file, fs.fstatSync(fd));
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The profile in a file: a page saved as text, or as HTML (its visible text, lines mapped back to the HTML's). */
export function readProfileFile(file: string, options: ParseOptions = {}): ProfileSource {
  const bytes = readRegularFile(file);
  if (bytes.length === 0) throw new ImportInputError(file, 1, 'the file is empty (no profile)');
  const content = decodeUtf8(file, bytes);
  const html = formatOf(file) === 'html' ? htmlToText(content) : null;
  // A line of the page's text → its line in the file (the same for a text file).
  const fileLine = (line: number) => (html ? (html.sourceLines[line - 1] ?? html.sourceLines.at(-1) ?? 1) : line);
  try {
    const parsed = parseProfile(html ? html.text : content, options);
    const profile: ParsedProfile = html
      ? {
          ...parsed,
          publications: parsed.publications.map((publication) => ({ ...publication, line: fileLine(publication.line) })),
          warnings: parsed.warnings.map((warning) => ({ ...warning, line: fileLine(warning.line) })),
        }
      : parsed;
    return { file, profile };
  } catch (error) {
    if (error instanceof ProfileParseError) throw new ImportInputError(file, fileLine(error.line), error.message);
    throw error;
  }
}

/** A parse warning as the import prints it: `file:line: warning: …` (see `profile.warnings`). */
export function formatWarning(file: string, warning: ParseWarning): string {
  return `${file}:${warning.line}: warning: ${warning.message}`;
}
