import { withCliDatabase } from '../scripts/support/cliDatabase.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { defaultSeedPaths } from '../src/db/paths.js';
import { formatReferenceChanges, formatReferenceCounts } from './bibtex/report.js';
import { importProfiles } from './importer.js';
import { createProgress, silentProgress } from './progress.js';
import { describeSource, formatChanges, formatReport } from './report.js';
import { readImportFiles } from './run.js';
import { formatWarning, ImportInputError } from './source.js';

const USAGE = `Usage: npm run seed -- [options] [file or folder…]
Imports profile pages (UTF-8 text, or pages saved as .html/.htm) and BibTeX
files (.bib) into the database at DATABASE_URL, or the embedded one when it is
unset. No argument: seed/profiles/ and seed/references/. A folder stands for its .txt, .html, .htm and .bib files.
BibTeX is imported after the profiles, in the same transaction. Every file is read and checked before the database is
opened; the run imports every file or, on any error, nothing.

  --dry-run   show what would be created, updated and deleted; write nothing
  --verbose   list every file read, and every change (not only the first 20)
  --quiet     print only the summary table
  --json      print the report (counts and changes) as JSON
  --help      this text`;

const FLAGS = ['--dry-run', '--verbose', '--quiet', '--json', '--help', '-h'];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && !FLAGS.includes(arg));
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}.\n${USAGE}\n`);
    return 2;
  }
  const [dryRun, verbose, quiet, json] = ['--dry-run', '--verbose', '--quiet', '--json'].map((flag) => args.includes(flag));
  const paths = args.filter((arg) => !arg.startsWith('-'));
  const config = loadConfig();
  // With --json, stdout carries only the report.
  const out = json ? process.stderr : process.stdout;
  const progress = quiet ? silentProgress : createProgress(out);
  const say = (line: string) => {
    if (!quiet) out.write(`${line}\n`);
  };

  // Read and parse everything first: bad input never opens (or creates, or migrates) a database.
  const { profiles: sources, references } = readImportFiles(paths.length > 0 ? paths : defaultSeedPaths, {
    onFiles: (total) => progress.start('Reading files', total),
    onFile: (source) => {
      progress.advance();
      if (verbose) say(describeSource(source));
    },
    onReferenceFile: (source) => {
      progress.advance();
      if (verbose) say(`${source.file}: ${source.references.length} BibTeX entries`);
    },
    onWarning: (file, warning) => process.stderr.write(`${formatWarning(file, warning)}\n`),
  });
  progress.finish();

  say('Comparing the files with the database…');
  return withCliDatabase(config, { poolSize: 2 }, async (database) => {
    const report = await importProfiles(database.prisma, sources, {
      pool: database.pool,
      dryRun,
      references,
      onWaiting: () => say('Waiting for another import to finish…'),
      onPlanned: (total) => progress.start('Writing rows', total),
      onRows: (rows) => progress.advance(rows),
    });
    progress.finish();
    if (json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const limit = verbose ? Infinity : 20;
    const changes = quiet ? '' : formatChanges(report, limit);
    const referenceChanges = quiet || !report.references ? '' : formatReferenceChanges(report.references, limit);
    const referenceCounts = report.references ? formatReferenceCounts(report.references) : '';
    const sections = [changes, referenceChanges, referenceCounts, formatReport(report)].filter((section) => section !== '');
    process.stdout.write(`${quiet ? '' : '\n'}${sections.join('\n\n')}\n`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
    for (const inner of errors) {
      const known = inner instanceof ImportInputError || inner instanceof ConfigError;
      process.stderr.write(`${known ? '' : 'Import failed: '}${inner instanceof Error ? inner.message : String(inner)}\n`);
    }
    if (!(error instanceof ConfigError)) process.stderr.write('Nothing was imported.\n');
    process.exit(1);
  },
);
