/**
 * Where a value comes from, and which source may overwrite which.
 *
 * Every row that several sources fill (publication, researcher) keeps a
 * `provenance` object: field name (as in the API) -> the source that set it.
 * A source writes a field only when it ranks at least as high as the source
 * that set it, so a person's correction outlives every later import, and an
 * import never erases what a better source gave:
 *
 *   curation (a person, through the write API)
 *   > profile (the lab's profile pages: title spelling, abstract, code link, owner)
 *   > bibtex (the lab's BibTeX files: year, venue, ids, full author lists)
 *   > openalex (enrichment from the open scholarly graph)
 */
export const sources = ['curation', 'profile', 'bibtex', 'openalex'] as const;
export type Source = (typeof sources)[number];

/** Field name -> source; fields no source has set are absent. */
export type Provenance = Partial<Record<string, Source>>;

const rank: Record<Source, number> = { curation: 4, profile: 3, bibtex: 2, openalex: 1 };

/** True when `incoming` may write a field that `current` set (or nobody set). */
export function mayOverwrite(current: Source | undefined, incoming: Source): boolean {
  return current === undefined || rank[incoming] >= rank[current];
}

/** Reads a row's provenance column, ignoring anything that is not a known source. */
export function readProvenance(value: unknown): Provenance {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const result: Provenance = {};
  for (const [field, source] of Object.entries(value as Record<string, unknown>)) {
    if ((sources as readonly unknown[]).includes(source)) result[field] = source as Source;
  }
  return result;
}

/** The fields a person corrected: an import keeps their values. */
export function correctedFields(provenance: Provenance): string[] {
  return Object.entries(provenance)
    .filter(([, source]) => source === 'curation')
    .map(([field]) => field)
    .sort();
}
