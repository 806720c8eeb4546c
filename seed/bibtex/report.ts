import type { ReferenceReport } from './import.js';

/** The BibTeX part of the import's output: its counts, and the papers it creates and updates. */

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `BibTeX: 12 entries from 1 file …` then one count per line. */
export function formatReferenceCounts(report: ReferenceReport): string {
  const { counts } = report;
  const rows: [string, number][] = [
    ['publications matched', counts.matched],
    ['publications created', counts.created],
    ['publications unchanged', counts.unchanged],
    ['fields filled', counts.fieldsFilled],
    ['values kept (a correction or a profile set them)', counts.valuesKept],
    ['author lists set', counts.authorListsSet],
    ['author lists kept', counts.authorListsKept],
    ['people created', counts.peopleCreated],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [`BibTeX: ${count(counts.entries, 'entry', 'entries')} from ${count(report.files, 'file', 'files')}`, ...rows.map(([label, n]) => `  ${label.padEnd(width)}  ${String(n).padStart(4)}`)].join('\n');
}

const MAX_VALUE = 120;
const clip = (value: string) => (value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value);

/** The papers created (+) and updated (~, field: old → new) and the people created, the first `limit` of each. */
export function formatReferenceChanges(report: ReferenceReport, limit = 20): string {
  const { created, updated, people } = report.changes;
  if (created.length + updated.length + people.length === 0) return '';
  const out = [`BibTeX publications: ${created.length} created, ${updated.length} updated; ${count(people.length, 'person', 'people')} created`];
  const section = <T>(items: T[], print: (item: T) => string[]) => {
    for (const item of items.slice(0, limit)) out.push(...print(item));
    if (items.length > limit) out.push(`    … and ${items.length - limit} more (--verbose lists all)`);
  };
  section(created, (title) => [`  + ${title}`]);
  section(updated, ({ name, fields }) => [`  ~ ${name}`, ...fields.map((field) => `      ${field.field}: ${clip(field.from)} → ${clip(field.to)}`)]);
  section(people, (name) => [`  + ${name} (researcher)`]);
  return out.join('\n');
}
