import type { Publication as PublicationModel, Researcher as ResearcherModel } from '../../generated/prisma/client.js';
import { splitName, type CslName } from './names.js';

/** A publication with its authors in order, whole rows: what a citation is made from. */
export interface CitedPublication {
  publication: PublicationModel;
  authors: ResearcherModel[];
}

/** The CSL-JSON item of a publication (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article' | 'article-journal' | 'paper-conference' | 'document';
  title: string;
  author: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  'event-title'?: string;
  DOI?: string;
  URL?: string;
  number?: string;
  publisher?: string;
  note?: string;
}

// A venue is a conference when its name says so or is one of the field's
// well-known conference names; any other venue is a journal.
const conferenceVenue =
  /\b(conference|proceedings|workshop|symposium|congress|neural information processing systems|neurips|nips|icml|iclr|cvpr|iccv|eccv|aaai|ijcai|acl|emnlp|naacl|coling|colt|aistats|uai|kdd|sigir|corl|miccai)\b/i;

/**
 * The CSL type: with a venue, a conference paper or a journal article; with
 * none, a preprint when the paper is on arXiv, else a plain document.
 */
function cslType(publication: PublicationModel): CslItem['type'] {
  if (publication.venue) return conferenceVenue.test(publication.venue) ? 'paper-conference' : 'article-journal';
  return publication.arxivId ? 'article' : 'document';
}

/**
 * Our row as CSL-JSON, under its citation key. An arXiv id is the preprint's
 * number (with arXiv as its publisher) when there is no venue, as Zotero
 * writes preprints; on a published paper it is a note.
 */
export function cslItem({ publication, authors }: CitedPublication, key: string): CslItem {
  const type = cslType(publication);
  const arxiv = publication.arxivId ? `arXiv:${publication.arxivId}` : undefined;
  return {
    id: key,
    'citation-key': key,
    type,
    title: publication.title,
    author: authors.map((author) => splitName(author.name)),
    ...(publication.year != null ? { issued: { 'date-parts': [[publication.year]] } } : {}),
    ...(publication.venue ? { 'container-title': publication.venue } : {}),
    ...(publication.doi ? { DOI: publication.doi } : {}),
    ...(publication.url ? { URL: publication.url } : {}),
    ...(arxiv && type === 'article' ? { number: arxiv, publisher: 'arXiv' } : {}),
    ...(arxiv && type !== 'article' ? { note: arxiv } : {}),
  };
}
