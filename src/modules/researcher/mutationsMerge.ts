import { recordAudit } from '../../audit/record.js';
import type { Viewer } from '../../auth/viewer.js';
import { badUserInput } from '../shared/errors.js';
import { changedFields, type Tx } from '../shared/mutations.js';
import { readProvenance } from '../shared/provenance.js';
import { lockedResearcher, researcherLinks, spellings } from './mutations.js';

/**
 * mergeResearchers: one person from two records. Everything of `removeId`
 * moves to `keepId`, then the removed row is deleted and a redirect keeps its
 * id, slug and name key pointing at the kept person (node(id:),
 * researcher(slug:), and imports that name it again).
 */
export async function mergeResearchers(tx: Tx, viewer: Viewer, keepId: number, removeId: number): Promise<void> {
  if (keepId === removeId) throw badUserInput('keep and remove are the same researcher: nothing to merge.', 'remove');
  // Locked in id order: two merges of the same pair in opposite directions cannot deadlock.
  const [first, second] = keepId < removeId ? [keepId, removeId] : [removeId, keepId];
  const locked = new Map([
    [first, await lockedResearcher(tx, first, first === keepId ? 'keep' : 'remove')],
    [second, await lockedResearcher(tx, second, second === keepId ? 'keep' : 'remove')],
  ]);
  const keep = locked.get(keepId)!;
  const remove = locked.get(removeId)!;
  const linksBefore = await researcherLinks(tx, keepId);

  // Papers both are authors of: one authorship, at the better (lower) position; then positions 0…n-1 again.
  const shared = await tx.$queryRaw<{ publication_id: number }[]>`
    UPDATE authorship k SET position = LEAST(k.position, r.position), updated_at = now()
    FROM authorship r
    WHERE k.researcher_id = ${keepId} AND r.researcher_id = ${removeId} AND r.publication_id = k.publication_id
    RETURNING k.publication_id`;
  const sharedIds = shared.map((row) => row.publication_id);
  await tx.$executeRaw`DELETE FROM authorship WHERE researcher_id = ${removeId} AND publication_id = ANY(${sharedIds}::int[])`;
  await tx.$executeRaw`UPDATE authorship SET researcher_id = ${keepId}, updated_at = now() WHERE researcher_id = ${removeId}`;
  await tx.$executeRaw`
    UPDATE authorship a SET position = numbered.position, updated_at = now()
    FROM (SELECT publication_id, researcher_id, (row_number() OVER (PARTITION BY publication_id ORDER BY position, researcher_id) - 1)::int AS position
          FROM authorship WHERE publication_id = ANY(${sharedIds}::int[])) numbered
    WHERE a.publication_id = numbered.publication_id AND a.researcher_id = numbered.researcher_id AND a.position <> numbered.position`;

  // Profile listings: one per (owner, paper); where both listed a paper, the kept person's listing stays.
  await tx.$executeRaw`
    UPDATE listing SET owner_id = ${keepId}, updated_at = now()
    WHERE owner_id = ${removeId} AND publication_id NOT IN (SELECT publication_id FROM listing WHERE owner_id = ${keepId})`;
  await tx.$executeRaw`DELETE FROM listing WHERE owner_id = ${removeId}`;

  // Roles and topics: the union (the removed person's links go with the row).
  await tx.$executeRaw`
    INSERT INTO researcher_role (researcher_id, role_id, updated_at)
    SELECT ${keepId}, role_id, now() FROM researcher_role WHERE researcher_id = ${removeId}
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO researcher_topic (researcher_id, topic_id, updated_at)
    SELECT ${keepId}, topic_id, now() FROM researcher_topic WHERE researcher_id = ${removeId}
    ON CONFLICT DO NOTHING`;

  // Redirects to the removed person now lead to the kept one; the removed person gets one of its own.
  await tx.researcherRedirect.updateMany({ where: { researcherId: removeId }, data: { researcherId: keepId } });
  await tx.researcher.delete({ where: { id: removeId } });
  await tx.researcherRedirect.create({ data: { removedId: removeId, nameKey: remove.nameKey, slug: remove.slug, researcherId: keepId } });

  // The kept row: every spelling of both, the fields it lacks from the removed one (its own values win).
  const provenance = { ...readProvenance(remove.provenance), ...readProvenance(keep.provenance) };
  const updated = await tx.researcher.update({
    where: { id: keepId },
    data: {
      ...spellings(keep.name, [...keep.aliases, remove.name, ...remove.aliases]),
      isMember: keep.isMember || remove.isMember,
      orcid: keep.orcid ?? remove.orcid,
      positionId: keep.positionId ?? remove.positionId,
      organization: keep.organization ?? remove.organization,
      provenance,
    },
  });
  const linksAfter = await researcherLinks(tx, keepId);
  const view = (row: typeof keep, links: typeof linksBefore) => ({
    aliases: row.aliases,
    isMember: row.isMember,
    orcid: row.orcid,
    organization: row.organization,
    ...links,
  });
  const diff = changedFields(view(keep, linksBefore), view(updated, linksAfter));
  await recordAudit(tx, viewer, {
    action: 'mergeResearchers',
    targetType: 'Researcher',
    targetId: keepId,
    before: { ...diff.before, removed: { id: remove.id, slug: remove.slug, name: remove.name, nameKey: remove.nameKey } },
    after: { ...diff.after, sharedPublications: sharedIds.length },
  });
}
