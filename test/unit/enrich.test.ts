import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { fillPublication, mayFill, mayFillOrcid, type PublicationValues } from '../../seed/enrich/fill.js';
import { judge, matchAuthors, sameAuthor, type PaperToMatch } from '../../seed/enrich/match.js';
import {
  ApiRefusedError,
  ApiUnreachableError,
  backoffDelay,
  OpenAlexClient,
  RequestFailedError,
  retryAfterMs,
  systemErrorCode,
  type ClientOptions,
} from '../../seed/enrich/openAlexClient.js';
import { loadEnrichSettings, parseFlags, UsageError } from '../../seed/enrich/settings.js';
import { mapWork, worksPageSchema, type OpenAlexWork } from '../../seed/enrich/work.js';
import { EXAMPLE_ORCID, openAlexWork, seedWorks } from '../support/openAlexServer.js';

const work = (fixture: Parameters<typeof openAlexWork>[0]) => worksPageSchema.parse({ meta: { count: 1 }, results: [openAlexWork(fixture)] }).results[0]!;

describe('sameAuthor', () => {
  it.each([
    ['Aristide Baratin', 'aristide  BARATIN'],
    ['Aristide Baratin', 'A. Baratin'],
    ['Fred A. Hamprecht', 'Fred Hamprecht'],
    ['Nicolas Roux', 'Nicolas Le Roux'],
    ['Simon Dufort-Labbé', 'Simon Dufort-Labbe'],
    ['Md Rifat Arefin', 'Md. Rifat Arefin'],
  ])('%s is %s', (a, b) => expect(sameAuthor(a, b)).toBe(true));

  it.each([
    ['Aristide Baratin', 'Baratin'],
    ['Aristide Baratin', 'B. Baratin'],
    ['Aristide Baratin', 'Arnaud Baratin'],
    ['Keller Jordan', 'Jordan Keller'],
    ['Aristide Baratin', ''],
  ])('%s is not %s', (a, b) => expect(sameAuthor(a, b)).toBe(false));
});

describe('matchAuthors', () => {
  it('pairs each paper author with the work author that is them, by name or by initials', () => {
    const matches = matchAuthors(
      [
        { researcherId: 1, names: ['Aristide Baratin'] },
        { researcherId: 2, names: ['Nicolas Roux'] },
      ],
      [
        { name: 'A. Baratin', orcid: EXAMPLE_ORCID },
        { name: 'Nicolas Le Roux', orcid: null },
      ],
    );
    expect(matches).toEqual([
      { researcherId: 1, author: { name: 'A. Baratin', orcid: EXAMPLE_ORCID } },
      { researcherId: 2, author: { name: 'Nicolas Le Roux', orcid: null } },
    ]);
  });

  it('leaves unpaired a person two work authors could be, and prefers an exact name over initials', () => {
    const authors = [
      { name: 'J. Smith', orcid: '0000-0000-0000-0001' },
      { name: 'Jane Smith', orcid: '0000-0000-0000-0002' },
      { name: 'J. A. Smith', orcid: '0000-0000-0000-0003' },
    ];
    // John Smith could be J. Smith or J. A. Smith (not Jane Smith).
    expect(matchAuthors([{ researcherId: 1, names: ['John Smith'] }], authors)).toEqual([]);
    expect(matchAuthors([{ researcherId: 1, names: ['Jane Smith'] }], authors)).toEqual([{ researcherId: 1, author: authors[1] }]);
    // An alias counts like the name.
    expect(matchAuthors([{ researcherId: 1, names: ['Janet Smith', 'Jane Smith'] }], authors)).toEqual([{ researcherId: 1, author: authors[1] }]);
  });
});

describe('judge', () => {
  const paper: PaperToMatch = { title: 'Lookbehind-SAM: k Steps Back, 1 Step Forward', authors: [{ researcherId: 7, names: ['Aristide Baratin'] }] };
  const lookbehind = work(seedWorks.lookbehindSam);

  it('matches one work with the same normalised title and an author in common', () => {
    const verdict = judge(paper, [work(seedWorks.crossSplitNearMiss), lookbehind]);
    expect(verdict).toMatchObject({ outcome: 'matched', work: { fields: { openAlexId: 'W0000000101' } } });
    expect(verdict.outcome === 'matched' && verdict.authors).toEqual([{ researcherId: 7, author: { name: 'A. Baratin', orcid: EXAMPLE_ORCID } }]);
  });

  it('does not take a near-miss title, nor a work none of whose authors is the paper’s', () => {
    expect(judge(paper, [{ ...lookbehind, title: 'Lookbehind-SAM: k steps back', display_name: 'Lookbehind-SAM: k steps back' }])).toEqual({
      outcome: 'not_found',
      reason: 'no result has this title (1 looked at)',
    });
    const strangers = { ...paper, authors: [{ researcherId: 8, names: ['Keller Jordan'] }] };
    expect(judge(strangers, [lookbehind])).toMatchObject({ outcome: 'not_found' });
    expect(judge(paper, [])).toEqual({ outcome: 'not_found', reason: 'no result' });
  });

  it('calls two candidates ambiguous, but one work found twice is one candidate', () => {
    const [preprint, proceedings] = seedWorks.unsupervisedConceptDiscovery.map(work);
    const unsupervised: PaperToMatch = { title: 'Unsupervised Concept Discovery Mitigates Spurious Correlations', authors: [{ researcherId: 7, names: ['Aristide Baratin'] }] };
    expect(judge(unsupervised, [preprint!, proceedings!])).toEqual({ outcome: 'ambiguous', candidates: ['W0000000104', 'W0000000105'] });
    expect(judge(unsupervised, [preprint!, preprint!])).toMatchObject({ outcome: 'matched' });
  });
});

describe('mapWork', () => {
  it('reads a proceedings paper: venue from the primary source, arXiv id from the arXiv location, bare ids', () => {
    expect(mapWork(work(seedWorks.implicitRegularization))).toMatchObject({
      title: 'Implicit Regularization via Neural Feature Alignment',
      fields: {
        openAlexId: 'W0000000107',
        year: 2021,
        venue: 'International Conference on Artificial Intelligence and Statistics (AISTATS)',
        doi: '10.5555/enrich-test.107',
        arxivId: '2008.00938',
        citationCount: 80,
        openAccessUrl: 'https://arxiv.org/pdf/2008.00938',
      },
    });
  });

  it('reads a preprint: the arXiv DataCite DOI is the arXiv id, not the DOI; a repository is not a venue', () => {
    const mapped = mapWork(work(seedWorks.torqueAwareMomentum));
    expect(mapped.fields).toMatchObject({ doi: null, arxivId: '2412.18790', venue: null, year: 2024 });
    expect(mapped.authors[2]).toEqual({ name: 'Aristide Baratin', orcid: EXAMPLE_ORCID });
  });

  it('takes what a sparse work has, null for the rest', () => {
    const sparse: OpenAlexWork = { id: 'https://openalex.org/W0000000199', title: 'A title', doi: 'https://doi.org/10.5555/X', authorships: [{ author: { display_name: 'A Person', orcid: 'not an orcid' } }] };
    expect(mapWork(sparse)).toEqual({
      title: 'A title',
      fields: { openAlexId: 'W0000000199', year: null, venue: null, doi: '10.5555/X', arxivId: null, citationCount: null, openAccessUrl: null },
      authors: [{ name: 'A Person', orcid: null }],
    });
    const oldStyle: OpenAlexWork = { id: 'W1', locations: [{ landing_page_url: 'http://arxiv.org/abs/hep-th/9901001v2' }] };
    expect(mapWork(oldStyle).fields.arxivId).toBe('hep-th/9901001');
  });

  it('refuses an answer that is not OpenAlex’s list shape', () => {
    expect(worksPageSchema.safeParse({ results: [] }).success).toBe(false);
    expect(worksPageSchema.safeParse({ meta: { count: 1 }, results: [{ title: 'no id' }] }).success).toBe(false);
  });
});

describe('fill', () => {
  const empty: PublicationValues = { year: null, venue: null, doi: null, arxivId: null, openAlexId: null, citationCount: null, openAccessUrl: null };
  const fromOpenAlex = mapWork(work(seedWorks.implicitRegularization)).fields;

  it('fills empty fields and the ones OpenAlex set, never erasing or overruling another source', () => {
    expect(fillPublication(empty, {}, fromOpenAlex)).toEqual(fromOpenAlex);
    const current = { ...empty, year: 2020, venue: 'Corrected', doi: '10.5555/kept', citationCount: 3, openAccessUrl: 'https://example.org/old' };
    const provenance = { year: 'bibtex', venue: 'curation', citationCount: 'openalex', openAccessUrl: 'openalex' } as const;
    // doi has a value but no recorded source (set before provenance existed): kept too.
    expect(fillPublication(current, provenance, fromOpenAlex)).toEqual({
      arxivId: '2008.00938',
      openAlexId: 'W0000000107',
      citationCount: 80,
      openAccessUrl: 'https://arxiv.org/pdf/2008.00938',
    });
    expect(fillPublication({ ...empty, citationCount: 5 }, { citationCount: 'openalex' }, { ...empty, openAlexId: 'W1' })).toEqual({ openAlexId: 'W1' });
  });

  it('treats ORCIDs the same way', () => {
    expect(mayFillOrcid(null, {}, EXAMPLE_ORCID)).toBe(true);
    expect(mayFillOrcid('0000-0000-0000-0001', { orcid: 'openalex' }, EXAMPLE_ORCID)).toBe(true);
    expect(mayFillOrcid('0000-0000-0000-0001', { orcid: 'curation' }, EXAMPLE_ORCID)).toBe(false);
    expect(mayFillOrcid(null, { orcid: 'profile' }, EXAMPLE_ORCID)).toBe(false);
    expect(mayFill(EXAMPLE_ORCID, 'openalex', EXAMPLE_ORCID)).toBe(false);
  });
});

describe('the OpenAlex client', () => {
  const page = (works: unknown[]) => new Response(JSON.stringify({ meta: { count: works.length }, results: works }), { status: 200 });
  const status = (code: number, headers: Record<string, string> = {}) => new Response(JSON.stringify({ error: 'x', message: 'slow down' }), { status: code, headers });

  /** A client over canned responses, on a fake clock: its waits are recorded (and move the clock) instead of slept. */
  function client(responses: (Response | Error)[], options: Partial<ClientOptions> = {}) {
    const sleeps: number[] = [];
    const urls: string[] = [];
    let clock = 0;
    const fake = new OpenAlexClient({
      baseUrl: 'https://api.openalex.org/',
      mailto: 'you@example.org',
      timeoutMs: 1000,
      retries: 3,
      backoffMs: 100,
      maxPerSecond: 10,
      now: () => clock,
      sleep: (ms) => {
        sleeps.push(ms);
        clock += ms;
        return Promise.resolve();
      },
      fetch: (url) => {
        urls.push(url instanceof Request ? url.url : url.toString());
        const next = responses.shift()!;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      ...options,
    });
    return { fake, sleeps, urls };
  }
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });

  it('sends the documented search request, with mailto and the key', () => {
    const { fake } = client([], { apiKey: 'secret-key-1' });
    const url = fake.searchUrl('Lookbehind-SAM: k Steps Back, 1 Step Forward');
    expect(`${url.origin}${url.pathname}`).toBe('https://api.openalex.org/works');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search: 'lookbehind sam k steps back 1 step forward',
      select: 'id,doi,title,display_name,publication_year,primary_location,locations,open_access,cited_by_count,authorships',
      per_page: '10',
      mailto: 'you@example.org',
      api_key: 'secret-key-1',
    });
  });

  it('waits what Retry-After asks on a 429 (or the backoff, if longer), then answers', async () => {
    const { fake, sleeps } = client([status(429, { 'retry-after': '3' }), status(503), page([openAlexWork(seedWorks.lookbehindSam)])]);
    const works = await fake.searchWorks('Lookbehind-SAM');
    expect(works.map((found) => found.id)).toEqual(['https://openalex.org/W0000000101']);
    // 3 s asked (more than the first backoff, 100 ms); then the second backoff (100 × 2). The rate limit had no need to wait.
    expect(sleeps).toEqual([3000, 200]);
  });

  it('spaces requests 1/maxPerSecond apart', async () => {
    const { fake, sleeps } = client([page([]), page([]), page([])], { maxPerSecond: 4 });
    for (let index = 0; index < 3; index++) await fake.searchWorks('x');
    expect(sleeps).toEqual([250, 250]);
  });

  it('fails the lookup after the retries on 5xx, and on a 400 at once', async () => {
    const { fake, sleeps } = client([status(500), status(502), status(503), status(504)]);
    await expect(fake.searchWorks('x')).rejects.toThrow(new RequestFailedError('HTTP 504 (4 attempts)'));
    expect(sleeps).toEqual([100, 200, 400]);
    await expect(client([status(400)]).fake.searchWorks('x')).rejects.toThrow(RequestFailedError);
  });

  it('stops the run when the allowance is spent or the key refused', async () => {
    await expect(client([status(429, { 'retry-after': '3600' })]).fake.searchWorks('x')).rejects.toThrow(ApiRefusedError);
    await expect(client([status(403)]).fake.searchWorks('x')).rejects.toThrow(/check OPENALEX_API_KEY/u);
    const always429 = Array.from({ length: 4 }, () => status(429));
    await expect(client(always429).fake.searchWorks('x')).rejects.toThrow(/still answered 429/u);
  });

  it('says the API cannot be reached on DNS failure or refused connection, without retrying', async () => {
    const { fake, urls } = client([refused]);
    await expect(fake.searchWorks('x')).rejects.toThrow(new ApiUnreachableError('api.openalex.org', 'ECONNREFUSED'));
    expect(urls).toHaveLength(1);
    const dns = Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' })]) });
    expect(systemErrorCode(dns)).toBe('ENOTFOUND');
  });

  it('retries a timeout like a server error', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    await expect(client([timeout, timeout], { retries: 1 }).fake.searchWorks('x')).rejects.toThrow(new RequestFailedError('no answer in 1000 ms (2 attempts)'));
    await expect(client([timeout, page([])], { retries: 1 }).fake.searchWorks('x')).resolves.toEqual([]);
  });

  it('reads Retry-After in seconds or as a date, and caps the backoff', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(backoffDelay(1000, 3)).toBe(8000);
    expect(backoffDelay(1000, 20)).toBe(60_000);
  });
});

describe('settings', () => {
  it('has polite defaults and reads the environment', () => {
    expect(loadEnrichSettings({})).toEqual({
      baseUrl: 'https://api.openalex.org',
      mailto: undefined,
      apiKey: undefined,
      timeoutMs: 20_000,
      retries: 4,
      backoffMs: 1000,
      maxPerSecond: 10,
    });
    expect(loadEnrichSettings({ OPENALEX_URL: 'http://127.0.0.1:8080', OPENALEX_MAILTO: 'you@example.org', OPENALEX_RETRIES: '0' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080',
      mailto: 'you@example.org',
      retries: 0,
    });
  });

  it('names a bad value, with an example, and never echoes the key', () => {
    expect(() => loadEnrichSettings({ OPENALEX_MAILTO: 'me' })).toThrow(new ConfigError('OPENALEX_MAILTO', 'Invalid environment variable OPENALEX_MAILTO="me": Invalid email address. Example of a good value: OPENALEX_MAILTO=you@example.org'));
    expect(() => loadEnrichSettings({ OPENALEX_MAX_PER_SECOND: '50' })).toThrow(/OPENALEX_MAX_PER_SECOND="50".*OPENALEX_MAX_PER_SECOND=10/u);
    expect(() => loadEnrichSettings({ OPENALEX_URL: 'ftp://x' })).toThrow(/is not an http\(s\) URL/u);
    // The whole message: the key's value appears nowhere in it.
    expect(() => loadEnrichSettings({ OPENALEX_API_KEY: 'a b c d e f' })).toThrow(
      new ConfigError('OPENALEX_API_KEY', 'Invalid environment variable OPENALEX_API_KEY=(hidden): has white space. Example of a good value: OPENALEX_API_KEY=your-openalex-api-key'),
    );
  });

  it('reads the flags, and refuses unknown ones', () => {
    expect(parseFlags(['--dry-run', '--retry', '--limit=5'])).toEqual({ help: false, dryRun: true, retry: true, verbose: false, limit: 5 });
    expect(() => parseFlags(['--limit=0'])).toThrow(UsageError);
    expect(() => parseFlags(['--force'])).toThrow(new UsageError('Unknown option --force.'));
    expect(() => parseFlags(['--dry-run=yes'])).toThrow(new UsageError('--dry-run takes no value'));
  });
});
