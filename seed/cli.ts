import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { seedProfilesDir } from '../src/db/paths.js';
import { describeSource, formatReport, importProfileFiles } from './run.js';

const USAGE = `Usage: npm run seed -- [--dry-run] [file or folder…]
Imports profile pages (UTF-8 text) into the database at DATABASE_URL, or the
embedded one when it is unset. No argument: seed/profiles/. A folder stands
for its .txt files. The run imports every file or, on any error, nothing.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '--dry-run');
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}.\n${USAGE}\n`);
    return 2;
  }
  const dryRun = args.includes('--dry-run');
  const paths = args.filter((arg) => !arg.startsWith('-'));
  const config = loadConfig();
  const database = await openDatabase({ ...config, databasePoolSize: 2 });
  try {
    const report = await importProfileFiles(database.prisma, paths.length > 0 ? paths : [seedProfilesDir], {
      dryRun,
      onFile: (source) => process.stdout.write(`${describeSource(source)}\n`),
    });
    process.stdout.write(`\n${formatReport(report)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AggregateError) {
      for (const inner of error.errors) process.stderr.write(`${(inner as Error).message}\n`);
      process.stderr.write('Nothing was imported.\n');
    } else {
      process.stderr.write(`${error instanceof ConfigError ? '' : 'Import failed: '}${error instanceof Error ? error.message : String(error)}\n`);
      if (!(error instanceof ConfigError)) process.stderr.write('Nothing was imported.\n');
    }
    process.exit(1);
  },
);
