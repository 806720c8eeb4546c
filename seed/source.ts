import fs from 'node:fs';
import path from 'node:path';
import { parseProfile, ProfileParseError, type ParseOptions, type ParsedProfile } from './parser.js';

/** A parsed profile and the file it came from. */
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
    super(`${file}:${line}: ${problem}`);
    this.name = 'ImportInputError';
  }
}

/** Files named on the command line; a folder stands for its `.txt` files, in name order. */
export function collectProfileFiles(paths: string[]): string[] {
  return paths.flatMap((given) => {
    if (!fs.existsSync(given)) throw new ImportInputError(given, 0, 'no such file or folder');
    if (!fs.statSync(given).isDirectory()) return [given];
    return fs
      .readdirSync(given)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => path.join(given, name));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or the line of its first byte that is not UTF-8 text. */
function decodeUtf8(file: string, bytes: Buffer): string {
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

export function readProfileFile(file: string, options: ParseOptions = {}): ProfileSource {
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw new ImportInputError(file, 1, 'the file is empty (no profile)');
  const text = decodeUtf8(file, bytes);
  try {
    return { file, profile: parseProfile(text, options) };
  } catch (error) {
    if (error instanceof ProfileParseError) throw new ImportInputError(file, error.line, error.message);
    throw error;
  }
}
