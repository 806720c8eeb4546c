import { z } from 'zod';

/**
 * The part of OpenAlex's answer that enrichment reads, and what it makes of it.
 *
 * Shapes as documented by OpenAlex (read 2026-11-29):
 * - List responses are `{ meta: { count, … }, results: [Work…] }`
 *   (docs.openalex.org/how-to-use-the-api/get-lists-of-entities, developers.openalex.org/api-reference/works/list-works).
 * - Work object (docs.openalex.org/api-entities/works/work-object, ourresearch/openalex-docs
 *   api-entities/works/work-object/README.md): `id` "https://openalex.org/W…", `doi` "https://doi.org/…" (the
 *   published version's DOI), `title` = `display_name`, `publication_year`, `primary_location` and `locations[]`
 *   (Location: `landing_page_url`, `pdf_url`, `source: { display_name, type }`), `open_access.oa_url`,
 *   `cited_by_count`, `authorships[]` (`author: { id, display_name, orcid "https://orcid.org/…" }`).
 *   `ids` holds openalex/doi/mag/pmid/pmcid only: an arXiv id is read from an arXiv location's URL, or from the
 *   DataCite DOI arXiv gives every preprint (10.48550/arXiv.<id>).
 * Every field is optional or nullable here: OpenAlex leaves out keys it has no value for.
 */

const nullableString = z.string().nullish();

const locationSchema = z
  .object({
    landing_page_url: nullableString,
    pdf_url: nullableString,
    source: z.object({ display_name: nullableString, type: nullableString }).nullish(),
  })
  .nullish();

export const workSchema = z.object({
  id: z.string(),
  doi: nullableString,
  title: nullableString,
  display_name: nullableString,
  publication_year: z.number().int().nullish(),
  primary_location: locationSchema,
  locations: z.array(locationSchema).nullish(),
  open_access: z.object({ oa_url: nullableString }).nullish(),
  cited_by_count: z.number().int().nonnegative().nullish(),
  authorships: z
    .array(z.object({ author: z.object({ display_name: nullableString, orcid: nullableString }).nullish() }))
    .nullish(),
});

export const worksPageSchema = z.object({
  meta: z.object({ count: z.number().int().nonnegative() }).loose(),
  results: z.array(workSchema),
});

export type OpenAlexWork = z.infer<typeof workSchema>;

/**
 * The fields requested with `select` (root-level fields only, as the docs require): everything mapWork reads,
 * nothing more, so answers stay small.
 */
export const SELECTED_FIELDS = [
  'id',
  'doi',
  'title',
  'display_name',
  'publication_year',
  'primary_location',
  'locations',
  'open_access',
  'cited_by_count',
  'authorships',
] as const;

/** A work's author as enrichment uses it: the name to match, and the ORCID iD if OpenAlex has one. */
export interface WorkAuthor {
  name: string;
  /** Bare ORCID iD, e.g. `0000-0002-1825-0097`. */
  orcid: string | null;
}

/** What a work can give a publication; field names are the API's (Publication.*). */
export interface WorkFields {
  openAlexId: string;
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  citationCount: number | null;
  openAccessUrl: string | null;
}

export interface MappedWork {
  title: string;
  fields: WorkFields;
  authors: WorkAuthor[];
}

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/iu;
/** New-style (2403.07688) and old-style (hep-th/9901001) arXiv ids, without the version. */
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})`;
const ARXIV_URL = new RegExp(String.raw`^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/${ARXIV_ID}(?:v\d+)?(?:\.pdf)?/?$`, 'iu');
const ARXIV_ID_ONLY = new RegExp(String.raw`^${ARXIV_ID}(?:v\d+)?$`, 'iu');
const ORCID = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/u;

/** `https://openalex.org/W2741809807` → `W2741809807`. */
export function shortOpenAlexId(id: string): string {
  return id.replace(/^https?:\/\/openalex\.org\//iu, '');
}

/** `https://doi.org/10.7717/peerj.4375` → `10.7717/peerj.4375`. */
export function bareDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/iu, '');
}

/** `https://orcid.org/0000-0002-1825-0097` → `0000-0002-1825-0097`; null when it is not an ORCID iD. */
export function bareOrcid(orcid: string | null | undefined): string | null {
  return orcid ? (ORCID.exec(orcid.trim())?.[1] ?? null) : null;
}

/** The arXiv id a work carries: from an arXiv DataCite DOI, or an arxiv.org location. */
export function arxivIdOf(work: OpenAlexWork): string | null {
  const doi = work.doi ? ARXIV_DOI.exec(bareDoi(work.doi))?.[1] : undefined;
  if (doi && ARXIV_ID_ONLY.test(doi)) return doi.replace(/v\d+$/u, '');
  for (const location of [work.primary_location, ...(work.locations ?? [])]) {
    for (const url of [location?.landing_page_url, location?.pdf_url]) {
      const id = url ? ARXIV_URL.exec(url.trim())?.[1] : undefined;
      if (id) return id;
    }
  }
  return null;
}

/**
 * Maps a work to publication fields. Two choices worth knowing:
 * - `doi`: the published version's DOI only. arXiv's DataCite DOI (10.48550/arXiv.…) becomes `arxivId`
 *   instead, as in seed/references (a preprint DOI would key a published paper to its preprint).
 * - `venue`: the primary location's source when it is a journal, conference or book series; a repository
 *   (arXiv, Zenodo…) hosts a copy, it is not where the paper appeared.
 */
export function mapWork(work: OpenAlexWork): MappedWork {
  const doi = work.doi ? bareDoi(work.doi) : null;
  const source = work.primary_location?.source;
  const venue = source?.display_name && source.type !== 'repository' ? source.display_name.trim() : null;
  return {
    title: work.title ?? work.display_name ?? '',
    fields: {
      openAlexId: shortOpenAlexId(work.id),
      year: work.publication_year ?? null,
      venue: venue || null,
      doi: doi && !ARXIV_DOI.test(doi) ? doi : null,
      arxivId: arxivIdOf(work),
      citationCount: work.cited_by_count ?? null,
      openAccessUrl: work.open_access?.oa_url?.trim() || null,
    },
    authors: (work.authorships ?? [])
      .map((authorship) => ({ name: authorship.author?.display_name?.trim() ?? '', orcid: bareOrcid(authorship.author?.orcid) }))
      .filter((author) => author.name !== ''),
  };
}
