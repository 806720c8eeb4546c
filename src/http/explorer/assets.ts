import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { projectRoot } from '../../db/paths.js';
import { notFound } from '../errors.js';

/** One file of the explorer, held in memory with its validator. */
interface Asset {
  contentType: string;
  body: Buffer;
  etag: string;
}

const javascript = 'text/javascript; charset=utf-8';

/**
 * The explorer's files. GraphiQL comes from @graphql-yoga/render-graphiql,
 * whose module holds GraphiQL (with React and the Monaco editor) built into
 * one script, its stylesheet (fonts and icons inline), Monaco's three
 * workers and a favicon, as strings: nothing in them loads from a CDN
 * (checked when the package was chosen: no unpkg, jsdelivr or font host in
 * it). start.js is the page's own script (read from the sources: the compiled
 * app reads it from the project folder too, see src/db/paths.ts).
 */
async function loadAssets(): Promise<Map<string, Asset>> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const startScript = await readFile(path.join(projectRoot, 'src', 'http', 'explorer', 'start.js'));
  const files: [string, string, Buffer][] = [
    ['start.js', javascript, startScript],
    ['graphiql.js', javascript, Buffer.from(bundle.js)],
    ['graphiql.css', 'text/css; charset=utf-8', Buffer.from(bundle.css)],
    ['editor.worker.js', javascript, Buffer.from(bundle.editorWorkerService)],
    ['json.worker.js', javascript, Buffer.from(bundle.jsonWorker)],
    ['graphql.worker.js', javascript, Buffer.from(bundle.graphqlWorker)],
    ['favicon.ico', 'image/x-icon', Buffer.from(bundle.favicon.replace(/^data:image\/x-icon;base64,/, ''), 'base64')],
  ];
  return new Map(
    files.map(([name, contentType, body]) => [name, { contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }]),
  );
}

/**
 * `GET /{file}`, mounted at EXPLORER_ASSETS_PATH (/graphql/explorer) where
 * the explorer is on: the bundled GraphiQL, for browsers that cannot reach
 * Apollo's CDN, and the page's script; any other name is a 404. The
 * bundle (about 9 MB of strings) is loaded on the first request, so a server
 * whose explorer nobody opens never holds it. Browsers revalidate each time
 * (no-cache) and get 304 while the files are unchanged: an upgrade of the
 * package is seen at once, without versioned URLs.
 */
export function explorerAssets(): Router {
  const router = Router();
  let assets: Promise<Map<string, Asset>> | undefined;
  router.get('/:file', (request, response, next) => {
    assets ??= loadAssets();
    assets.then(
      (files) => {
        const asset = files.get(String(request.params.file));
        if (!asset) return notFound(request, response, next);
        // res.send answers 304 itself when the request's If-None-Match is this ETag.
        response.set({ 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache', ETag: asset.etag }).send(asset.body);
      },
      (error: unknown) => {
        assets = undefined; // try again on the next request
        next(error);
      },
    );
  });
  router.use(notFound);
  return router;
}
