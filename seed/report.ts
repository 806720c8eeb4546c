import { changeKinds, kinds, type ChangeKind, type Kind } from './plan.js';
import type { ImportReport } from './importer.js';
import type { ProfileSource } from './source.js';

/** What the import prints: one line per file, the summary table, and the list of changes. */

/** `file: Name — 12 publications, 1 topic, 1 role` */
export function describeSource({ file, profile }: ProfileSource): string {
  return `${file}: ${profile.name} — ${plural(profile.publications.length, 'publication')}, ${plural(profile.topics.length, 'topic')}, ${plural(profile.roles.length, 'role')}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const labels: Record<Kind, string> = {
  researcher: 'researchers',
  position: 'positions',
  role: 'roles',
  topic: 'topics',
  publication: 'publications',
  listing: 'profile listings',
  authorship: 'authorships',
  researcherRole: 'researcher roles',
  researcherTopic: 'researcher topics',
  publicationTopic: 'publication topics',
};

/** The summary table: created, updated, unchanged, deleted, per kind. */
export function formatReport(report: ImportReport): string {
  const columns = ['created', 'updated', 'unchanged', 'deleted'] as const;
  const rows = kinds.map((kind) => [labels[kind], ...columns.map((column) => String(report.counts[kind][column]))]);
  const header = ['', ...columns];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const verdict = report.changed ? (report.dryRun ? 'Dry run: these changes were not written.' : 'Import complete.') : 'Everything unchanged.';
  const kept = report.keptCorrections > 0 ? [`Kept ${plural(report.keptCorrections, 'corrected value')} that the files would have changed.`] : [];
  return [line(header), ...rows.map(line), '', ...kept, verdict].join('\n');
}

const changeTitles: Record<ChangeKind, string> = { researcher: 'Researchers', publication: 'Publications', topic: 'Topics', role: 'Roles' };

/** Longest shown value of a changed field: abstracts are long. */
const MAX_VALUE = 120;
const clip = (value: string) => (value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value);

/**
 * The researchers, publications, topics and roles created (+), updated (~,
 * with each changed field as old → new) and deleted (-): the first `limit`
 * of each, all when `limit` is Infinity.
 */
export function formatChanges(report: ImportReport, limit = 20): string {
  const out: string[] = [];
  for (const kind of changeKinds) {
    const { created, updated, deleted } = report.changes[kind];
    if (created.length + updated.length + deleted.length === 0) continue;
    out.push(`${changeTitles[kind]}: ${created.length} created, ${updated.length} updated, ${deleted.length} deleted`);
    const section = <T>(items: T[], print: (item: T) => string[]) => {
      for (const item of items.slice(0, limit)) out.push(...print(item));
      if (items.length > limit) out.push(`    … and ${items.length - limit} more (--verbose lists all)`);
    };
    section(created, (name) => [`  + ${name}`]);
    section(updated, ({ name, fields }) => [`  ~ ${name}`, ...fields.map((field) => `      ${field.field}: ${clip(field.from)} → ${clip(field.to)}`)]);
    section(deleted, (name) => [`  - ${name}`]);
  }
  return out.join('\n');
}
