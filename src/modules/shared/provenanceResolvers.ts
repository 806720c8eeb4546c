import type { DataSource, FieldSource } from '../../generated/graphql.js';
import { readProvenance } from './provenance.js';

/** A row's provenance column as the API shows it: one entry per field that has a source, by field name. */
export function fieldSources(provenance: unknown): FieldSource[] {
  return Object.entries(readProvenance(provenance))
    .map(([field, source]) => ({ field, source: source!.toUpperCase() as DataSource }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
