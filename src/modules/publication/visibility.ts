import { isRole, requireRole } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../context.js';
import type { PublicationVisibility } from './data.js';
import type { PublicationModel } from './mappers.js';

/**
 * Hidden papers (hidePublication) are for editors only. Reads of shown papers
 * never look at the request's token, so public reads cost nothing more; only
 * a hidden paper asks who is reading (and a token that does not hold is
 * UNAUTHENTICATED, as everywhere).
 */
export async function isEditor(context: Pick<GraphQLContext, 'authenticate'>): Promise<boolean> {
  const viewer = await context.authenticate();
  return viewer !== null && isRole(viewer.role);
}

/** The publication when the viewer may see it: shown papers to all, hidden ones to editors; otherwise null. */
export async function visibleTo(context: Pick<GraphQLContext, 'authenticate'>, publication: PublicationModel | null): Promise<PublicationModel | null> {
  if (!publication?.hiddenAt) return publication;
  return (await isEditor(context)) ? publication : null;
}

/** A list's visibility; HIDDEN and ALL need an editor's token. */
export async function readVisibility(context: Pick<GraphQLContext, 'authenticate'>, visibility: PublicationVisibility | null | undefined): Promise<PublicationVisibility> {
  const wanted = visibility ?? 'VISIBLE';
  if (wanted !== 'VISIBLE') await requireRole(context.authenticate, 'editor', `filter.visibility ${wanted}`);
  return wanted;
}

/** Publication.hidden: when and why, for editors; null for shown papers and for anyone else. */
export async function hiddenFor(context: Pick<GraphQLContext, 'authenticate'>, publication: PublicationModel): Promise<{ at: Date; reason: string } | null> {
  if (!publication.hiddenAt || !(await isEditor(context))) return null;
  return { at: publication.hiddenAt, reason: publication.hiddenReason ?? '' };
}
