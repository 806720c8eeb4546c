import type pg from 'pg';
import { judge, type Verdict } from './match.js';
import { ApiRefusedError, ApiUnreachableError, RequestFailedError, type OpenAlexClient } from './openAlexClient.js';
import { pendingPapers, recordVerdict, type PaperWrites, type PendingPaper } from './store.js';

/**
 * One enrichment run: every pending paper in turn (store.ts says which), one
 * search each, judged (match.ts) and recorded at once (store.ts). Papers go
 * one at a time: the rate limit (10 a second) is the bound, not latency, and
 * it keeps the order of requests and writes easy to follow.
 *
 * A paper whose lookup fails (timeout, server error after the retries) is
 * reported and left for the next run; the others go on. An unreachable or
 * refusing API ends the run: what was recorded before stays.
 */

export type PaperOutcome = Verdict['outcome'] | 'failed';

export interface PaperResult {
  paper: PendingPaper;
  outcome: PaperOutcome;
  /** The OpenAlex work (matched), or the candidates (ambiguous). */
  workIds: string[];
  /** Why not found, or why the lookup failed. */
  reason?: string;
  writes: PaperWrites;
}

export interface EnrichReport {
  dryRun: boolean;
  /** Papers still missing a DOI or year that earlier runs settled, skipped. */
  alreadyDone: number;
  /** Papers looked up in this run (or before it stopped). */
  results: PaperResult[];
  /** Papers not looked up because the run stopped. */
  notReached: number;
  /** Why the run stopped early, if it did. */
  stoppedBy?: ApiUnreachableError | ApiRefusedError;
}

export interface EnrichOptions {
  dryRun: boolean;
  /** Look up again the papers earlier runs found nothing or several candidates for. */
  retry: boolean;
  /** Look up at most this many papers. */
  limit?: number | undefined;
  onStart?: (total: number, alreadyDone: number) => void;
  onPaper?: (result: PaperResult) => void;
}

export async function enrichPublications(pool: pg.Pool, client: OpenAlexClient, options: EnrichOptions): Promise<EnrichReport> {
  const pending = await pendingPapers(pool, options.retry);
  const papers = options.limit === undefined ? pending.papers : pending.papers.slice(0, options.limit);
  options.onStart?.(papers.length, pending.alreadyDone);
  const report: EnrichReport = { dryRun: options.dryRun, alreadyDone: pending.alreadyDone, results: [], notReached: 0 };
  for (const [index, paper] of papers.entries()) {
    let result: PaperResult;
    try {
      const verdict = judge(paper, await client.searchWorks(paper.title));
      const writes = await recordVerdict(pool, paper.id, verdict, options.dryRun);
      result = { paper, outcome: verdict.outcome, workIds: workIdsOf(verdict), writes, ...(verdict.outcome === 'not_found' ? { reason: verdict.reason } : {}) };
    } catch (error) {
      if (error instanceof ApiUnreachableError || error instanceof ApiRefusedError) {
        report.stoppedBy = error;
        report.notReached = papers.length - index;
        return report;
      }
      if (!(error instanceof RequestFailedError)) throw error;
      result = { paper, outcome: 'failed', workIds: [], reason: error.message, writes: { fields: {}, orcids: [], warnings: [] } };
    }
    report.results.push(result);
    options.onPaper?.(result);
  }
  return report;
}

function workIdsOf(verdict: Verdict): string[] {
  if (verdict.outcome === 'matched') return [verdict.work.fields.openAlexId];
  return verdict.outcome === 'ambiguous' ? verdict.candidates : [];
}
