import { fillableFields } from './fill.js';
import type { EnrichReport, PaperOutcome, PaperResult } from './run.js';

/** What `npm run enrich` prints: one line per paper worth a look, then the summary. */

const papers = (count: number) => `${count} paper${count === 1 ? '' : 's'}`;

const labels: Record<PaperOutcome, string> = { matched: 'matched', ambiguous: 'ambiguous', not_found: 'not found', failed: 'failed' };

/** A line for a paper: what was (or, dry, would be) filled, the candidates, or why nothing. */
export function formatPaper(result: PaperResult): string {
  const title = `“${result.paper.title}”`;
  const head = `${labels[result.outcome].padEnd(10)} ${title}`;
  const lines: string[] = [];
  switch (result.outcome) {
    case 'matched': {
      const fields = Object.entries(result.writes.fields).map(([field, value]) => `${field} ${JSON.stringify(value)}`);
      const orcids = result.writes.orcids.map((write) => `ORCID ${write.orcid} for ${write.name}`);
      const filled = [...fields, ...orcids];
      lines.push(`${head} = OpenAlex ${result.workIds[0]}: ${filled.length > 0 ? filled.join(', ') : 'nothing to fill'}`);
      break;
    }
    case 'ambiguous':
      lines.push(`${head}: ${result.workIds.length} works have this title and an author of it (${result.workIds.join(', ')}); nothing written`);
      break;
    default:
      lines.push(`${head}: ${result.reason ?? ''}`);
  }
  for (const warning of result.writes.warnings) lines.push(`${''.padEnd(10)}   warning: ${warning}`);
  return lines.join('\n');
}

export function countOutcomes(report: EnrichReport): Record<PaperOutcome, number> {
  const counts: Record<PaperOutcome, number> = { matched: 0, ambiguous: 0, not_found: 0, failed: 0 };
  for (const result of report.results) counts[result.outcome]++;
  return counts;
}

export function formatSummary(report: EnrichReport): string {
  const counts = countOutcomes(report);
  if (report.stoppedBy && report.results.length === 0) {
    return `Stopped: ${report.stoppedBy.message}\nNothing was changed (${papers(report.notReached)} not looked up).`;
  }
  const filled = fillableFields.map((field) => `${field} ${report.results.filter((result) => result.writes.fields[field] !== undefined).length}`);
  const orcids = report.results.reduce((sum, result) => sum + result.writes.orcids.length, 0);
  const verb = report.dryRun ? 'Would fill' : 'Filled';
  const lines = [
    `OpenAlex enrichment${report.dryRun ? ' (dry run: nothing written)' : ''}: ${papers(report.results.length)} looked up, ${report.alreadyDone} skipped (settled by earlier runs)`,
    ...(Object.keys(labels) as PaperOutcome[]).map((outcome) => `  ${labels[outcome].padEnd(10)} ${String(counts[outcome]).padStart(4)}`),
    `${verb}: ${filled.join(', ')}; ORCIDs ${orcids}`,
  ];
  if (counts.failed > 0) lines.push(`The next run tries the ${counts.failed} failed again.`);
  if (report.stoppedBy) {
    lines.push(`Stopped: ${report.stoppedBy.message}`);
    const recorded = report.results.length - counts.failed;
    lines.push(
      recorded === 0 || report.dryRun
        ? `Nothing was changed (${papers(report.notReached)} not looked up).`
        : `${papers(report.notReached)} not looked up; the ${recorded} recorded before stay. Run again to go on.`,
    );
  }
  return lines.join('\n');
}
