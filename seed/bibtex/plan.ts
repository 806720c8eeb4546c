import { foldCase, slugify } from '../../src/modules/shared/text.js';
import { mayOverwrite, type Provenance } from '../../src/modules/shared/provenance.js';
import { preferredSpelling } from '../merge.js';
import { ImportInputError } from '../source.js';
import { referenceFields, type Reference, type ReferenceField } from './entry.js';
import { bibNameKey, namesCompatible, type BibName } from './names.js';

/**
 * The BibTeX import's planner, pure: references and the rows they can touch
 * in, the rows to create and update out (seed/bibtex/write.ts writes them).
 *
 * - A reference matches a publication by DOI, then arXiv id, then title key;
 *   references of the same paper (in one file or several) are merged, and two
 *   that disagree on a value are an error naming both.
 * - It fills year, venue, DOI, arXiv id and URL where BibTeX may write
 *   (mayOverwrite: never over a correction or a profile's value), marking them 'bibtex'.
 * - Its author list sets the paper's authors when it names every author the
 *   paper already has (never over 'curation'); unmatched references become new papers.
 *
 * Every choice depends on the set of references, never on their order, so
 * files and entries in any order give the same rows.
 */

/** A person an author list names: an existing row, or one this run creates (by name key). */
export type PersonRef = { id: number } | { key: string };
/** A paper: an existing row, or one this run creates (by title key). */
export type PaperRef = { id: number } | { titleKey: string };

export interface ReferenceRow {
  id: number;
  titleKey: string;
  title: string;
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  url: string | null;
  provenance: Provenance;
}

export interface ReferenceSnapshot {
  /** Publications a reference can match (by DOI, arXiv id or title key), or whose DOI or arXiv id it gives. */
  publications: ReferenceRow[];
  /** The authors of those publications. */
  authorships: { publicationId: number; researcherId: number; position: number }[];
  /** The authors of those publications, and everyone whose name key a reference's author has. */
  researchers: { id: number; nameKey: string; name: string }[];
  /** Merged-away people named by a reference's author: their name key reaches the kept researcher. */
  redirects: { nameKey: string; researcherId: number }[];
  /** Slugs a new researcher's slug could collide with. */
  takenSlugs: Set<string>;
}

/** The keys the snapshot is read by. */
export interface ReferenceKeys {
  dois: string[];
  arxivIds: string[];
  titleKeys: string[];
  nameKeys: string[];
  slugBases: string[];
}

export type ReferenceValues = Record<ReferenceField, string | number | null>;

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface ReferenceCounts {
  /** Entries read. */
  entries: number;
  /** Existing publications the entries matched. */
  matched: number;
  /** Publications created from entries that matched none. */
  created: number;
  /** Matched publications left as they were. */
  unchanged: number;
  /** Field values written on matched publications (year, venue, DOI, arXiv id, URL). */
  fieldsFilled: number;
  /** Values kept because a higher source set them (a correction, a profile) and BibTeX differs. */
  valuesKept: number;
  /** Author lists set (order and missing authors) on matched publications. */
  authorListsSet: number;
  /** Author lists kept: a correction, or the entry leaves out someone already on the paper. */
  authorListsKept: number;
  /** People created for authors no profile or earlier import named. */
  peopleCreated: number;
}

export interface ReferencePlan {
  counts: ReferenceCounts;
  changes: { created: string[]; updated: { name: string; fields: FieldChange[] }[]; people: string[] };
  researchers: { nameKey: string; name: string; slug: string; searchKey: string }[];
  publications: {
    create: (ReferenceValues & { titleKey: string; title: string; provenance: Provenance })[];
    /** Every reference field's value after the run, and the provenance entries to add. */
    update: (ReferenceValues & { id: number; provenance: Provenance })[];
  };
  /** Authorships to insert or move (the lists set contain every author already there: none is removed). */
  authorships: { paper: PaperRef; person: PersonRef; position: number }[];
}

export function referenceKeys(references: Reference[]): ReferenceKeys {
  const names = references.flatMap((reference) => reference.authors);
  return {
    dois: unique(references.flatMap((reference) => (reference.doi ? [reference.doi.toLowerCase()] : []))),
    arxivIds: unique(references.flatMap((reference) => (reference.arxivId ? [reference.arxivId] : []))),
    titleKeys: unique(references.map((reference) => reference.titleKey)),
    nameKeys: unique(names.map(bibNameKey)),
    slugBases: unique(names.map((name) => slugBase(name.display))),
  };
}

const unique = <T>(values: T[]) => [...new Set(values)];
const slugBase = (name: string) => slugify(name) || 'researcher';
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const where = (reference: Reference) => `${reference.file}:${reference.line}`;
const show = (value: string | number | null | undefined) => (value === null || value === undefined ? '(none)' : String(value));
const byPlace = (a: Reference, b: Reference) => byText(a.file, b.file) || a.line - b.line;

/** One paper's references merged: the values they give, and the author list. */
interface MergedReference {
  references: Reference[];
  values: ReferenceValues;
  title: string;
  titleKey: string;
  authors: BibName[];
}

export function planReferences(references: Reference[], snapshot: ReferenceSnapshot): ReferencePlan {
  return new ReferencePlanner(snapshot).plan(references);
}

class ReferencePlanner {
  private readonly counts: ReferenceCounts = {
    entries: 0,
    matched: 0,
    created: 0,
    unchanged: 0,
    fieldsFilled: 0,
    valuesKept: 0,
    authorListsSet: 0,
    authorListsKept: 0,
    peopleCreated: 0,
  };
  private readonly result: ReferencePlan = {
    counts: this.counts,
    changes: { created: [], updated: [], people: [] },
    researchers: [],
    publications: { create: [], update: [] },
    authorships: [],
  };
  private readonly byId = new Map<number, ReferenceRow>();
  private readonly byDoi = new Map<string, ReferenceRow>();
  private readonly byArxiv = new Map<string, ReferenceRow>();
  private readonly byTitle = new Map<string, ReferenceRow>();
  private readonly researcherById: Map<number, { id: number; nameKey: string; name: string }>;
  private readonly researcherByKey: Map<string, number>;
  private readonly authorsOf = new Map<number, number[]>();
  /** People this run creates, by name key: every spelling seen. */
  private readonly newPeople = new Map<string, Set<string>>();

  constructor(private readonly snapshot: ReferenceSnapshot) {
    for (const row of snapshot.publications) {
      this.byId.set(row.id, row);
      if (row.doi) this.byDoi.set(row.doi.toLowerCase(), row);
      if (row.arxivId) this.byArxiv.set(row.arxivId, row);
      this.byTitle.set(row.titleKey, row);
    }
    this.researcherById = new Map(snapshot.researchers.map((row) => [row.id, row]));
    this.researcherByKey = new Map(snapshot.researchers.map((row) => [row.nameKey, row.id]));
    // A merged-away name reaches the kept researcher (unless someone holds that name again).
    for (const redirect of snapshot.redirects) if (!this.researcherByKey.has(redirect.nameKey)) this.researcherByKey.set(redirect.nameKey, redirect.researcherId);
    for (const link of [...snapshot.authorships].sort((a, b) => a.position - b.position)) {
      const list = this.authorsOf.get(link.publicationId) ?? [];
      list.push(link.researcherId);
      this.authorsOf.set(link.publicationId, list);
    }
  }

  plan(references: Reference[]): ReferencePlan {
    this.counts.entries = references.length;
    const { existing, created } = this.group(references);
    // Every snapshot paper's values after the run, to check that DOIs and arXiv ids stay unique.
    const after = new Map<number, ReferenceValues>(this.snapshot.publications.map((row) => [row.id, row]));
    for (const id of [...existing.keys()].sort((a, b) => a - b)) {
      after.set(id, this.planMatched(this.byId.get(id)!, merge(existing.get(id)!)));
    }
    const news = created.map(merge).sort((a, b) => byText(a.titleKey, b.titleKey));
    for (const paper of news) this.planCreated(paper);
    this.checkUniqueIds(after, news, existing);
    this.planPeople();
    return this.result;
  }

  /** References by the existing paper they match, and groups of those that match none (sharing a DOI, arXiv id or title: one new paper). */
  private group(references: Reference[]): { existing: Map<number, Reference[]>; created: Reference[][] } {
    const existing = new Map<number, Reference[]>();
    const unmatched: Reference[] = [];
    for (const reference of references) {
      const row =
        (reference.doi ? this.byDoi.get(reference.doi.toLowerCase()) : undefined) ??
        (reference.arxivId ? this.byArxiv.get(reference.arxivId) : undefined) ??
        this.byTitle.get(reference.titleKey);
      if (!row) unmatched.push(reference);
      else existing.set(row.id, [...(existing.get(row.id) ?? []), reference]);
    }
    // Union-find over the identifiers the unmatched references share.
    const parent = unmatched.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const owner = new Map<string, number>();
    unmatched.forEach((reference, i) => {
      const ids = [`t:${reference.titleKey}`, ...(reference.doi ? [`d:${reference.doi.toLowerCase()}`] : []), ...(reference.arxivId ? [`a:${reference.arxivId}`] : [])];
      for (const id of ids) {
        const other = owner.get(id);
        if (other === undefined) owner.set(id, i);
        else parent[find(i)] = find(other);
      }
    });
    const groups = new Map<number, Reference[]>();
    unmatched.forEach((reference, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), reference]));
    return { existing, created: [...groups.values()] };
  }

  private planMatched(row: ReferenceRow, paper: MergedReference): ReferenceValues {
    this.counts.matched += 1;
    const values: ReferenceValues = { year: row.year, venue: row.venue, doi: row.doi, arxivId: row.arxivId, url: row.url };
    const provenance: Provenance = {};
    const fields: FieldChange[] = [];
    for (const field of referenceFields) {
      const current = row[field];
      // DOIs are case-insensitive: one that differs only in case is the same value.
      const sameDoi = field === 'doi' && typeof current === 'string' && current.toLowerCase() === String(paper.values.doi).toLowerCase();
      const incoming = sameDoi ? current : paper.values[field];
      const source = row.provenance[field];
      // The same value is left as it is, its source included: reading back an export of the API changes nothing.
      if (incoming === null || incoming === current) continue;
      if (!mayOverwrite(source, 'bibtex')) {
        this.counts.valuesKept += 1;
        continue;
      }
      values[field] = incoming;
      provenance[field] = 'bibtex';
      this.counts.fieldsFilled += 1;
      fields.push({ field, from: show(current), to: show(incoming) });
    }
    fields.push(...this.planAuthors({ id: row.id }, paper.authors, row.provenance, provenance));
    if (fields.length === 0) {
      this.counts.unchanged += 1;
      return values;
    }
    this.result.publications.update.push({ ...values, id: row.id, provenance });
    this.result.changes.updated.push({ name: row.title, fields });
    return values;
  }

  private planCreated(paper: MergedReference): void {
    this.counts.created += 1;
    const provenance: Provenance = { title: 'bibtex' };
    for (const field of referenceFields) if (paper.values[field] !== null) provenance[field] = 'bibtex';
    const people = this.resolveAuthors(paper.authors, []);
    if (people.length > 0) provenance.authors = 'bibtex';
    this.result.publications.create.push({ ...paper.values, titleKey: paper.titleKey, title: paper.title, provenance });
    this.addAuthorships({ titleKey: paper.titleKey }, people, paper.authors);
    this.result.changes.created.push(paper.title);
  }

  /**
   * Sets a matched paper's author list when the entry names everyone already
   * on it (after matching names to them); returns the `authors` change, if any.
   */
  private planAuthors(paper: { id: number }, names: BibName[], current: Provenance, provenance: Provenance): FieldChange[] {
    if (names.length === 0) return [];
    const before = this.authorsOf.get(paper.id) ?? [];
    if (current.authors === 'curation') {
      this.counts.authorListsKept += 1;
      return [];
    }
    const people = this.resolveAuthors(names, before);
    const ids = new Set(people.flatMap((person) => ('id' in person ? [person.id] : [])));
    if (!before.every((id) => ids.has(id))) {
      this.counts.authorListsKept += 1;
      return [];
    }
    // The same list in the same order is left as it is, its source included.
    const same = people.length === before.length && people.every((person, i) => 'id' in person && person.id === before[i]);
    if (same) return [];
    this.counts.authorListsSet += 1;
    provenance.authors = 'bibtex';
    this.addAuthorships(paper, people, names);
    const nameOf = (person: PersonRef, i: number) => ('id' in person ? this.researcherById.get(person.id)!.name : names[i]!.display);
    const from = before.map((id) => this.researcherById.get(id)!.name).join(', ') || '(none)';
    return [{ field: 'authors', from, to: people.map(nameOf).join(', ') }];
  }

  /**
   * The people an author list names, in order (a person named twice counts
   * once): an author already on the paper (same name key, or, for names BibTeX
   * abbreviates, the one author whose name is compatible), else anyone with the
   * name key (or a redirect from it), else a new person.
   */
  private resolveAuthors(names: BibName[], paperAuthors: number[]): PersonRef[] {
    const keys = names.map(bibNameKey);
    const resolved: (PersonRef | undefined)[] = keys.map((key) => {
      const id = this.researcherByKey.get(key);
      return id !== undefined && paperAuthors.includes(id) ? { id } : undefined;
    });
    const taken = new Set(resolved.flatMap((person) => (person && 'id' in person ? [person.id] : [])));
    names.forEach((name, i) => {
      if (resolved[i]) return;
      const candidates = paperAuthors.filter((id) => !taken.has(id) && namesCompatible(name, this.researcherById.get(id)!.name));
      if (candidates.length !== 1) return;
      // Unambiguous both ways: no other unresolved name of the list fits that author too.
      const rivals = names.filter((other, j) => j !== i && !resolved[j] && namesCompatible(other, this.researcherById.get(candidates[0]!)!.name));
      if (rivals.length > 0) return;
      resolved[i] = { id: candidates[0]! };
      taken.add(candidates[0]!);
    });
    const people: PersonRef[] = [];
    const seen = new Set<string>();
    names.forEach((_, i) => {
      const key = keys[i]!;
      const id = this.researcherByKey.get(key);
      const person = resolved[i] ?? (id !== undefined ? { id } : { key });
      const identity = 'id' in person ? `id:${person.id}` : `key:${person.key}`;
      if (seen.has(identity)) return;
      seen.add(identity);
      people.push(person);
    });
    return people;
  }

  private addAuthorships(paper: PaperRef, people: PersonRef[], names: BibName[]): void {
    const keys = names.map(bibNameKey);
    people.forEach((person, position) => {
      if ('key' in person) {
        const spellings = this.newPeople.get(person.key) ?? new Set<string>();
        for (const [i, key] of keys.entries()) if (key === person.key) spellings.add(names[i]!.display);
        this.newPeople.set(person.key, spellings);
      }
      this.result.authorships.push({ paper, person, position });
    });
  }

  /** New people's names and slugs: in name-key order, so that slugs do not depend on the order of entries. */
  private planPeople(): void {
    const taken = new Set(this.snapshot.takenSlugs);
    for (const key of [...this.newPeople.keys()].sort(byText)) {
      const name = preferredSpelling(this.newPeople.get(key)!);
      const base = slugBase(name);
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      taken.add(slug);
      this.result.researchers.push({ nameKey: key, name, slug, searchKey: foldCase(name) });
      this.result.changes.people.push(name);
      this.counts.peopleCreated += 1;
    }
  }

  /** A DOI or arXiv id names one paper: refuses a run that would give one to two papers. */
  private checkUniqueIds(existing: Map<number, ReferenceValues>, news: MergedReference[], matched: Map<number, Reference[]>): void {
    for (const field of ['doi', 'arxivId'] as const) {
      const holders = new Map<string, string>();
      const claim = (value: string | number | null, holder: string, reference: Reference | undefined) => {
        if (value === null) return;
        const id = String(value).toLowerCase();
        const other = holders.get(id);
        if (other !== undefined && other !== holder && reference) {
          const label = field === 'doi' ? 'DOI' : 'arXiv id';
          throw new ImportInputError(reference.file, reference.line, `entry ${reference.key}: the ${label} ${String(value)} is already that of ${other}: one ${label} names one paper`);
        }
        holders.set(id, holder);
      };
      const rows = [...existing.entries()].sort(([a], [b]) => Number(matched.has(a)) - Number(matched.has(b)) || a - b);
      for (const [id, values] of rows) {
        const reference = matched.get(id)?.find((candidate) => candidate[field] !== null);
        claim(values[field], `the publication ${JSON.stringify(this.byId.get(id)!.title)}`, reference);
      }
      for (const paper of news) claim(paper.values[field], `the entry ${paper.references[0]!.key} (${where(paper.references[0]!)})`, paper.references.find((candidate) => candidate[field] !== null));
    }
  }
}

/** One paper's references as one: equal values or an error naming both entries; the longest author list. */
function merge(group: Reference[]): MergedReference {
  const references = [...group].sort(byPlace);
  const values = {} as ReferenceValues;
  for (const field of referenceFields) {
    const giving = references.filter((reference) => reference[field] !== null);
    const first = giving[0];
    const other = giving.find((reference) => reference[field] !== first?.[field]);
    if (first && other) {
      throw new ImportInputError(
        other.file,
        other.line,
        `entry ${other.key} gives the ${field} ${JSON.stringify(other[field])}, but ${where(first)} (entry ${first.key}) gives ${JSON.stringify(first[field])} for the same paper`,
      );
    }
    values[field] = first?.[field] ?? null;
  }
  const keysOf = (reference: Reference) => reference.authors.map(bibNameKey).join('|');
  const longest = [...references].sort((a, b) => b.authors.length - a.authors.length || byText(keysOf(a), keysOf(b)) || byPlace(a, b))[0]!;
  const rival = references.find((reference) => reference.authors.length === longest.authors.length && keysOf(reference) !== keysOf(longest));
  if (rival) {
    throw new ImportInputError(rival.file, rival.line, `entry ${rival.key} lists other authors than ${where(longest)} (entry ${longest.key}) for the same paper`);
  }
  // Spellings of one title (or titles of one DOI) may differ: the first in code-point order, whatever the file order.
  const titled = [...references].sort((a, b) => byText(a.title, b.title))[0]!;
  return { references, values, title: titled.title, titleKey: titled.titleKey, authors: longest.authors };
}
