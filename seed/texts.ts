import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportFiles } from '../src/modules/import/files.js';
import { ProfileFileError } from '../src/modules/import/files.js';
import { importProfiles } from './importer.js';
import { formatChanges, formatReport } from './report.js';
import { readProfiles } from './run.js';
import { ImportInputError } from './source.js';

/**
 * The importProfiles mutation's importer: the files as `npm run seed` reads
 * them. The texts are written to a private temporary folder under their own
 * names (plain names, checked by the API) and read from there by the very
 * code `npm run seed` uses, so the same checks, file:line errors and report
 * apply; errors name the files as the client named them.
 */

/** Longest an API import waits for another import to finish: a request must answer, not queue for minutes. */
const API_LOCK_TIMEOUT_MS = 10_000;

export const importProfileTexts: ImportFiles = async (database, files, options) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-import-'));
  try {
    const paths = files.map((file) => {
      const written = path.join(folder, file.name);
      fs.writeFileSync(written, file.text, { mode: 0o600 });
      return written;
    });
    const named = (error: unknown) => asProfileFileError(error, folder);
    let sources;
    try {
      sources = readProfiles(paths);
    } catch (error) {
      throw error instanceof AggregateError ? new AggregateError(error.errors.map(named), error.message) : named(error);
    }
    const report = await importProfiles(database.prisma, sources, {
      pool: database.pool,
      dryRun: options.dryRun,
      lockTimeoutMs: API_LOCK_TIMEOUT_MS,
      onLocked: options.onLocked,
    });
    const summary = [formatChanges(report, Infinity), formatReport(report)].filter((section) => section !== '').join('\n\n');
    return { report, summary };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
};

/** An ImportInputError about a file of the temporary folder, naming the file as the client did. */
function asProfileFileError(error: unknown, folder: string): unknown {
  if (!(error instanceof ImportInputError)) return error;
  const name = path.relative(folder, error.file) || path.basename(error.file);
  return new ProfileFileError(name, error.line, error.problem);
}
