import type { ResearcherPatch } from '../../generated/graphql.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { topicIds } from '../publication/mutationsInput.js';
import { roleByKey } from '../role/data.js';
import { badUserInput } from '../shared/errors.js';
import { requireId, type KeyField } from '../shared/lookup.js';
import { validOrcid, validText } from '../shared/validate.js';

/**
 * A researcher patch read from the API: values validated, vocabulary keys
 * (position, roles, topics) turned into ids. A field is present when the
 * client gave it; `null` clears an optional one.
 */
export interface ResearcherChanges {
  name?: string;
  orcid?: string | null;
  isMember?: boolean;
  positionId?: number | null;
  organization?: string | null;
  roleIds?: number[];
  topicIds?: number[];
}

const positionByKey: KeyField<'Position'> = { model: 'Position', field: 'key', listKnown: true };

export async function readResearcherPatch(prisma: PrismaClient, patch: ResearcherPatch): Promise<ResearcherChanges> {
  const changes: ResearcherChanges = {};
  for (const field of ['name', 'isMember', 'roles', 'topics'] as const) {
    if (patch[field] === null) throw badUserInput(`patch.${field} may not be null${field === 'roles' || field === 'topics' ? ': pass [] to remove them all' : ''}.`, `patch.${field}`);
  }
  if (patch.name != null) changes.name = validText(patch.name, 'patch.name', 300);
  if (patch.orcid !== undefined) changes.orcid = patch.orcid === null ? null : validOrcid(patch.orcid, 'patch.orcid');
  if (patch.isMember != null) changes.isMember = patch.isMember;
  if (patch.position !== undefined) {
    changes.positionId = patch.position === null ? null : await requireId(prisma, positionByKey, patch.position, 'patch.position');
  }
  if (patch.organization !== undefined) changes.organization = patch.organization === null ? null : validText(patch.organization, 'patch.organization', 300);
  if (patch.roles != null) {
    const ids: number[] = [];
    for (const [index, key] of patch.roles.entries()) ids.push(await requireId(prisma, roleByKey, key, `patch.roles[${index}]`));
    changes.roleIds = [...new Set(ids)];
  }
  if (patch.topics != null) changes.topicIds = await topicIds(prisma, patch.topics, 'patch.topics');
  return changes;
}
