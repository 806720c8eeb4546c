import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { CitationFormat } from '../generated/graphql.js';
import { createLoaders } from '../loaders.js';
import { formatCitations } from '../modules/citation/formats.js';
import { citedPublicationsOf } from '../modules/citation/loaders.js';
import { findResearcherBySlug } from '../modules/researcher/data.js';
import { errorBody, withDeadline } from './errors.js';

/** The files people download: each format's extension and media type. */
const downloads: { extension: string; format: CitationFormat; contentType: string }[] = [
  { extension: 'bib', format: 'BIBTEX', contentType: 'application/x-bibtex; charset=utf-8' },
  { extension: 'ris', format: 'RIS', contentType: 'application/x-research-info-systems; charset=utf-8' },
  { extension: 'json', format: 'CSL_JSON', contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
];

/**
 * `GET /researchers/{slug}/publications.bib` (and `.ris`, `.json` for
 * CSL-JSON): a researcher's publications, newest first, as a file to save,
 * the same text as `Researcher.citations(format:)`. Three statements: the
 * researcher, the publications, their authors. Mount it at `/researchers`.
 */
export function citationDownloads(database: Database, timeoutMs: number): Router {
  const router = Router();
  for (const { extension, format, contentType } of downloads) {
    router.get(
      `/:slug/publications.${extension}`,
      withDeadline(timeoutMs, async (request, response) => {
        const slug = String(request.params.slug);
        const researcher = await findResearcherBySlug(database.prisma, slug);
        if (!researcher) {
          response.status(404).json(errorBody(`No researcher has the slug ${JSON.stringify(slug)}.`, 'NOT_FOUND', response.locals.requestId));
          return;
        }
        const text = formatCitations(await citedPublicationsOf(createLoaders(database.prisma), researcher.id), format);
        response
          .set('Content-Type', contentType)
          .set('Content-Disposition', `attachment; filename="${researcher.slug}-publications.${extension}"`)
          .send(text.endsWith('\n') || text === '' ? text : `${text}\n`);
      }),
    );
  }
  return router;
}
