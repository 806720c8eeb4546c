import { mayOverwrite, type Provenance } from '../../src/modules/shared/provenance.js';
import type { WorkFields } from './work.js';

/**
 * Which of a matched work's values enrichment writes. OpenAlex ranks lowest
 * (src/modules/shared/provenance.ts), and on top of that an enrichment never
 * erases another source's value: it fills a field that is empty, or one
 * OpenAlex itself set before (a citation count that has grown), and only with
 * a value (an empty OpenAlex field leaves ours as it is).
 */

export const SOURCE = 'openalex' as const;

export const fillableFields = ['year', 'venue', 'doi', 'arxivId', 'openAlexId', 'citationCount', 'openAccessUrl'] as const;
export type FillableField = (typeof fillableFields)[number];

export type PublicationValues = { [K in FillableField]: WorkFields[K] | null };

/** Whether `incoming` may replace `current`, a field whose source is `setBy`. */
export function mayFill(current: unknown, setBy: Provenance[string], incoming: unknown): boolean {
  if (incoming === null || incoming === undefined || incoming === current) return false;
  if (!mayOverwrite(setBy, SOURCE)) return false;
  return current === null || current === undefined || setBy === SOURCE;
}

/** The fields to write on a publication (and only those), each with OpenAlex's value. */
export function fillPublication(current: PublicationValues, provenance: Provenance, work: PublicationValues): Partial<PublicationValues> {
  const writes: Partial<Record<FillableField, unknown>> = {};
  for (const field of fillableFields) {
    if (mayFill(current[field], provenance[field], work[field])) writes[field] = work[field];
  }
  return writes as Partial<PublicationValues>;
}

/** Whether a researcher's ORCID may be set to OpenAlex's `orcid`. */
export function mayFillOrcid(current: string | null, provenance: Provenance, orcid: string | null): boolean {
  return mayFill(current, provenance['orcid'], orcid);
}
