// @module-tag runtime
// @module-tag database
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { titleKey } from '../src/modules/shared/text.js';
import { envWithout, killCommands, runCommand } from './support/command.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { EXAMPLE_ORCID, openAlexWork, seedWorks, startOpenAlexServer, type OpenAlexServer } from './support/openAlexServer.js';

/**
 * `npm run enrich` as a person runs it (a child process), against a copy of
 * the seeded database and a local server answering like OpenAlex
 * (test/support/openAlexServer.ts). The steps share the database and run in
 * order: nothing changes without the API, a dry run writes nothing, the run
 * fills what it may, and later runs do not ask again.
 */

const titles = {
  lookbehindSam: 'Lookbehind-SAM: k Steps Back, 1 Step Forward',
  torqueAwareMomentum: 'Torque-Aware Momentum',
  crossSplit: 'CrossSplit: Mitigating Label Noise Memorization through Data Splitting',
  unsupervisedConceptDiscovery: 'Unsupervised Concept Discovery Mitigates Spurious Correlations',
  spectralBias: 'On the Spectral Bias of Neural Networks',
  implicitRegularization: 'Implicit Regularization via Neural Feature Alignment',
  lazyVsHasty: 'Lazy vs hasty: linearization in deep networks impacts learning schedule based on example difficulty',
  maxwell: "Maxwell's Demon at Work: Efficient Pruning by Leveraging Saturation of Neurons",
};
/** The search text the command sends for a paper: its normalised title. */
const search = (title: string) => titleKey(title);

let testDatabase: TestDatabase;
let database: Database;
let server: OpenAlexServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  // A lab with profile pages and no BibTeX file: the seeded papers' metadata
  // (seed/references) is taken off again, so that OpenAlex has gaps to fill.
  await database.prisma.$executeRawUnsafe(
    `UPDATE publication SET year = NULL, venue = NULL, doi = NULL, arxiv_id = NULL, url = NULL,
            provenance = provenance - 'year' - 'venue' - 'doi' - 'arxivId' - 'url'`,
  );
  server = await startOpenAlexServer();
});
afterEach(killCommands);
afterAll(async () => {
  await server?.close();
  await database?.close();
  await testDatabase?.drop();
});

function enrich(args: string[], env: Record<string, string> = {}) {
  return runCommand(process.execPath, ['--import', 'tsx', 'seed/enrich/cli.ts', ...args], {
    ...envWithout('DATABASE_URL', 'OPENALEX_URL', 'OPENALEX_MAILTO', 'OPENALEX_API_KEY'),
    ...testDatabase.env,
    OPENALEX_URL: server.url,
    OPENALEX_MAILTO: 'enrich-test@example.org',
    OPENALEX_API_KEY: 'test-key-0123',
    // Short, so that the hanging answer costs seconds, not minutes; long enough for any real answer from the local server on busy cores.
    OPENALEX_TIMEOUT_MS: '3000',
    OPENALEX_RETRIES: '1',
    OPENALEX_BACKOFF_MS: '10',
    ...env,
  });
}

/** The server's answers for one run (each run consumes the 429 and the 503). */
function answerLikeOpenAlex(): void {
  server.reset();
  server.answer(search(titles.lookbehindSam), { works: [openAlexWork(seedWorks.lookbehindSam)] });
  server.answer(search(titles.torqueAwareMomentum), { works: [openAlexWork(seedWorks.torqueAwareMomentum)] });
  server.answer(search(titles.crossSplit), { works: [openAlexWork(seedWorks.crossSplitNearMiss)] });
  server.answer(search(titles.unsupervisedConceptDiscovery), { works: seedWorks.unsupervisedConceptDiscovery.map(openAlexWork) });
  server.answer(search(titles.spectralBias), { status: 429, retryAfter: '1' }, { works: [openAlexWork(seedWorks.spectralBias)] });
  server.answer(search(titles.implicitRegularization), { works: [openAlexWork(seedWorks.implicitRegularization)] });
  server.answer(search(titles.lazyVsHasty), { status: 503 }, { works: [openAlexWork(seedWorks.lazyVsHasty)] });
  server.answer(search(titles.maxwell), { hang: true });
}

interface PaperRow {
  title: string;
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  openAlexId: string | null;
  citationCount: number | null;
  openAccessUrl: string | null;
  provenance: Record<string, string>;
}

async function paper(title: string): Promise<PaperRow> {
  const { rows } = await database.pool.query<PaperRow>(
    `SELECT title, year, venue, doi, arxiv_id AS "arxivId", openalex_id AS "openAlexId", citation_count AS "citationCount",
            open_access_url AS "openAccessUrl", provenance
       FROM publication WHERE title_key = $1`,
    [titleKey(title)],
  );
  return rows[0]!;
}

async function researcher(name: string): Promise<{ orcid: string | null; provenance: Record<string, string> }> {
  const { rows } = await database.pool.query<{ orcid: string | null; provenance: Record<string, string> }>(
    'SELECT orcid, provenance FROM researcher WHERE name = $1',
    [name],
  );
  return rows[0]!;
}

/** Everything enrichment could change, timestamps included. */
async function snapshot() {
  const publications = await database.pool.query(
    'SELECT id, year, venue, doi, arxiv_id, openalex_id, citation_count, open_access_url, provenance, updated_at FROM publication ORDER BY id',
  );
  const researchers = await database.pool.query('SELECT id, orcid, provenance, updated_at FROM researcher ORDER BY id');
  const attempts = await database.pool.query('SELECT * FROM enrichment_attempt ORDER BY publication_id');
  return { publications: publications.rows, researchers: researchers.rows, attempts: attempts.rows };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const searchesSent = () => server.requests.map((request) => request.search).sort();

describe('npm run enrich', () => {
  it('says clearly that the API cannot be reached, and changes nothing', async () => {
    // A value from the lab's BibTeX and a person's correction, to be kept by every run below.
    await database.pool.query(
      `UPDATE publication SET year = 2020, venue = 'A venue a person set', provenance = provenance || '{"year":"bibtex","venue":"curation"}'
        WHERE title_key = $1`,
      [titleKey(titles.implicitRegularization)],
    );
    const before = await snapshot();
    const port = await closedPort();
    const result = await enrich([], { OPENALEX_URL: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Cannot reach the OpenAlex API at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.output).toContain('Nothing was changed');
    expect(await snapshot()).toEqual(before);
  });

  it('--dry-run looks everything up, reports what it would fill, and writes nothing', async () => {
    answerLikeOpenAlex();
    const before = await snapshot();
    const result = await enrich(['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('OpenAlex enrichment (dry run: nothing written): 15 papers looked up');
    expect(result.output).toContain(
      `matched    “${titles.lookbehindSam}” = OpenAlex W0000000101: year 2024, venue "International Conference on Machine Learning (ICML)", arxivId "2307.16704", openAlexId "W0000000101", citationCount 17, openAccessUrl "https://arxiv.org/pdf/2307.16704", ORCID ${EXAMPLE_ORCID} for Aristide Baratin`,
    );
    expect(result.output).toMatch(/^Would fill: year 4, venue 3, doi 1, arxivId 5, openAlexId 5, citationCount 5, openAccessUrl 5; ORCIDs \d$/mu);
    expect(await snapshot()).toEqual(before);
  });

  it('fills each matched paper exactly as OpenAlex gives it, marked openalex, and reports the rest', async () => {
    answerLikeOpenAlex();
    const result = await enrich([]);
    expect(result.code).toBe(0);
    expect(result.output).toContain('OpenAlex enrichment: 15 papers looked up, 0 skipped');
    expect(result.output).toMatch(/matched +5\n +ambiguous +1\n +not found +8\n +failed +1\n/u);

    // A clean match: every field filled from the work, each marked openalex; the matched author's ORCID.
    expect(await paper(titles.lookbehindSam)).toEqual({
      title: titles.lookbehindSam,
      year: 2024,
      venue: 'International Conference on Machine Learning (ICML)',
      doi: null,
      arxivId: '2307.16704',
      openAlexId: 'W0000000101',
      citationCount: 17,
      openAccessUrl: 'https://arxiv.org/pdf/2307.16704',
      provenance: expect.objectContaining({
        year: 'openalex',
        venue: 'openalex',
        arxivId: 'openalex',
        openAlexId: 'openalex',
        citationCount: 'openalex',
        openAccessUrl: 'openalex',
      }) as unknown,
    });
    expect((await paper(titles.lookbehindSam)).provenance).not.toHaveProperty('doi');
    expect(await researcher('Aristide Baratin')).toMatchObject({ orcid: EXAMPLE_ORCID, provenance: expect.objectContaining({ orcid: 'openalex' }) as unknown });

    // A preprint: arXiv's DataCite DOI gives the arXiv id, not the DOI; a repository is not a venue.
    expect(await paper(titles.torqueAwareMomentum)).toMatchObject({ year: 2024, venue: null, doi: null, arxivId: '2412.18790', openAlexId: 'W0000000102' });

    // Precedence: the BibTeX year and the corrected venue stay; the empty fields are filled.
    expect(await paper(titles.implicitRegularization)).toMatchObject({
      year: 2020,
      venue: 'A venue a person set',
      doi: '10.5555/enrich-test.107',
      arxivId: '2008.00938',
      openAlexId: 'W0000000107',
      provenance: expect.objectContaining({ year: 'bibtex', venue: 'curation', doi: 'openalex' }) as unknown,
    });

    // A near-miss title and two candidates: nothing written.
    for (const title of [titles.crossSplit, titles.unsupervisedConceptDiscovery]) {
      expect(await paper(title)).toMatchObject({ year: null, venue: null, arxivId: null, openAlexId: null, citationCount: null });
    }
    expect(result.output).toContain(
      `ambiguous  “${titles.unsupervisedConceptDiscovery}”: 2 works have this title and an author of it (W0000000104, W0000000105); nothing written`,
    );

    // 429 then success: the Retry-After of 1 s was waited (the backoff alone is 10 ms).
    const spectral = server.requests.filter((request) => request.search === search(titles.spectralBias));
    expect(spectral).toHaveLength(2);
    expect(spectral[1]!.at - spectral[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(await paper(titles.spectralBias)).toMatchObject({ year: 2019, arxivId: '1806.08734', openAlexId: 'W0000000106', citationCount: 1200 });
    // The same ORCID for another person is refused (researcher.orcid is unique), with a warning.
    expect(result.output).toContain(`warning: ORCID ${EXAMPLE_ORCID} not given to Nasim Rahaman: Aristide Baratin already has it`);
    expect((await researcher('Nasim Rahaman')).orcid).toBeNull();

    // 503 then success.
    expect(await paper(titles.lazyVsHasty)).toMatchObject({ year: 2022, venue: 'Transactions on Machine Learning Research', openAlexId: 'W0000000108' });

    // A timeout: that paper failed, the others went on.
    expect(result.output).toContain(`failed     “${titles.maxwell}”: no answer in 3000 ms (2 attempts)`);
    expect(await paper(titles.maxwell)).toMatchObject({ year: null, openAlexId: null });

    // Polite requests, in OpenAlex's documented form.
    const request = server.requests.find((recorded) => recorded.search === search(titles.lookbehindSam))!;
    expect(request.path).toBe('/works');
    expect(request.params.get('search')).toBe('lookbehind sam k steps back 1 step forward');
    expect(request.params.get('per_page')).toBe('10');
    expect(request.params.get('select')?.split(',')).toEqual(expect.arrayContaining(['id', 'doi', 'publication_year', 'authorships', 'open_access']));
    expect(request.params.get('mailto')).toBe('enrich-test@example.org');
    expect(request.params.get('api_key')).toBe('test-key-0123');
  });

  it('does not ask again about what is done: only the failed lookup is tried again', async () => {
    answerLikeOpenAlex();
    server.answer(search(titles.maxwell), { works: [] });
    const second = await enrich([]);
    expect(second.code).toBe(0);
    expect(searchesSent()).toEqual([search(titles.maxwell)]);
    // Implicit Regularization has a year and a DOI now: it is no longer missing anything.
    expect(second.output).toContain('1 paper looked up, 13 skipped');

    server.reset();
    const before = await snapshot();
    const third = await enrich([]);
    expect(third.code).toBe(0);
    expect(server.requests).toEqual([]);
    expect(third.output).toContain('0 papers looked up, 14 skipped');
    expect(await snapshot()).toEqual(before);
  });

  it('--retry asks again about the papers not found or ambiguous, never about a match', async () => {
    server.reset();
    const result = await enrich(['--retry']);
    expect(result.code).toBe(0);
    const matched = [titles.lookbehindSam, titles.torqueAwareMomentum, titles.spectralBias, titles.implicitRegularization, titles.lazyVsHasty];
    expect(new Set(searchesSent()).size).toBe(10);
    for (const title of matched) expect(searchesSent()).not.toContain(search(title));
    expect(searchesSent()).toContain(search(titles.unsupervisedConceptDiscovery));
  });

  it('stops when the API goes away mid-run, keeping the papers recorded before', async () => {
    const vanishing = await startOpenAlexServer();
    try {
      const attempts = async () =>
        (await database.pool.query<{ title: string; at: Date }>(
          'SELECT p.title, a.attempted_at AS at FROM enrichment_attempt a JOIN publication p ON p.id = a.publication_id ORDER BY p.id',
        )).rows;
      const before = await attempts();
      // With --retry the papers not found or ambiguous are pending, by id: A Note on Step-Size Warmup, CrossSplit…, then Curvature-Aware Replay…
      vanishing.answer(search('Curvature-Aware Replay for Continual Reinforcement Learning'), { goAway: true });
      const result = await enrich(['--retry'], { OPENALEX_URL: vanishing.url });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`Stopped: Cannot reach the OpenAlex API at ${new URL(vanishing.url).host} (ECONNREFUSED)`);
      expect(result.output).toContain('8 papers not looked up; the 2 recorded before stay. Run again to go on.');
      const after = await attempts();
      const changed = after.filter((row, index) => row.at.getTime() !== before[index]!.at.getTime()).map((row) => row.title);
      expect(changed).toEqual(['A Note on Step-Size Warmup', titles.crossSplit]);
    } finally {
      await vanishing.close();
    }
  });
});
