import { mayOverwrite, type Provenance, type Source } from '../src/modules/shared/provenance.js';
import { foldCase, nameKey, slugify, titleKey } from '../src/modules/shared/text.js';
import { mergeListings, preferredSpelling, type ListingData, type MergedPublication } from './merge.js';
import type { ParsedProfile } from './parser.js';
import type { AuthorshipRow, PublicationRow, ResearcherRow, Snapshot } from './snapshot.js';
import { ImportInputError, type ProfileSource } from './source.js';
import { LabelResolver, type Vocabulary, type VocabularyEntry } from './vocabulary.js';

/**
 * The import's planner, pure: parsed profiles and the current rows in, the
 * rows to create, update and delete out. No database here, so that every
 * rule is unit-tested (test/unit/plan.test.ts) and a dry run is just the plan.
 *
 * Rows are named by their identity keys (a person's name key, a paper's title
 * key, a vocabulary key) where they may not exist yet, and by id where they
 * do: the writer turns keys into ids as it inserts.
 */

export const kinds = [
  'researcher',
  'position',
  'role',
  'topic',
  'publication',
  'listing',
  'authorship',
  'researcherRole',
  'researcherTopic',
  'publicationTopic',
] as const;
export type Kind = (typeof kinds)[number];
export type Outcome = 'created' | 'updated' | 'unchanged' | 'deleted';
export type ImportCounts = Record<Kind, Record<Outcome, number>>;

/** One changed field of an updated row, shown as `field: from → to`. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** What a run changes in one kind of thing, by name: what a dry run shows. */
export interface ChangeList {
  created: string[];
  updated: { name: string; fields: FieldChange[] }[];
  deleted: string[];
}

export const changeKinds = ['researcher', 'publication', 'topic', 'role'] as const;
export type ChangeKind = (typeof changeKinds)[number];
export type Changes = Record<ChangeKind, ChangeList>;

export interface VocabularyValues {
  key: string;
  name: string;
  nameFr: string;
}

export interface ResearcherValues {
  name: string;
  aliases: string[];
  searchKey: string;
  isMember: boolean;
  positionKey: string | null;
  organization: string | null;
  provenance: Provenance;
}

/** A paper's fields as a profile page gives them. */
export interface ListedValues {
  title: string;
  abstract: string | null;
  abstractTruncated: boolean;
  codeUrl: string | null;
}

export interface PublicationValues extends ListedValues {
  provenance: Provenance;
}

export interface ListingValues extends ListedValues {
  coauthorKeys: string[];
}

export interface ImportPlan {
  counts: ImportCounts;
  changes: Changes;
  /** Values a person corrected (provenance 'curation') that the files would have changed: kept. */
  keptCorrections: number;
  vocabulary: Record<'position' | 'role' | 'topic', { create: VocabularyValues[]; update: (VocabularyValues & { id: number })[] }>;
  researchers: {
    create: (ResearcherValues & { nameKey: string; slug: string })[];
    update: (ResearcherValues & { id: number })[];
    delete: number[];
  };
  publications: {
    create: (PublicationValues & { titleKey: string })[];
    update: (PublicationValues & { id: number })[];
    delete: number[];
  };
  listings: {
    create: (ListingValues & { ownerKey: string; titleKey: string })[];
    update: (ListingValues & { id: number })[];
    delete: number[];
  };
  authorships: {
    create: { titleKey: string; researcherKey: string; position: number }[];
    update: { publicationId: number; researcherId: number; position: number }[];
    delete: { publicationId: number; researcherId: number }[];
  };
  publicationTopics: { create: { titleKey: string; topicKey: string }[]; delete: { publicationId: number; topicId: number }[] };
  researcherRoles: { create: { researcherKey: string; roleKey: string }[]; delete: { researcherId: number; roleId: number }[] };
  researcherTopics: { create: { researcherKey: string; topicKey: string }[]; delete: { researcherId: number; topicId: number }[] };
}

/** The keys the writer reads current rows by. */
export interface PlanKeys {
  /** Name keys of the profiles' owners. */
  memberKeys: string[];
  /** Name keys of everyone the files name. */
  personKeys: string[];
  /** Title keys of every paper the files list. */
  titleKeys: string[];
  /** Slugs new researchers would start from. */
  slugBases: string[];
}

/**
 * Refuses a name or a title whose key is empty (no letter, or no letter or
 * digit): an empty key would make unrelated people or papers one row.
 * `nameLine` locates the owner's name, which the parsed profile does not.
 */
export function checkKeys(source: ProfileSource, nameLine: () => number = () => 1): void {
  const { file, profile } = source;
  if (!hasLetter(profile.name)) {
    throw new ImportInputError(file, nameLine(), `the name ${JSON.stringify(profile.name)} has no letter: it cannot identify a person`);
  }
  for (const publication of profile.publications) {
    // Folding keeps letters and digits, so a key is empty exactly when the text has none.
    if (!/[\p{L}\p{N}]/u.test(publication.title)) {
      throw new ImportInputError(file, publication.line, `the title ${JSON.stringify(publication.title)} has no letter or digit: it cannot identify a paper`);
    }
    const nameless = publication.coauthors.find((coauthor) => !hasLetter(coauthor));
    if (nameless !== undefined) {
      throw new ImportInputError(
        file,
        publication.line,
        `the co-author ${JSON.stringify(nameless)} of ${JSON.stringify(publication.title)} has no letter in the name: it cannot identify a person`,
      );
    }
  }
}

function hasLetter(name: string): boolean {
  return /\p{L}/u.test(name);
}

/** The identity keys of one profile's owner, papers and co-authors. */
interface ProfileKeys {
  owner: string;
  titles: string[];
  coauthors: string[][];
}

/**
 * Folding text into keys is the planner's main cost: each profile's keys are
 * computed once, whoever asks (the reader's key list, then the planner).
 */
const keysOfProfile = new WeakMap<ParsedProfile, ProfileKeys>();

function profileKeys(profile: ParsedProfile): ProfileKeys {
  let keys = keysOfProfile.get(profile);
  if (!keys) {
    keys = {
      owner: nameKey(profile.name),
      titles: profile.publications.map((publication) => titleKey(publication.title)),
      coauthors: profile.publications.map((publication) => publication.coauthors.map(nameKey)),
    };
    keysOfProfile.set(profile, keys);
  }
  return keys;
}

export function planKeys(sources: ProfileSource[]): PlanKeys {
  const memberKeys = new Set<string>();
  const spellings = new Map<string, string>();
  const titleKeys = new Set<string>();
  for (const { profile } of sources) {
    const keys = profileKeys(profile);
    memberKeys.add(keys.owner);
    spellings.set(keys.owner, profile.name);
    profile.publications.forEach((publication, i) => {
      titleKeys.add(keys.titles[i]!);
      publication.coauthors.forEach((coauthor, j) => spellings.set(keys.coauthors[i]![j]!, coauthor));
    });
  }
  return {
    memberKeys: [...memberKeys],
    personKeys: [...spellings.keys()],
    titleKeys: [...titleKeys],
    slugBases: [...new Set([...spellings.values()].map(slugBase))],
  };
}

const slugBase = (name: string) => slugify(name) || 'researcher';

interface MemberProfile {
  source: ProfileSource;
  position: VocabularyEntry | null;
  roles: VocabularyEntry[];
  topics: VocabularyEntry[];
}

interface Person {
  key: string;
  spellings: Set<string>;
  profile?: MemberProfile;
}

function emptyCounts(): ImportCounts {
  return Object.fromEntries(kinds.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, deleted: 0 }])) as ImportCounts;
}

function emptyChanges(): Changes {
  return Object.fromEntries(changeKinds.map((kind) => [kind, { created: [], updated: [], deleted: [] }])) as unknown as Changes;
}

const sameArray = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((value, i) => value === b[i]);
const sameProvenance = (a: Provenance, b: Provenance) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const show = (value: string | boolean | null) => (value === null ? '(none)' : String(value));
const showList = (values: string[]) => (values.length === 0 ? '(none)' : values.join(', '));

/** Field-by-field differences, in the order given. */
function fieldChanges(fields: [field: string, from: string, to: string][]): FieldChange[] {
  return fields.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}

export function planImport(sources: ProfileSource[], snapshot: Snapshot, vocabulary: Vocabulary): ImportPlan {
  return new Planner(snapshot, vocabulary).plan(sources);
}

class Planner {
  private readonly counts = emptyCounts();
  private readonly changes = emptyChanges();
  private readonly resolvers: Record<'position' | 'role' | 'topic', LabelResolver>;
  private readonly researcherById: Map<number, ResearcherRow>;
  private readonly researcherByKey: Map<string, ResearcherRow>;
  /** Each person's values after the run, by name key. */
  private readonly planned = new Map<string, ResearcherValues>();
  private readonly result: ImportPlan;
  /** Entries of changes.*.updated by kind and name, to add a row's link changes to its field changes. */
  private readonly updateEntries = new Map<string, { name: string; fields: FieldChange[] }>();
  private readonly roleKeyOf: Map<number, string>;
  private readonly topicKeyOf: Map<number, string>;
  private readonly researcherRolesOf: Map<number, { researcherId: number; roleId: number }[]>;
  private readonly researcherTopicsOf: Map<number, { researcherId: number; topicId: number }[]>;

  constructor(
    private readonly snapshot: Snapshot,
    vocabulary: Vocabulary,
  ) {
    this.resolvers = { position: new LabelResolver(vocabulary.positions), role: new LabelResolver(vocabulary.roles), topic: new LabelResolver(vocabulary.topics) };
    this.researcherById = new Map(snapshot.researchers.map((row) => [row.id, row]));
    this.researcherByKey = new Map(snapshot.researchers.map((row) => [row.nameKey, row]));
    this.roleKeyOf = new Map(snapshot.roles.map((role) => [role.id, role.key]));
    this.topicKeyOf = new Map(snapshot.topics.map((topic) => [topic.id, topic.key]));
    this.researcherRolesOf = groupBy(snapshot.researcherRoles, (link) => link.researcherId);
    this.researcherTopicsOf = groupBy(snapshot.researcherTopics, (link) => link.researcherId);
    const writes = () => ({ create: [], update: [], delete: [] });
    this.result = {
      counts: this.counts,
      changes: this.changes,
      keptCorrections: 0,
      vocabulary: { position: { create: [], update: [] }, role: { create: [], update: [] }, topic: { create: [], update: [] } },
      researchers: writes(),
      publications: writes(),
      listings: writes(),
      authorships: { create: [], update: [], delete: [] },
      publicationTopics: { create: [], delete: [] },
      researcherRoles: { create: [], delete: [] },
      researcherTopics: { create: [], delete: [] },
    };
  }

  private count(kind: Kind, outcome: Outcome, by = 1) {
    this.counts[kind][outcome] += by;
  }

  /** A merged-away person's name key leads to the kept person's (researcher_redirect). */
  private canonical(key: string): string {
    return this.snapshot.redirects.get(key) ?? key;
  }

  /**
   * The value an import writes to a field: the files' value, unless a person
   * corrected the field (kept, and counted when the files say otherwise).
   */
  private unlessCorrected<T>(provenance: Provenance, field: string, current: T, fromFiles: T, same: (a: T, b: T) => boolean = Object.is): T {
    if (provenance[field] !== 'curation') return fromFiles;
    if (!same(current, fromFiles)) this.result.keptCorrections += 1;
    return current;
  }

  /** `provenance` with the fields this import sets marked 'profile' (corrections stay 'curation'). */
  private static markedByProfile(provenance: Provenance, fields: Record<string, boolean>): Provenance {
    const result: Provenance = { ...provenance };
    for (const [field, hasValue] of Object.entries(fields)) {
      if (!mayOverwrite(result[field], 'profile')) continue;
      if (hasValue) result[field] = 'profile';
      else if (result[field] === 'profile') delete result[field];
    }
    return result;
  }

  plan(sources: ProfileSource[]): ImportPlan {
    const people = this.collectPeople(sources);
    const members = [...people.values()].filter((person) => person.profile);
    this.planVocabulary('position', members.flatMap((person) => (person.profile!.position ? [person.profile!.position] : [])));
    this.planVocabulary('role', members.flatMap((person) => person.profile!.roles));
    this.planVocabulary('topic', members.flatMap((person) => person.profile!.topics));
    this.planResearchers(people);
    for (const person of members) this.planMemberLinks(person);
    const authorCounts = this.planPublications(members);
    this.planOrphans(authorCounts);
    return this.result;
  }

  /** Everyone the files name, by name key, with every spelling seen. */
  private collectPeople(sources: ProfileSource[]): Map<string, Person> {
    const people = new Map<string, Person>();
    const person = (name: string, key: string) => {
      let found = people.get(key);
      if (!found) people.set(key, (found = { key, spellings: new Set() }));
      found.spellings.add(name);
      return found;
    };
    for (const source of sources) {
      checkKeys(source);
      const { profile } = source;
      const keys = profileKeys(profile);
      const owner = person(profile.name, this.canonical(keys.owner));
      if (owner.profile) {
        throw new ImportInputError(source.file, 1, `a second profile of ${profile.name} (the first is ${owner.profile.source.file})`);
      }
      owner.profile = {
        source,
        position: profile.position ? this.resolvers.position.resolve(profile.position) : null,
        roles: uniqueEntries(profile.roles.map((label) => this.resolvers.role.resolve(label))),
        topics: uniqueEntries(profile.topics.map((label) => this.resolvers.topic.resolve(label))),
      };
      profile.publications.forEach((publication, i) => publication.coauthors.forEach((coauthor, j) => person(coauthor, this.canonical(keys.coauthors[i]![j]!))));
    }
    return people;
  }

  /** Creates the entries the profiles use and updates those whose labels changed; never deletes. */
  private planVocabulary(kind: 'position' | 'role' | 'topic', used: VocabularyEntry[]): void {
    const rows = new Map(this.snapshot[`${kind}s`].map((row) => [row.key, row]));
    for (const entry of uniqueEntries(used).sort((a, b) => byText(a.key, b.key))) {
      const desired = { key: entry.key, name: entry.en, nameFr: entry.fr };
      const row = rows.get(entry.key);
      const listed = kind !== 'position';
      if (!row) {
        this.result.vocabulary[kind].create.push(desired);
        this.count(kind, 'created');
        if (listed) this.changes[kind].created.push(desired.name);
        continue;
      }
      const fields = fieldChanges([
        ['name', row.name, desired.name],
        ['nameFr', row.nameFr, desired.nameFr],
      ]);
      if (fields.length === 0) {
        this.count(kind, 'unchanged');
        continue;
      }
      this.result.vocabulary[kind].update.push({ ...desired, id: row.id });
      this.count(kind, 'updated');
      if (listed) this.changes[kind].updated.push({ name: row.name, fields });
    }
  }

  private planResearchers(people: Map<string, Person>): void {
    const positionKeyOf = new Map(this.snapshot.positions.map((row) => [row.id, row.key]));
    const values = new Map<string, ResearcherValues>();
    for (const person of people.values()) {
      const row = this.researcherByKey.get(person.key);
      const spellings = new Set([...(row ? [row.name, ...row.aliases] : []), ...person.spellings]);
      const profile = person.profile;
      const parsed: ParsedProfile | undefined = profile?.source.profile;
      const provenance = row?.provenance ?? {};
      const name = this.unlessCorrected(provenance, 'name', row?.name ?? '', parsed ? parsed.name : row?.isMember ? row.name : preferredSpelling(spellings));
      const aliases = [...spellings].filter((spelling) => spelling !== name).sort();
      const currentPositionKey = row?.positionId != null ? (positionKeyOf.get(row.positionId) ?? null) : null;
      const isMember = this.unlessCorrected(provenance, 'isMember', row?.isMember ?? false, Boolean(profile) || (row?.isMember ?? false));
      const positionKey = this.unlessCorrected(provenance, 'position', currentPositionKey, profile ? (profile.position?.key ?? null) : currentPositionKey);
      const organization = this.unlessCorrected(provenance, 'organization', row?.organization ?? null, parsed ? parsed.organization : (row?.organization ?? null));
      values.set(person.key, {
        name,
        aliases,
        searchKey: [...new Set([name, ...aliases].map(foldCase))].join(' | '),
        isMember,
        positionKey,
        organization,
        provenance: Planner.markedByProfile(provenance, {
          name: true,
          ...(profile ? { isMember: true, position: positionKey !== null, organization: organization !== null, roles: true, topics: true } : {}),
        }),
      });
    }
    // Slugs in name-key order, so that two new people whose names make the
    // same slug get the same suffixes whatever the file order.
    const taken = new Set(this.snapshot.takenSlugs);
    const slugs = new Map<string, string>();
    for (const key of [...people.keys()].filter((key) => !this.researcherByKey.has(key)).sort(byText)) {
      const base = slugBase(values.get(key)!.name);
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      taken.add(slug);
      slugs.set(key, slug);
    }
    // Rows in the order the files name people: new ids follow it, as they always have.
    for (const person of people.values()) {
      const row = this.researcherByKey.get(person.key);
      const desired = values.get(person.key)!;
      this.planned.set(person.key, desired);
      if (!row) {
        this.result.researchers.create.push({ ...desired, nameKey: person.key, slug: slugs.get(person.key)! });
        this.count('researcher', 'created');
        this.changes.researcher.created.push(desired.name);
        continue;
      }
      const currentPositionKey = row.positionId != null ? (positionKeyOf.get(row.positionId) ?? null) : null;
      const fields = fieldChanges([
        ['name', row.name, desired.name],
        ['aliases', showList(row.aliases), showList(desired.aliases)],
        ['member', show(row.isMember), show(desired.isMember)],
        ['position', show(currentPositionKey), show(desired.positionKey)],
        ['organization', show(row.organization), show(desired.organization)],
      ]);
      if (fields.length === 0 && row.searchKey === desired.searchKey && sameProvenance(row.provenance, desired.provenance)) {
        this.count('researcher', 'unchanged');
      } else {
        this.result.researchers.update.push({ ...desired, id: row.id });
        this.count('researcher', 'updated');
        this.noteUpdate('researcher', row.name, fields);
      }
    }
  }

  /** Adds field changes to a thing's entry in the change list (one entry per thing). */
  private noteUpdate(kind: ChangeKind, name: string, fields: FieldChange[]): void {
    if (fields.length === 0) return;
    const key = `${kind}:${name}`;
    const entry = this.updateEntries.get(key);
    if (entry) {
      entry.fields.push(...fields);
    } else {
      const created = { name, fields };
      this.updateEntries.set(key, created);
      this.changes[kind].updated.push(created);
    }
  }

  /** A member's roles and topics become exactly those of the profile, unless a person corrected them. */
  private planMemberLinks(person: Person): void {
    const row = this.researcherByKey.get(person.key);
    const roleKeyOf = this.roleKeyOf;
    const topicKeyOf = this.topicKeyOf;
    const currentRoles = row ? (this.researcherRolesOf.get(row.id) ?? []) : [];
    const currentTopics = row ? (this.researcherTopicsOf.get(row.id) ?? []) : [];
    const provenance = row?.provenance ?? {};
    const sameSet = (a: string[], b: string[]) => sameArray([...a].sort(), [...b].sort());
    const roles = this.syncLinks(
      'researcherRole',
      currentRoles.map((link) => ({ key: roleKeyOf.get(link.roleId)!, link })),
      this.unlessCorrected(provenance, 'roles', currentRoles.map((link) => roleKeyOf.get(link.roleId)!), person.profile!.roles.map((entry) => entry.key), sameSet),
      (roleKey) => this.result.researcherRoles.create.push({ researcherKey: person.key, roleKey }),
      (link) => this.result.researcherRoles.delete.push(link),
    );
    const topics = this.syncLinks(
      'researcherTopic',
      currentTopics.map((link) => ({ key: topicKeyOf.get(link.topicId)!, link })),
      this.memberTopics(person),
      (topicKey) => this.result.researcherTopics.create.push({ researcherKey: person.key, topicKey }),
      (link) => this.result.researcherTopics.delete.push(link),
    );
    if (row) {
      this.noteUpdate('researcher', row.name, fieldChanges([['roles', ...roles], ['topics', ...topics]]));
    }
  }

  /** A member's topics after this run: the profile's, or the corrected ones a person set (counted once, here). */
  private memberTopics(person: Person, count = true): string[] {
    const row = this.researcherByKey.get(person.key);
    const fromProfile = person.profile!.topics.map((entry) => entry.key);
    if (row?.provenance.topics !== 'curation') return fromProfile;
    const current = (this.researcherTopicsOf.get(row.id) ?? []).map((link) => this.topicKeyOf.get(link.topicId)!);
    if (!count) return current;
    return this.unlessCorrected(row.provenance, 'topics', current, fromProfile, (a, b) => sameArray([...a].sort(), [...b].sort()));
  }

  /** Creates the missing links and deletes the extra ones; returns the key lists before and after, for the change list. */
  private syncLinks<L>(
    kind: Kind,
    current: { key: string; link: L }[],
    wanted: string[],
    create: (key: string) => void,
    remove: (link: L) => void,
  ): [from: string, to: string] {
    const want = new Set(wanted);
    const have = new Set(current.map((item) => item.key));
    let changed = false;
    for (const key of want) {
      if (have.has(key)) this.count(kind, 'unchanged');
      else {
        create(key);
        this.count(kind, 'created');
        changed = true;
      }
    }
    for (const item of current) {
      if (want.has(item.key)) continue;
      remove(item.link);
      this.count(kind, 'deleted');
      changed = true;
    }
    // The lists are only shown when they differ (most runs change few rows).
    return changed ? [showList([...have].sort()), showList([...want].sort())] : ['', ''];
  }

  /**
   * The imported members' listings replace their earlier ones; every paper
   * they touch is merged again from all of its listings, whoever's.
   * Returns how many papers of this run each person authors, by name key.
   */
  private planPublications(members: Person[]): Map<string, number> {
    const memberKeys = new Set(members.map((person) => person.key));
    const publicationById = new Map(this.snapshot.publications.map((row) => [row.id, row]));
    const publicationByKey = new Map(this.snapshot.publications.map((row) => [row.titleKey, row]));
    const topicKeyOf = this.topicKeyOf;

    const incoming = new Map<string, ListingData[]>();
    for (const person of members) {
      const keys = profileKeys(person.profile!.source.profile);
      for (const [i, publication] of person.profile!.source.profile.publications.entries()) {
        const key = keys.titles[i]!;
        const listing: ListingData = {
          ownerKey: person.key,
          title: publication.title,
          abstract: publication.abstract,
          abstractTruncated: publication.abstractTruncated,
          codeUrl: publication.codeUrl,
          coauthorKeys: [...new Set(keys.coauthors[i]!.map((coauthor) => this.canonical(coauthor)))].filter((coauthor) => coauthor !== person.key),
        };
        const list = incoming.get(key) ?? [];
        // A page listing the same paper twice: keep the fuller entry.
        const twin = list.findIndex((other) => other.ownerKey === person.key);
        if (twin === -1) list.push(listing);
        else if ((list[twin]!.abstract?.length ?? 0) < (listing.abstract?.length ?? 0)) list[twin] = listing;
        incoming.set(key, list);
      }
    }

    // Earlier listings: those of the imported members are replaced, the others are merged with.
    const earlier = this.snapshot.listings.map((row) => ({
      row,
      ownerKey: this.researcherById.get(row.ownerId)!.nameKey,
      titleKey: publicationById.get(row.publicationId)!.titleKey,
    }));
    const earlierOf = groupBy(earlier, (item) => item.titleKey);
    const touched = [...new Set([...incoming.keys(), ...earlierOf.keys(), ...publicationByKey.keys()])].sort(byText);

    // A member's topics after this run; another owner's as they are.
    const memberTopics = new Map(members.map((person) => [person.key, this.memberTopics(person, false)]));
    const ownerTopics = (ownerKey: string): string[] => {
      const member = memberTopics.get(ownerKey);
      if (member) return member;
      const row = this.researcherByKey.get(ownerKey);
      return row ? (this.researcherTopicsOf.get(row.id) ?? []).map((link) => topicKeyOf.get(link.topicId)!) : [];
    };
    const authorsOf = groupBy(this.snapshot.authorships, (link) => link.publicationId);
    const topicsOf = groupBy(this.snapshot.publicationTopics, (link) => link.publicationId);

    const authorCounts = new Map<string, number>();
    for (const key of touched) {
      const row = publicationByKey.get(key);
      const others = (earlierOf.get(key) ?? []).filter((item) => !memberKeys.has(item.ownerKey));
      const listings = [
        ...others.map(({ row: listing, ownerKey }) => ({ ...listing, ownerKey, coauthorKeys: listing.coauthorKeys.map((coauthor) => this.canonical(coauthor)) })),
        ...(incoming.get(key) ?? []),
      ];

      // This run's members' listings: write the new ones, drop those their pages no longer show.
      for (const listing of incoming.get(key) ?? []) {
        const existing = (earlierOf.get(key) ?? []).find((item) => item.ownerKey === listing.ownerKey)?.row;
        const values: ListingValues = {
          title: listing.title,
          abstract: listing.abstract,
          abstractTruncated: listing.abstractTruncated,
          codeUrl: listing.codeUrl,
          coauthorKeys: listing.coauthorKeys,
        };
        if (!existing) {
          this.result.listings.create.push({ ...values, ownerKey: listing.ownerKey, titleKey: key });
          this.count('listing', 'created');
        } else if (
          existing.title !== values.title ||
          existing.abstract !== values.abstract ||
          existing.abstractTruncated !== values.abstractTruncated ||
          existing.codeUrl !== values.codeUrl ||
          !sameArray(existing.coauthorKeys, values.coauthorKeys)
        ) {
          this.result.listings.update.push({ ...values, id: existing.id });
          this.count('listing', 'updated');
        } else {
          this.count('listing', 'unchanged');
        }
      }
      for (const item of earlierOf.get(key) ?? []) {
        if (!memberKeys.has(item.ownerKey) || incoming.get(key)?.some((listing) => listing.ownerKey === item.ownerKey)) continue;
        this.result.listings.delete.push(item.row.id);
        this.count('listing', 'deleted');
      }

      if (listings.length === 0) {
        // No profile lists it any more; its authorships and topics go with it,
        // unless another source or a person vouches for it (or hid it on purpose).
        if (row && (row.hidden || Object.values(row.provenance).some((source) => source !== 'profile'))) {
          for (const link of authorsOf.get(row.id) ?? []) {
            const author = this.researcherById.get(link.researcherId)!.nameKey;
            authorCounts.set(author, (authorCounts.get(author) ?? 0) + 1);
          }
        } else if (row) {
          this.result.publications.delete.push(row.id);
          this.count('publication', 'deleted');
          this.count('authorship', 'deleted', authorsOf.get(row.id)?.length ?? 0);
          this.count('publicationTopic', 'deleted', topicsOf.get(row.id)?.length ?? 0);
          this.changes.publication.deleted.push(row.title);
        }
        continue;
      }

      const paper = mergeListings(listings);
      const authors = this.authorsAfterImport(row, authorsOf.get(row?.id ?? -1) ?? [], paper.authorKeys);
      const authorKeys = authors.keys;
      const desired = this.publicationValues(row, paper, authors.source);
      for (const author of authorKeys) authorCounts.set(author, (authorCounts.get(author) ?? 0) + 1);
      const paperTopics = this.topicsAfterImport(row, topicsOf.get(row?.id ?? -1) ?? [], [...new Set(paper.ownerKeys.flatMap(ownerTopics))]);
      if (!row) {
        this.result.publications.create.push({ ...desired, titleKey: key });
        this.count('publication', 'created');
        this.changes.publication.created.push(desired.title);
        authorKeys.forEach((researcherKey, position) => this.result.authorships.create.push({ titleKey: key, researcherKey, position }));
        this.count('authorship', 'created', authorKeys.length);
        for (const topicKey of paperTopics) this.result.publicationTopics.create.push({ titleKey: key, topicKey });
        this.count('publicationTopic', 'created', paperTopics.length);
        continue;
      }

      const fields = fieldChanges([
        ['title', row.title, desired.title],
        ['abstract', show(row.abstract), show(desired.abstract)],
        ['abstractTruncated', show(row.abstractTruncated), show(desired.abstractTruncated)],
        ['codeUrl', show(row.codeUrl), show(desired.codeUrl)],
      ]);
      if (fields.length > 0 || !sameProvenance(row.provenance, desired.provenance)) {
        this.result.publications.update.push({ ...desired, id: row.id });
        this.count('publication', 'updated');
      } else {
        this.count('publication', 'unchanged');
      }
      fields.push(...this.planAuthorships(row.id, key, authorsOf.get(row.id) ?? [], authorKeys));
      this.syncLinks(
        'publicationTopic',
        (topicsOf.get(row.id) ?? []).map((link) => ({ key: topicKeyOf.get(link.topicId)!, link })),
        paperTopics,
        (topicKey) => this.result.publicationTopics.create.push({ titleKey: key, topicKey }),
        (link) => this.result.publicationTopics.delete.push(link),
      );
      this.noteUpdate('publication', row.title, fields);
    }
    return authorCounts;
  }

  /** A paper's fields after this run: the profiles' merge, but for the fields a person corrected. */
  private publicationValues(row: PublicationRow | undefined, paper: MergedPublication, authorsFrom: Source): PublicationValues {
    const provenance = row?.provenance ?? {};
    const keep = <T>(field: string, current: T, merged: T) => (row ? this.unlessCorrected(provenance, field, current, merged) : merged);
    const abstractCorrected = row !== undefined && provenance.abstract === 'curation';
    const values: ListedValues = {
      title: keep('title', row?.title ?? '', paper.title),
      abstract: keep('abstract', row?.abstract ?? null, paper.abstract),
      abstractTruncated: abstractCorrected ? row.abstractTruncated : paper.abstractTruncated,
      codeUrl: keep('codeUrl', row?.codeUrl ?? null, paper.codeUrl),
    };
    return {
      ...values,
      provenance: Planner.markedByProfile(provenance, {
        title: true,
        abstract: values.abstract !== null,
        codeUrl: values.codeUrl !== null,
        authors: authorsFrom === 'profile',
        topics: true,
      }),
    };
  }

  /**
   * A paper's authors after this run. A person's list is kept as it is; a
   * BibTeX list is kept while it names everyone the profiles name (it is the
   * fuller one), else the profiles' order wins again; otherwise the profiles'.
   */
  private authorsAfterImport(row: PublicationRow | undefined, current: AuthorshipRow[], fromProfiles: string[]): { keys: string[]; source: Source } {
    const source = row?.provenance.authors;
    if (source !== 'curation' && source !== 'bibtex') return { keys: fromProfiles, source: 'profile' };
    const currentKeys = [...current].sort((a, b) => a.position - b.position).map((link) => this.researcherById.get(link.researcherId)!.nameKey);
    if (source === 'bibtex') {
      return fromProfiles.every((key) => currentKeys.includes(key)) ? { keys: currentKeys, source } : { keys: fromProfiles, source: 'profile' };
    }
    return { keys: this.unlessCorrected(row!.provenance, 'authors', currentKeys, fromProfiles, sameArray), source };
  }

  /** A paper's topics after this run: its profiles' owners' topics, unless a person set them. */
  private topicsAfterImport(row: PublicationRow | undefined, current: { topicId: number }[], fromProfiles: string[]): string[] {
    if (row?.provenance.topics !== 'curation') return fromProfiles;
    const currentKeys = current.map((link) => this.topicKeyOf.get(link.topicId)!);
    return this.unlessCorrected(row.provenance, 'topics', currentKeys, fromProfiles, (a, b) => sameArray([...a].sort(), [...b].sort()));
  }

  /** Makes a paper's authors exactly `wanted`, in that order; returns the `authors` change, if any. */
  private planAuthorships(
    publicationId: number,
    key: string,
    current: { researcherId: number; position: number }[],
    wanted: string[],
  ): FieldChange[] {
    const had = new Map(current.map((link) => [this.researcherById.get(link.researcherId)!.nameKey, link]));
    const want = new Set(wanted);
    let changed = false;
    wanted.forEach((researcherKey, position) => {
      const link = had.get(researcherKey);
      if (!link) {
        this.result.authorships.create.push({ titleKey: key, researcherKey, position });
        this.count('authorship', 'created');
        changed = true;
      } else if (link.position !== position) {
        this.result.authorships.update.push({ publicationId, researcherId: link.researcherId, position });
        this.count('authorship', 'updated');
        changed = true;
      } else {
        this.count('authorship', 'unchanged');
      }
    });
    for (const [researcherKey, link] of had) {
      if (want.has(researcherKey)) continue;
      this.result.authorships.delete.push({ publicationId, researcherId: link.researcherId });
      this.count('authorship', 'deleted');
      changed = true;
    }
    if (!changed) return [];
    const before = [...current].sort((a, b) => a.position - b.position).map((link) => this.researcherById.get(link.researcherId)!);
    if (sameArray(before.map((row) => row.nameKey), wanted)) return [];
    return fieldChanges([['authors', showList(before.map((row) => row.name)), showList(wanted.map((author) => this.planned.get(author)?.name ?? this.researcherByKey.get(author)?.name ?? author))]]);
  }

  /** Co-authors left with no paper and no profile of their own are deleted. */
  private planOrphans(authorCounts: Map<string, number>): void {
    for (const row of this.snapshot.researchers) {
      const isMember = this.planned.get(row.nameKey)?.isMember ?? row.isMember;
      const papers = (this.snapshot.otherAuthorships.get(row.id) ?? 0) + (authorCounts.get(row.nameKey) ?? 0);
      // A person someone corrected is theirs to delete, not the import's.
      if (isMember || papers > 0 || Object.values(row.provenance).includes('curation')) continue;
      this.result.researchers.delete.push(row.id);
      this.count('researcher', 'deleted');
      this.changes.researcher.deleted.push(row.name);
    }
  }
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function uniqueEntries(entries: VocabularyEntry[]): VocabularyEntry[] {
  return [...new Map(entries.map((entry) => [entry.key, entry])).values()];
}
