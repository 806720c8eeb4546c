import { recordAudit } from '../../audit/record.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Publication } from '../../generated/prisma/client.js';
import { badUserInput } from '../shared/errors.js';
import { allCurated, changedFields, checkUnchangedSince, curated, lockRow, type Tx } from '../shared/mutations.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readProvenance } from '../shared/provenance.js';
import { titleKey } from '../shared/text.js';
import { publicationScalarFields, type PublicationChanges } from './mutationsInput.js';

/**
 * Writes of publications through the API, each inside the caller's
 * transaction (inWriteTransaction) with its audit entry. Every field a person
 * writes is marked 'curation' in the row's provenance, so imports keep it.
 *
 * A title correction keeps the row's title_key: that key is how imports
 * recognise the paper, and profile pages still spell the title the old way.
 * The next import therefore still finds the paper, and keeps the corrected
 * title (provenance 'curation').
 */

/** The publication, locked for the transaction; BAD_USER_INPUT when there is none. */
async function lockedPublication(tx: Tx, id: number, argumentName = 'id'): Promise<Publication> {
  const found = (await lockRow(tx, 'publication', id)) ? await tx.publication.findUnique({ where: { id } }) : null;
  if (!found) throw badUserInput(`No publication has the id ${toGlobalId('Publication', id)}.`, argumentName);
  return found;
}

// Plain joins rather than nested Prisma selects: inside an interactive
// transaction, @prisma/adapter-pg 7.10 sends a nested read's statements on the
// one connection without waiting (pg's "client is already executing a query"
// deprecation, an error in pg 9; prisma/orm#29979).

/** The paper's topics, by slug (sorted here: slugs sort the same in every collation). */
async function topicSlugs(tx: Tx, publicationId: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT t.slug FROM publication_topic pt JOIN topic t ON t.id = pt.topic_id WHERE pt.publication_id = ${publicationId}`;
  return rows.map((row) => row.slug).sort();
}

/** The paper's authors, by slug, in order. */
async function authorSlugs(tx: Tx, publicationId: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT r.slug FROM authorship a JOIN researcher r ON r.id = a.researcher_id WHERE a.publication_id = ${publicationId} ORDER BY a.position, r.id`;
  return rows.map((row) => row.slug);
}

/** Replaces a paper's topics with `topicIds`. */
async function writeTopics(tx: Tx, publicationId: number, topicIds: number[]): Promise<void> {
  await tx.publicationTopic.deleteMany({ where: { publicationId, topicId: { notIn: topicIds } } });
  await tx.publicationTopic.createMany({ data: topicIds.map((topicId) => ({ publicationId, topicId })), skipDuplicates: true });
}

/** Replaces a paper's authors with `researcherIds`, in that order (positions 0…n-1). */
async function writeAuthors(tx: Tx, publicationId: number, researcherIds: number[]): Promise<void> {
  const found = await tx.researcher.findMany({ where: { id: { in: researcherIds } }, select: { id: true } });
  const known = new Set(found.map((row) => row.id));
  const missing = researcherIds.findIndex((id) => !known.has(id));
  if (missing !== -1) throw badUserInput(`authors[${missing}]: no researcher has the id ${toGlobalId('Researcher', researcherIds[missing]!)}.`, `authors[${missing}]`);
  await tx.authorship.deleteMany({ where: { publicationId } });
  await tx.authorship.createMany({ data: researcherIds.map((researcherId, position) => ({ publicationId, researcherId, position })) });
}

function scalarChanges(changes: PublicationChanges): Record<string, unknown> {
  return Object.fromEntries(publicationScalarFields.filter((field) => field in changes).map((field) => [field, changes[field]]));
}

export async function updatePublication(tx: Tx, viewer: Viewer, id: number, changes: PublicationChanges, expectedUpdatedAt?: Date | null): Promise<void> {
  const row = await lockedPublication(tx, id);
  checkUnchangedSince('The publication', row.updatedAt, expectedUpdatedAt);
  const scalars = scalarChanges(changes);
  // A person who writes the abstract writes all of it: it is no longer cut.
  if ('abstract' in changes) scalars.abstractTruncated = false;
  const fields = [...Object.keys(scalars), ...(changes.topicIds ? ['topics'] : [])];
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(scalars).map((field) => [field, row[field as keyof Publication]]));
  const after: Record<string, unknown> = { ...scalars };
  if (changes.topicIds) {
    before.topics = await topicSlugs(tx, id);
    await writeTopics(tx, id, changes.topicIds);
    after.topics = await topicSlugs(tx, id);
  }
  const diff = changedFields(before, after);
  const provenance = readProvenance(row.provenance);
  // Nothing to change, and every field already a person's: nothing is written.
  if (Object.keys(diff.after).length === 0 && allCurated(provenance, fields)) return;
  await tx.publication.update({ where: { id }, data: { ...scalars, provenance: curated(provenance, fields) } });
  await recordAudit(tx, viewer, { action: 'updatePublication', targetType: 'Publication', targetId: id, ...diff });
}

export async function setPublicationAuthors(tx: Tx, viewer: Viewer, id: number, researcherIds: number[], expectedUpdatedAt?: Date | null): Promise<void> {
  const row = await lockedPublication(tx, id);
  checkUnchangedSince('The publication', row.updatedAt, expectedUpdatedAt);
  const before = { authors: await authorSlugs(tx, id) };
  await writeAuthors(tx, id, researcherIds);
  const diff = changedFields(before, { authors: await authorSlugs(tx, id) });
  const provenance = readProvenance(row.provenance);
  if (Object.keys(diff.after).length === 0 && allCurated(provenance, ['authors'])) return;
  // updatedAt moves with the author list too: a client holding the old one gets CONFLICT.
  await tx.publication.update({ where: { id }, data: { provenance: curated(provenance, ['authors']) } });
  await recordAudit(tx, viewer, { action: 'setPublicationAuthors', targetType: 'Publication', targetId: id, ...diff });
}

/** A paper no profile lists; returns its id. Its title must not match an existing paper's. */
export async function createPublication(tx: Tx, viewer: Viewer, changes: PublicationChanges & { title: string }, researcherIds: number[] | undefined): Promise<number> {
  const key = titleKey(changes.title);
  if (key === '') throw badUserInput('input.title has no letters or digits: a title is needed to tell papers apart.', 'input.title');
  const existing = await tx.publication.findUnique({ where: { titleKey: key }, select: { id: true, title: true } });
  if (existing) {
    throw badUserInput(
      `input.title matches an existing paper, ${toGlobalId('Publication', existing.id)} ("${existing.title}"): correct that one with updatePublication instead.`,
      'input.title',
    );
  }
  const scalars = scalarChanges(changes);
  const fields = [...Object.keys(scalars), ...(changes.topicIds ? ['topics'] : []), ...(researcherIds ? ['authors'] : [])];
  const created = await tx.publication.create({ data: { ...(scalars as { title: string }), titleKey: key, provenance: curated({}, fields) } });
  const after: Record<string, unknown> = { ...scalars };
  if (changes.topicIds) {
    await writeTopics(tx, created.id, changes.topicIds);
    after.topics = await topicSlugs(tx, created.id);
  }
  if (researcherIds) {
    await writeAuthors(tx, created.id, researcherIds);
    after.authors = await authorSlugs(tx, created.id);
  }
  await recordAudit(tx, viewer, { action: 'createPublication', targetType: 'Publication', targetId: created.id, before: null, after });
  return created.id;
}

const hiddenOf = (row: Publication) => (row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason } : null);

/** Hides a paper (again: a new reason replaces the old one). */
export async function hidePublication(tx: Tx, viewer: Viewer, id: number, reason: string): Promise<void> {
  const row = await lockedPublication(tx, id);
  const updated = await tx.publication.update({ where: { id }, data: { hiddenAt: new Date(), hiddenReason: reason } });
  await recordAudit(tx, viewer, { action: 'hidePublication', targetType: 'Publication', targetId: id, before: { hidden: hiddenOf(row) }, after: { hidden: hiddenOf(updated) } });
}

/** Shows a hidden paper again; a paper that is shown stays as it is (nothing is written). */
export async function restorePublication(tx: Tx, viewer: Viewer, id: number): Promise<void> {
  const row = await lockedPublication(tx, id);
  if (!row.hiddenAt) return;
  await tx.publication.update({ where: { id }, data: { hiddenAt: null, hiddenReason: null } });
  await recordAudit(tx, viewer, { action: 'restorePublication', targetType: 'Publication', targetId: id, before: { hidden: hiddenOf(row) }, after: { hidden: null } });
}
