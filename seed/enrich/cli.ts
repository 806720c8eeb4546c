import { withCliDatabase } from '../../scripts/support/cliDatabase.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createProgress } from '../progress.js';
import { OpenAlexClient } from './openAlexClient.js';
import { formatPaper, formatSummary } from './report.js';
import { enrichPublications } from './run.js';
import { loadEnrichSettings, parseFlags, UsageError } from './settings.js';

const USAGE = `Usage: npm run enrich -- [options]
Looks up in OpenAlex (by title) every publication still missing a DOI or a
year, in the database at DATABASE_URL (or the embedded one), and fills year,
venue, DOI, arXiv id, OpenAlex id, citation count, open-access URL and the
matched authors' ORCIDs, where no better source has a value. A work is taken
only when its normalised title is the paper's and an author matches.
Each paper is written as soon as it is matched: a run cut short keeps them.

  --dry-run   look everything up and report; write nothing
  --retry     look up again the papers earlier runs found nothing or
              several candidates for (a match stays done)
  --limit=N   look up at most N papers
  --verbose   also list the papers not found, and every retry
  --help      this text

Environment: OPENALEX_MAILTO (your e-mail, recommended), OPENALEX_API_KEY
(free at openalex.org/settings/api), OPENALEX_URL (default
https://api.openalex.org), OPENALEX_TIMEOUT_MS (20000), OPENALEX_RETRIES (4),
OPENALEX_BACKOFF_MS (1000), OPENALEX_MAX_PER_SECOND (10).
Exit status: 0 when every pending paper was looked up (some may have failed:
see the summary), 1 when the run stopped (API unreachable or refusing) or
could not start.`;

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const settings = loadEnrichSettings();
  const warn = (line: string) => process.stderr.write(`warning: ${line}\n`);
  if (!settings.mailto) warn('OPENALEX_MAILTO is not set: OpenAlex asks callers for an e-mail address (mailto) so it can reach them.');
  if (!settings.apiKey && new URL(settings.baseUrl).host === 'api.openalex.org') {
    warn('OPENALEX_API_KEY is not set: since February 2026 OpenAlex allows only a few searches a day without a (free) key.');
  }

  const progress = createProgress(process.stdout);
  const client = new OpenAlexClient({
    ...settings,
    onRetry: (retry) => {
      if (flags.verbose) process.stdout.write(`retry ${retry.attempt} in ${retry.delayMs} ms (${retry.reason})\n`);
    },
  });
  return withCliDatabase(config, { poolSize: 2 }, async (database) => {
    const report = await enrichPublications(database.pool, client, {
      dryRun: flags.dryRun,
      retry: flags.retry,
      limit: flags.limit,
      onStart: (total) => progress.start('Looking up', total),
      onPaper: () => progress.advance(),
    });
    progress.finish();
    // Listed once the bar is done (a line written under a live bar garbles it); the database has each paper already.
    const listed = report.results.filter((result) => result.outcome !== 'not_found' || flags.verbose);
    const lines = listed.map(formatPaper);
    process.stdout.write(`${lines.length > 0 ? `\n${lines.join('\n')}\n` : ''}\n${formatSummary(report)}\n`);
    return report.stoppedBy ? 1 : 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Enrichment failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
