import type { Prisma, PrismaClient } from '../src/generated/prisma/client.js';
import { foldCase, nameKey, slugify, titleKey } from '../src/modules/shared/text.js';
import { mergeListings, preferredSpelling, type ListingData } from './merge.js';
import { ImportInputError, type ProfileSource } from './source.js';
import { LabelResolver, loadVocabulary, type Vocabulary, type VocabularyEntry } from './vocabulary.js';

/**
 * Writes parsed profiles in one transaction: a run imports every file or
 * changes nothing. Rows are compared before they are written, so importing
 * the same files again rewrites nothing (updatedAt stays), and every merge
 * is a function of all the data seen, so import order does not matter.
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

export interface ImportReport {
  dryRun: boolean;
  counts: ImportCounts;
  /** True when the run wrote (or, dry, would write) anything. */
  changed: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
  vocabulary?: Vocabulary;
}

/** Serialises imports: a second one waits for the first, then sees its rows. */
const IMPORT_LOCK_ID = 4_172_019_501;

class DryRunRollback extends Error {}

type Tx = Prisma.TransactionClient;

function emptyCounts(): ImportCounts {
  return Object.fromEntries(kinds.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, deleted: 0 }])) as ImportCounts;
}

const sameArray = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((value, i) => value === b[i]);

export async function importProfiles(prisma: PrismaClient, sources: ProfileSource[], options: ImportOptions = {}): Promise<ImportReport> {
  const counts = emptyCounts();
  const run = (tx: Tx) => new ImportRun(tx, counts, options.vocabulary ?? loadVocabulary()).import(sources);
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(${IMPORT_LOCK_ID}::bigint)`;
        await run(tx);
        if (options.dryRun) throw new DryRunRollback();
      },
      // A large import, or one waiting for another to finish, outlasts Prisma's 5 s default.
      { maxWait: 30_000, timeout: 600_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  const changed = kinds.some((kind) => counts[kind].created + counts[kind].updated + counts[kind].deleted > 0);
  return { dryRun: options.dryRun ?? false, counts, changed };
}

interface PersonPlan {
  key: string;
  spellings: Set<string>;
  profile?: { source: ProfileSource; position: VocabularyEntry | null; roles: VocabularyEntry[]; topics: VocabularyEntry[] };
}

class ImportRun {
  private readonly topics: LabelResolver;
  private readonly roles: LabelResolver;
  private readonly positions: LabelResolver;

  constructor(
    private readonly tx: Tx,
    private readonly counts: ImportCounts,
    vocabulary: Vocabulary,
  ) {
    this.topics = new LabelResolver(vocabulary.topics);
    this.roles = new LabelResolver(vocabulary.roles);
    this.positions = new LabelResolver(vocabulary.positions);
  }

  private count(kind: Kind, outcome: Outcome, by = 1) {
    this.counts[kind][outcome] += by;
  }

  async import(sources: ProfileSource[]): Promise<void> {
    const people = this.planPeople(sources);
    const positionIds = await this.ensureVocabulary('position', people, (plan) => (plan.profile?.position ? [plan.profile.position] : []));
    const roleIds = await this.ensureVocabulary('role', people, (plan) => plan.profile?.roles ?? []);
    const topicIds = await this.ensureVocabulary('topic', people, (plan) => plan.profile?.topics ?? []);
    const researcherIds = await this.writeResearchers(people, positionIds);
    const members = [...people.values()].filter((plan) => plan.profile);
    for (const plan of members) {
      const id = researcherIds.get(plan.key)!;
      await this.writeLinks('researcherRole', id, plan.profile!.roles.map((entry) => roleIds.get(entry.key)!));
      await this.writeLinks('researcherTopic', id, plan.profile!.topics.map((entry) => topicIds.get(entry.key)!));
    }
    await this.writePublications(members, researcherIds);
    await this.deleteOrphans();
  }

  /** Everyone the files mention, by name key, with every spelling seen. */
  private planPeople(sources: ProfileSource[]): Map<string, PersonPlan> {
    const people = new Map<string, PersonPlan>();
    const person = (name: string) => {
      const key = nameKey(name);
      let plan = people.get(key);
      if (!plan) people.set(key, (plan = { key, spellings: new Set() }));
      plan.spellings.add(name);
      return plan;
    };
    for (const source of sources) {
      const { profile } = source;
      const owner = person(profile.name);
      if (owner.profile) {
        throw new ImportInputError(source.file, 1, `a second profile of ${profile.name} (the first is ${owner.profile.source.file})`);
      }
      owner.profile = {
        source,
        position: profile.position ? this.positions.resolve(profile.position) : null,
        roles: uniqueEntries(profile.roles.map((label) => this.roles.resolve(label))),
        topics: uniqueEntries(profile.topics.map((label) => this.topics.resolve(label))),
      };
      for (const publication of profile.publications) for (const coauthor of publication.coauthors) person(coauthor);
    }
    return people;
  }

  /** Creates or updates the vocabulary rows the profiles use; returns their ids by key. */
  private async ensureVocabulary(
    kind: 'position' | 'role' | 'topic',
    people: Map<string, PersonPlan>,
    entriesOf: (plan: PersonPlan) => VocabularyEntry[],
  ): Promise<Map<string, number>> {
    const entries = uniqueEntries([...people.values()].flatMap(entriesOf));
    const ids = new Map<string, number>();
    for (const entry of entries) {
      const desired = { name: entry.en, nameFr: entry.fr };
      // Topics are keyed by slug, roles and positions by key: the same vocabulary key either way.
      const existing =
        kind === 'topic'
          ? await this.tx.topic.findUnique({ where: { slug: entry.key } })
          : kind === 'role'
            ? await this.tx.role.findUnique({ where: { key: entry.key } })
            : await this.tx.position.findUnique({ where: { key: entry.key } });
      let id = existing?.id;
      if (!existing) {
        const created =
          kind === 'topic'
            ? await this.tx.topic.create({ data: { slug: entry.key, ...desired } })
            : kind === 'role'
              ? await this.tx.role.create({ data: { key: entry.key, ...desired } })
              : await this.tx.position.create({ data: { key: entry.key, ...desired } });
        id = created.id;
        this.count(kind, 'created');
      } else if (existing.name !== desired.name || existing.nameFr !== desired.nameFr) {
        const where = { where: { id: existing.id }, data: desired };
        if (kind === 'topic') await this.tx.topic.update(where);
        else if (kind === 'role') await this.tx.role.update(where);
        else await this.tx.position.update(where);
        this.count(kind, 'updated');
      } else {
        this.count(kind, 'unchanged');
      }
      ids.set(entry.key, id!);
    }
    return ids;
  }

  private async writeResearchers(people: Map<string, PersonPlan>, positionIds: Map<string, number>): Promise<Map<string, number>> {
    const existingRows = await this.tx.researcher.findMany({ where: { nameKey: { in: [...people.keys()] } } });
    const existing = new Map(existingRows.map((row) => [row.nameKey, row]));
    const ids = new Map<string, number>();
    for (const plan of people.values()) {
      const row = existing.get(plan.key);
      const spellings = new Set([...(row ? [row.name, ...row.aliases] : []), ...plan.spellings]);
      const profile = plan.profile?.source.profile;
      const name = profile ? profile.name : row?.isMember ? row.name : preferredSpelling(spellings);
      const aliases = [...spellings].filter((spelling) => spelling !== name).sort();
      const desired = {
        name,
        aliases,
        searchKey: [...new Set([name, ...aliases].map(foldCase))].join(' | '),
        isMember: Boolean(profile) || (row?.isMember ?? false),
        positionId: plan.profile ? (plan.profile.position ? positionIds.get(plan.profile.position.key)! : null) : (row?.positionId ?? null),
        organization: profile ? profile.organization : (row?.organization ?? null),
      };
      if (!row) {
        const created = await this.tx.researcher.create({
          data: { ...desired, nameKey: plan.key, slug: await this.freeSlug(slugify(name)) },
        });
        ids.set(plan.key, created.id);
        this.count('researcher', 'created');
        continue;
      }
      ids.set(plan.key, row.id);
      const same =
        row.name === desired.name &&
        sameArray(row.aliases, desired.aliases) &&
        row.searchKey === desired.searchKey &&
        row.isMember === desired.isMember &&
        row.positionId === desired.positionId &&
        row.organization === desired.organization;
      if (same) {
        this.count('researcher', 'unchanged');
      } else {
        await this.tx.researcher.update({ where: { id: row.id }, data: desired });
        this.count('researcher', 'updated');
      }
    }
    return ids;
  }

  /** `base`, or `base-2`, `base-3`… when two different names make the same slug. */
  private async freeSlug(base: string): Promise<string> {
    const root = base || 'researcher';
    const taken = new Set(
      (await this.tx.researcher.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((row) => row.slug),
    );
    let slug = root;
    for (let n = 2; taken.has(slug); n += 1) slug = `${root}-${n}`;
    return slug;
  }

  /** Makes a member's roles or topics exactly `wanted`. */
  private async writeLinks(kind: 'researcherRole' | 'researcherTopic', researcherId: number, wanted: number[]): Promise<void> {
    if (kind === 'researcherRole') {
      const current = (await this.tx.researcherRole.findMany({ where: { researcherId } })).map((link) => link.roleId);
      await this.syncLinks(kind, current, wanted, {
        create: (ids) => this.tx.researcherRole.createMany({ data: ids.map((roleId) => ({ researcherId, roleId })) }),
        remove: (ids) => this.tx.researcherRole.deleteMany({ where: { researcherId, roleId: { in: ids } } }),
      });
    } else {
      const current = (await this.tx.researcherTopic.findMany({ where: { researcherId } })).map((link) => link.topicId);
      await this.syncLinks(kind, current, wanted, {
        create: (ids) => this.tx.researcherTopic.createMany({ data: ids.map((topicId) => ({ researcherId, topicId })) }),
        remove: (ids) => this.tx.researcherTopic.deleteMany({ where: { researcherId, topicId: { in: ids } } }),
      });
    }
  }

  /** Creates the missing links and removes the extra ones, leaving the others untouched (their updatedAt too). */
  private async syncLinks(
    kind: Kind,
    current: number[],
    wanted: number[],
    write: { create: (ids: number[]) => Promise<unknown>; remove: (ids: number[]) => Promise<unknown> },
  ): Promise<void> {
    const have = new Set(current);
    const want = new Set(wanted);
    const missing = [...want].filter((id) => !have.has(id));
    const extra = [...have].filter((id) => !want.has(id));
    if (missing.length > 0) await write.create(missing);
    if (extra.length > 0) await write.remove(extra);
    this.tally(kind, missing.length, extra.length, want.size - missing.length);
  }

  private tally(kind: Kind, created: number, deleted: number, unchanged: number) {
    this.count(kind, 'created', created);
    this.count(kind, 'deleted', deleted);
    this.count(kind, 'unchanged', unchanged);
  }

  /**
   * Listings of the imported members replace their earlier ones; every paper
   * they touch is then merged again from all of its listings, whoever's.
   */
  private async writePublications(members: PersonPlan[], researcherIds: Map<string, number>): Promise<void> {
    const memberIds = members.map((plan) => researcherIds.get(plan.key)!);
    const incoming = new Map<string, ListingData[]>(); // by title key
    for (const plan of members) {
      for (const publication of plan.profile!.source.profile.publications) {
        const key = titleKey(publication.title);
        const listing: ListingData = {
          ownerKey: plan.key,
          title: publication.title,
          abstract: publication.abstract,
          abstractTruncated: publication.abstractTruncated,
          codeUrl: publication.codeUrl,
          coauthorKeys: [...new Set(publication.coauthors.map(nameKey))].filter((coauthor) => coauthor !== plan.key),
        };
        const list = incoming.get(key) ?? [];
        // A page listing the same paper twice: keep the fuller entry.
        const twin = list.findIndex((other) => other.ownerKey === plan.key);
        if (twin === -1) list.push(listing);
        else if ((list[twin]!.abstract?.length ?? 0) < (listing.abstract?.length ?? 0)) list[twin] = listing;
        incoming.set(key, list);
      }
    }

    // Earlier listings: of the imported members (to replace) and of others on the same papers (to merge with).
    const earlier = await this.tx.listing.findMany({
      where: { OR: [{ ownerId: { in: memberIds } }, { publication: { titleKey: { in: [...incoming.keys()] } } }] },
      include: { publication: { select: { titleKey: true } }, owner: { select: { nameKey: true } } },
    });
    const touched = new Set([...incoming.keys(), ...earlier.map((listing) => listing.publication.titleKey)]);
    const merged = new Map<string, ListingData[]>();
    for (const listing of earlier) {
      if (memberIds.includes(listing.ownerId)) continue; // replaced by this run's listings
      const list = merged.get(listing.publication.titleKey) ?? [];
      list.push({ ...listing, ownerKey: listing.owner.nameKey });
      merged.set(listing.publication.titleKey, list);
    }
    for (const [key, list] of incoming) merged.set(key, [...(merged.get(key) ?? []), ...list]);

    // Everyone named by any listing of these papers, and the topics of every owner.
    const allKeys = new Set([...merged.values()].flat().flatMap((listing) => [listing.ownerKey, ...listing.coauthorKeys]));
    const peopleRows = await this.tx.researcher.findMany({
      where: { nameKey: { in: [...allKeys] } },
      select: { id: true, nameKey: true, topics: { select: { topicId: true } } },
    });
    const idOf = new Map(peopleRows.map((row) => [row.nameKey, row.id]));
    const topicsOf = new Map(peopleRows.map((row) => [row.nameKey, row.topics.map((link) => link.topicId)]));

    const existingPublications = new Map(
      (await this.tx.publication.findMany({ where: { titleKey: { in: [...touched] } } })).map((row) => [row.titleKey, row]),
    );
    for (const key of [...touched].sort()) {
      const listings = merged.get(key) ?? [];
      const row = existingPublications.get(key);
      if (listings.length === 0) {
        // No profile lists it any more.
        if (row) {
          await this.tx.publication.delete({ where: { id: row.id } });
          this.count('publication', 'deleted');
        }
        continue;
      }
      const paper = mergeListings(listings);
      const desired = { title: paper.title, abstract: paper.abstract, abstractTruncated: paper.abstractTruncated, codeUrl: paper.codeUrl };
      let publicationId: number;
      if (!row) {
        publicationId = (await this.tx.publication.create({ data: { titleKey: key, ...desired } })).id;
        this.count('publication', 'created');
      } else {
        publicationId = row.id;
        const same =
          row.title === desired.title &&
          row.abstract === desired.abstract &&
          row.abstractTruncated === desired.abstractTruncated &&
          row.codeUrl === desired.codeUrl;
        if (!same) await this.tx.publication.update({ where: { id: row.id }, data: desired });
        this.count('publication', same ? 'unchanged' : 'updated');
      }
      await this.writeListings(publicationId, listings.filter((listing) => memberIds.includes(idOf.get(listing.ownerKey)!)), idOf);
      await this.writeAuthorships(publicationId, paper.authorKeys.map((author) => idOf.get(author)!));
      const topicIds = [...new Set(paper.ownerKeys.flatMap((owner) => topicsOf.get(owner) ?? []))];
      await this.writePublicationTopics(publicationId, topicIds);
    }
    // Listings of the imported members for papers their profiles no longer list.
    const stale = earlier.filter((listing) => memberIds.includes(listing.ownerId) && !incoming.get(listing.publication.titleKey)?.some((l) => l.ownerKey === listing.owner.nameKey));
    const staleIds = stale.map((listing) => listing.id);
    if (staleIds.length > 0) {
      const { count } = await this.tx.listing.deleteMany({ where: { id: { in: staleIds } } });
      this.count('listing', 'deleted', count);
    }
  }

  /** This run's listings of one paper, written only where they differ. */
  private async writeListings(publicationId: number, listings: ListingData[], idOf: Map<string, number>): Promise<void> {
    for (const listing of listings) {
      const ownerId = idOf.get(listing.ownerKey)!;
      const desired = {
        title: listing.title,
        abstract: listing.abstract,
        abstractTruncated: listing.abstractTruncated,
        codeUrl: listing.codeUrl,
        coauthorKeys: listing.coauthorKeys,
      };
      const row = await this.tx.listing.findUnique({ where: { ownerId_publicationId: { ownerId, publicationId } } });
      if (!row) {
        await this.tx.listing.create({ data: { ownerId, publicationId, ...desired } });
        this.count('listing', 'created');
      } else if (
        row.title !== desired.title ||
        row.abstract !== desired.abstract ||
        row.abstractTruncated !== desired.abstractTruncated ||
        row.codeUrl !== desired.codeUrl ||
        !sameArray(row.coauthorKeys, desired.coauthorKeys)
      ) {
        await this.tx.listing.update({ where: { id: row.id }, data: desired });
        this.count('listing', 'updated');
      } else {
        this.count('listing', 'unchanged');
      }
    }
  }

  /** Makes the paper's authors exactly `researcherIds`, in that order. */
  private async writeAuthorships(publicationId: number, researcherIds: number[]): Promise<void> {
    const current = new Map((await this.tx.authorship.findMany({ where: { publicationId } })).map((row) => [row.researcherId, row.position]));
    const wanted = new Map(researcherIds.map((id, position) => [id, position]));
    const extra = [...current.keys()].filter((id) => !wanted.has(id));
    if (extra.length > 0) await this.tx.authorship.deleteMany({ where: { publicationId, researcherId: { in: extra } } });
    this.count('authorship', 'deleted', extra.length);
    for (const [researcherId, position] of wanted) {
      const had = current.get(researcherId);
      if (had === undefined) {
        await this.tx.authorship.create({ data: { publicationId, researcherId, position } });
        this.count('authorship', 'created');
      } else if (had !== position) {
        await this.tx.authorship.update({ where: { publicationId_researcherId: { publicationId, researcherId } }, data: { position } });
        this.count('authorship', 'updated');
      } else {
        this.count('authorship', 'unchanged');
      }
    }
  }

  private async writePublicationTopics(publicationId: number, topicIds: number[]): Promise<void> {
    const current = (await this.tx.publicationTopic.findMany({ where: { publicationId } })).map((row) => row.topicId);
    await this.syncLinks('publicationTopic', current, topicIds, {
      create: (ids) => this.tx.publicationTopic.createMany({ data: ids.map((topicId) => ({ publicationId, topicId })) }),
      remove: (ids) => this.tx.publicationTopic.deleteMany({ where: { publicationId, topicId: { in: ids } } }),
    });
  }

  /** Co-authors left with no paper and no profile of their own. */
  private async deleteOrphans(): Promise<void> {
    const { count } = await this.tx.researcher.deleteMany({ where: { isMember: false, authorships: { none: {} } } });
    this.count('researcher', 'deleted', count);
  }
}

function uniqueEntries(entries: VocabularyEntry[]): VocabularyEntry[] {
  return [...new Map(entries.map((entry) => [entry.key, entry])).values()];
}
