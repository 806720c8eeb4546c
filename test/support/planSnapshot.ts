import type { ImportPlan } from '../../seed/plan.js';
import { emptySnapshot, type Snapshot } from '../../seed/snapshot.js';

/** The rows a plan creates on an empty database, as a snapshot with ids: what the next run would read. */
export function afterWriting(plan: ImportPlan): Snapshot {
  const snapshot = emptySnapshot();
  let id = 0;
  const ids = new Map<string, number>();
  const idOf = (kind: string, key: string) => ids.get(`${kind}:${key}`)!;
  for (const kind of ['position', 'role', 'topic'] as const) {
    for (const row of plan.vocabulary[kind].create) {
      ids.set(`${kind}:${row.key}`, ++id);
      snapshot[`${kind}s`].push({ id, ...row });
    }
  }
  for (const row of plan.researchers.create) {
    ids.set(`researcher:${row.nameKey}`, ++id);
    const positionId = row.positionKey === null ? null : idOf('position', row.positionKey);
    snapshot.researchers.push({ id, nameKey: row.nameKey, slug: row.slug, name: row.name, aliases: row.aliases, searchKey: row.searchKey, isMember: row.isMember, positionId, organization: row.organization, provenance: row.provenance });
  }
  for (const row of plan.publications.create) {
    ids.set(`publication:${row.titleKey}`, ++id);
    snapshot.publications.push({ id, titleKey: row.titleKey, title: row.title, abstract: row.abstract, abstractTruncated: row.abstractTruncated, codeUrl: row.codeUrl, provenance: row.provenance, hidden: false });
  }
  for (const { ownerKey, titleKey, ...values } of plan.listings.create) {
    snapshot.listings.push({ id: ++id, ownerId: idOf('researcher', ownerKey), publicationId: idOf('publication', titleKey), ...values });
  }
  for (const row of plan.authorships.create) {
    snapshot.authorships.push({ publicationId: idOf('publication', row.titleKey), researcherId: idOf('researcher', row.researcherKey), position: row.position });
  }
  for (const row of plan.publicationTopics.create) snapshot.publicationTopics.push({ publicationId: idOf('publication', row.titleKey), topicId: idOf('topic', row.topicKey) });
  for (const row of plan.researcherTopics.create) snapshot.researcherTopics.push({ researcherId: idOf('researcher', row.researcherKey), topicId: idOf('topic', row.topicKey) });
  for (const row of plan.researcherRoles.create) snapshot.researcherRoles.push({ researcherId: idOf('researcher', row.researcherKey), roleId: idOf('role', row.roleKey) });
  snapshot.takenSlugs = new Set(snapshot.researchers.map((row) => row.slug));
  return snapshot;
}
