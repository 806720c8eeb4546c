import type { Sql } from '../write.js';
import { planReferences, referenceKeys, type ReferenceCounts, type ReferencePlan } from './plan.js';
import type { ReferenceSource } from './read.js';
import { plannedReferenceWrites, readReferenceSnapshot, writeReferencePlan } from './write.js';

/** What a BibTeX import did (or, dry, would do): part of the import's report. */
export interface ReferenceReport {
  files: number;
  counts: ReferenceCounts;
  /** True when the run wrote (or, dry, would write) anything. */
  changed: boolean;
  changes: ReferencePlan['changes'];
}

export interface ReferenceImportOptions {
  dryRun?: boolean;
  onPlanned?: (total: number) => void;
  onRows?: (rows: number) => void;
}

/**
 * Plans the references against the rows as they are now (after the profiles
 * of the same run: seed/importer.ts calls this inside its transaction, once
 * the profiles are written) and writes the plan unless dry.
 */
export async function importReferences(sql: Sql, sources: ReferenceSource[], options: ReferenceImportOptions = {}): Promise<ReferenceReport> {
  const references = sources.flatMap((source) => source.references);
  const plan = planReferences(references, await readReferenceSnapshot(sql, referenceKeys(references)));
  if (!options.dryRun) {
    options.onPlanned?.(plannedReferenceWrites(plan));
    await writeReferencePlan(sql, plan, options.onRows);
  }
  return { files: sources.length, counts: plan.counts, changed: plannedReferenceWrites(plan) > 0, changes: plan.changes };
}
