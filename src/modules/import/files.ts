import type { Database } from '../../db/database.js';
import { badUserInput } from '../shared/errors.js';

/**
 * importProfiles: the profile importer of `npm run seed`, run by the server.
 * seed/ holds the importer and uses src/, so src/ may not import it: the
 * composition root (src/index.ts) passes it in as an ImportFiles function
 * (AppOptions → createServer → the request context), as it does the seeding
 * of an empty database.
 */

/** A profile file sent to the API: its name (with its extension) and its text. */
export interface ProfileFile {
  name: string;
  text: string;
}

/** A statement runner inside the import's own transaction. */
export interface ImportSql {
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface ImportRunOptions {
  dryRun: boolean;
  /** Runs in the import's transaction once it holds the import lock (the audit entry is written there). */
  onLocked?: (sql: ImportSql) => Promise<void>;
}

/** What an import did: the report `npm run seed -- --json` prints, and the text `npm run seed` prints. */
export interface ImportResult {
  report: {
    dryRun: boolean;
    changed: boolean;
    counts: Record<string, { created: number; updated: number; unchanged: number; deleted: number }>;
    keptCorrections: number;
  };
  summary: string;
}

/** Imports the files in one transaction, or nothing; bad input throws ProfileFileError(s). */
export type ImportFiles = (database: Pick<Database, 'prisma' | 'pool'>, files: ProfileFile[], options: ImportRunOptions) => Promise<ImportResult>;

/** The importer as a request sees it: bound to the server's database, with the size limit. */
export interface ProfileImporter {
  maxFileBytes: number;
  run(files: ProfileFile[], options: ImportRunOptions): Promise<ImportResult>;
}

/** Bad input in one file, located: `name:line: problem` (line 0: the whole file). */
export class ProfileFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ProfileFileError';
  }
}

/**
 * Checks what the API can check before the importer reads anything: a plain
 * file name (no folders: the name only says which file, and its extension
 * how to read it), each name once, each file within the size limit. The
 * importer then checks the extension and the contents, as for files on disk.
 */
export function checkProfileFiles(files: ProfileFile[], maxFileBytes: number): void {
  if (files.length === 0) throw badUserInput('files is empty: send at least one profile file.', 'files');
  const seen = new Set<string>();
  for (const [index, { name, text }] of files.entries()) {
    const argument = `files[${index}]`;
    if (name.trim() === '' || name !== name.trim() || /[/\\\0]/u.test(name) || name === '.' || name === '..') {
      throw badUserInput(`${argument}.name ${JSON.stringify(name)} is not a plain file name, e.g. jane-doe.txt (no folders).`, `${argument}.name`);
    }
    if (seen.has(name)) throw badUserInput(`${argument}.name: ${name} is sent twice; file names must differ.`, `${argument}.name`);
    seen.add(name);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxFileBytes) {
      throw badUserInput(`${name} is too large: ${bytes} bytes, at most ${maxFileBytes} (IMPORT_MAX_FILE_BYTES).`, `${argument}.text`);
    }
  }
}

/** The import's bad files as one BAD_USER_INPUT error: the first file:line in extensions, every one in the message. */
export function importInputError(errors: ProfileFileError[]) {
  const [first] = errors;
  const error = badUserInput(`Nothing was imported: ${errors.map((each) => each.message).join('; ')}`, 'files');
  Object.assign(error.extensions, {
    file: first!.file,
    line: first!.line,
    problems: errors.map(({ file, line, problem }) => ({ file, line, problem })),
  });
  return error;
}
