import type { CreatePublicationInput, PublicationPatch } from '../../generated/graphql.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { badUserInput } from '../shared/errors.js';
import { requireId } from '../shared/lookup.js';
import { idOfType } from '../shared/nodeId.js';
import { validArxivId, validDoi, validText, validUrl, validYear } from '../shared/validate.js';
import { topicBySlug } from '../topic/data.js';

/**
 * A publication patch read from the API: every value validated and
 * normalised, topic slugs turned into ids. A field is present when the client
 * gave it; `null` clears an optional one.
 */
export interface PublicationChanges {
  title?: string;
  abstract?: string | null;
  year?: number | null;
  venue?: string | null;
  doi?: string | null;
  arxivId?: string | null;
  url?: string | null;
  codeUrl?: string | null;
  topicIds?: number[];
}

/** The scalar fields a patch may change, as named in the API (and in provenance). */
export const publicationScalarFields = ['title', 'abstract', 'year', 'venue', 'doi', 'arxivId', 'url', 'codeUrl'] as const;

type Optional<T> = T | null | undefined;

/** Runs `validate` on a given value; keeps null (clear) and undefined (unchanged) as they are. */
function optional<T, R>(value: Optional<T>, validate: (value: T) => R): R | null | undefined {
  if (value === null) return null;
  return value === undefined ? undefined : validate(value);
}

export async function readPublicationPatch(
  prisma: PrismaClient,
  patch: PublicationPatch | CreatePublicationInput,
  prefix: string,
): Promise<PublicationChanges> {
  const at = (field: string) => `${prefix}.${field}`;
  if (patch.title === null) throw badUserInput(`${at('title')} may not be null: a paper has a title.`, at('title'));
  const changes: PublicationChanges = {
    title: optional(patch.title, (value) => validText(value, at('title'), 1_000)) ?? undefined,
    abstract: optional(patch.abstract, (value) => validText(value, at('abstract'), 20_000)),
    year: optional(patch.year, (value) => validYear(value, at('year'))),
    venue: optional(patch.venue, (value) => validText(value, at('venue'), 500)),
    doi: optional(patch.doi, (value) => validDoi(value, at('doi'))),
    arxivId: optional(patch.arxivId, (value) => validArxivId(value, at('arxivId'))),
    url: optional(patch.url, (value) => validUrl(value, at('url'))),
    codeUrl: optional(patch.codeUrl, (value) => validUrl(value, at('codeUrl'))),
  };
  if (patch.topics === null) throw badUserInput(`${at('topics')} may not be null: pass [] to remove every topic.`, at('topics'));
  if (patch.topics !== undefined) changes.topicIds = await topicIds(prisma, patch.topics, at('topics'));
  // Only the fields the client gave.
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

/** Topic ids of slugs, each checked (an unknown slug names itself and lists the known ones). */
export async function topicIds(prisma: PrismaClient, slugs: readonly string[], argumentName: string): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, slug] of slugs.entries()) ids.push(await requireId(prisma, topicBySlug, slug, `${argumentName}[${index}]`));
  return [...new Set(ids)];
}

/** Researcher ids of global ids, in order; a person given twice is refused. */
export function authorIds(globalIds: readonly string[], argumentName: string): number[] {
  const ids = globalIds.map((id, index) => idOfType(id, 'Researcher', `${argumentName}[${index}]`));
  const twice = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (twice !== -1) throw badUserInput(`${argumentName}[${twice}] names an author already in the list: each person is an author once.`, `${argumentName}[${twice}]`);
  return ids;
}
