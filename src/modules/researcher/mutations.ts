import { recordAudit } from '../../audit/record.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Prisma, Researcher } from '../../generated/prisma/client.js';
import { badUserInput } from '../shared/errors.js';
import { allCurated, changedFields, checkUnchangedSince, curated, lockRow, type Tx } from '../shared/mutations.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readProvenance } from '../shared/provenance.js';
import { foldCase } from '../shared/text.js';
import type { ResearcherChanges } from './mutationsInput.js';

/**
 * Writes of researchers through the API, inside the caller's transaction with
 * their audit entry; every field written is marked 'curation' in provenance.
 *
 * A name correction keeps the row's name_key and slug: the key is how imports
 * recognise the person (profiles still spell the name the old way) and the
 * slug is in the lab's links. The old spelling becomes an alias, so searching
 * for it still finds the person.
 */

/** The researcher, locked for the transaction; BAD_USER_INPUT naming the argument when there is none. */
export async function lockedResearcher(tx: Tx, id: number, argumentName = 'id'): Promise<Researcher> {
  const found = (await lockRow(tx, 'researcher', id)) ? await tx.researcher.findUnique({ where: { id } }) : null;
  if (!found) throw badUserInput(`No researcher has the id ${toGlobalId('Researcher', id)}.`, argumentName);
  return found;
}

/** Aliases and search key once `name` is the name: every other spelling seen stays an alias. */
export function spellings(name: string, otherSpellings: string[]): { aliases: string[]; searchKey: string } {
  const aliases = [...new Set(otherSpellings)].filter((spelling) => spelling !== name).sort();
  return { aliases, searchKey: [...new Set([name, ...aliases].map(foldCase))].join(' | ') };
}

/** Position key, role keys and topic slugs of a researcher: the audit log shows these. */
export async function researcherLinks(tx: Tx, id: number): Promise<{ position: string | null; roles: string[]; topics: string[] }> {
  // One plain statement, not a nested Prisma select (see topicSlugs in ../publication/mutations.ts).
  const [row] = await tx.$queryRaw<{ position: string | null; roles: string[]; topics: string[] }[]>`
    SELECT (SELECT p.key FROM position p WHERE p.id = r.position_id) AS position,
           ARRAY(SELECT o.key FROM researcher_role rr JOIN role o ON o.id = rr.role_id WHERE rr.researcher_id = r.id) AS roles,
           ARRAY(SELECT t.slug FROM researcher_topic rt JOIN topic t ON t.id = rt.topic_id WHERE rt.researcher_id = r.id) AS topics
    FROM researcher r WHERE r.id = ${id}`;
  if (!row) throw new Error(`Researcher ${id} is gone inside its own transaction.`);
  return { position: row.position, roles: [...row.roles].sort(), topics: [...row.topics].sort() };
}

export async function updateResearcher(tx: Tx, viewer: Viewer, id: number, changes: ResearcherChanges, expectedUpdatedAt?: Date | null): Promise<void> {
  const row = await lockedResearcher(tx, id);
  checkUnchangedSince('The researcher', row.updatedAt, expectedUpdatedAt);
  const fields = Object.keys(changes).map((field) => ({ positionId: 'position', roleIds: 'roles', topicIds: 'topics' })[field] ?? field);
  const linksBefore = await researcherLinks(tx, id);
  // Links first, the row last: a value another row already has (an ORCID)
  // fails the transaction after the links were written, and takes them back too.
  if (changes.roleIds) {
    await tx.researcherRole.deleteMany({ where: { researcherId: id, roleId: { notIn: changes.roleIds } } });
    await tx.researcherRole.createMany({ data: changes.roleIds.map((roleId) => ({ researcherId: id, roleId })), skipDuplicates: true });
  }
  if (changes.topicIds) {
    await tx.researcherTopic.deleteMany({ where: { researcherId: id, topicId: { notIn: changes.topicIds } } });
    await tx.researcherTopic.createMany({ data: changes.topicIds.map((topicId) => ({ researcherId: id, topicId })), skipDuplicates: true });
  }
  const data: Prisma.ResearcherUncheckedUpdateInput = {};
  if (changes.name !== undefined && changes.name !== row.name) Object.assign(data, { name: changes.name, ...spellings(changes.name, [row.name, ...row.aliases]) });
  if (changes.orcid !== undefined) data.orcid = changes.orcid;
  if (changes.isMember !== undefined) data.isMember = changes.isMember;
  if (changes.positionId !== undefined) data.positionId = changes.positionId;
  if (changes.organization !== undefined) data.organization = changes.organization;
  const provenance = readProvenance(row.provenance);
  const linksWritten = await researcherLinks(tx, id);
  const linksChanged = JSON.stringify(linksBefore) !== JSON.stringify(linksWritten);
  // Nothing changed and every field was already a person's: nothing is written.
  if (Object.keys(data).length === 0 && !linksChanged && allCurated(provenance, fields)) return;
  // updatedAt moves with the links too: a client holding the old one gets CONFLICT.
  const updated = await tx.researcher.update({ where: { id }, data: { ...data, provenance: curated(provenance, fields) } });
  const linksAfter = await researcherLinks(tx, id);
  const view = (researcher: Researcher, links: typeof linksBefore) => ({
    name: researcher.name,
    aliases: researcher.aliases,
    orcid: researcher.orcid,
    isMember: researcher.isMember,
    organization: researcher.organization,
    ...links,
  });
  const diff = changedFields(view(row, linksBefore), view(updated, linksAfter));
  await recordAudit(tx, viewer, { action: 'updateResearcher', targetType: 'Researcher', targetId: id, ...diff });
}
