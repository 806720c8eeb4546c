import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAlex works API, for `npm run enrich` tests:
 * GET /works?search=… answers in OpenAlex's list shape (`meta` + `results`,
 * each result cut to the root fields named in `select`, as the real API
 * does), from answers the test registers per search text. A search nobody
 * registered finds nothing (`count: 0`, no results). Every request is
 * recorded, with its arrival time.
 *
 * The Work objects follow the documented Work object (ourresearch/openalex-docs
 * api-entities/works/work-object). Titles, authors, years, venues and arXiv
 * ids in the fixtures below come from seed/references/seed-papers.bib (checked
 * there, see SOURCES.md). Everything OpenAlex-specific is SYNTHETIC TEST DATA:
 * the W ids (W00000001xx, made to look fake), citation counts, source ids, the
 * ORCID iDs (0000-0002-1825-0097 is ORCID's own example iD, Josiah Carberry;
 * the others are made up) and the DOIs under 10.5555 (Crossref's test prefix).
 */

export type Answer =
  /** 200 with these works as results. */
  | { works: Record<string, unknown>[] }
  /** This status, with a Retry-After header if given, and an OpenAlex-style error body. */
  | { status: number; retryAfter?: string }
  /** No answer at all (the client's timeout must end the request). */
  | { hang: true }
  /** The server goes away: this connection is cut and nothing listens any more (the network is gone mid-run). */
  | { goAway: true };

export interface RecordedRequest {
  path: string;
  params: URLSearchParams;
  /** The `search` parameter. */
  search: string;
  /** Arrival time (ms since the epoch). */
  at: number;
}

export interface OpenAlexServer {
  url: string;
  requests: RecordedRequest[];
  /** The answers to a search text, one per request in turn; the last repeats. */
  answer(search: string, ...answers: Answer[]): void;
  /** Forgets the registered answers and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startOpenAlexServer(): Promise<OpenAlexServer> {
  const answers = new Map<string, Answer[]>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const search = url.searchParams.get('search') ?? '';
    requests.push({ path: url.pathname, params: url.searchParams, search, at: Date.now() });
    if (url.pathname !== '/works') {
      respond(response, 404, { error: 'Not found', message: `no route ${url.pathname}` });
      return;
    }
    const queue = answers.get(search) ?? [{ works: [] }];
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    if ('hang' in answer) return; // closed by server.close() (closeAllConnections)
    if ('goAway' in answer) {
      server.close();
      server.closeAllConnections();
      return;
    }
    if ('status' in answer) {
      const headers: Record<string, string> = answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter };
      respond(response, answer.status, { error: http.STATUS_CODES[answer.status] ?? 'Error', message: 'test answer' }, headers);
      return;
    }
    const select = url.searchParams.get('select')?.split(',');
    const results = answer.works.map((work) => (select ? Object.fromEntries(Object.entries(work).filter(([key]) => select.includes(key))) : work));
    const perPage = Number(url.searchParams.get('per_page') ?? 25);
    respond(response, 200, {
      meta: { count: results.length, db_response_time_ms: 12, page: 1, per_page: perPage, groups_count: null },
      results: results.slice(0, perPage),
      group_by: [],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(search, ...list) {
      answers.set(search, list);
    },
    reset() {
      answers.clear();
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      if (!server.listening) return Promise.resolve();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function respond(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export interface WorkFixture {
  /** Synthetic: W00000001xx. */
  id: string;
  title: string;
  /** Display names, in order, each with an ORCID iD (bare) or null. */
  authors: [string, string | null][];
  year: number;
  /** Bare DOI (synthetic 10.5555/… or arXiv's DataCite DOI), or null. */
  doi?: string | null;
  /** The primary location's source; type 'repository' for arXiv. */
  source: { name: string; type: 'conference' | 'journal' | 'repository' };
  arxivId?: string | null;
  citedBy: number;
}

/** A Work object as OpenAlex shapes it (the fields the docs show; values from the fixture). */
export function openAlexWork(fixture: WorkFixture): Record<string, unknown> {
  const arxiv = fixture.arxivId
    ? {
        is_oa: true,
        landing_page_url: `https://arxiv.org/abs/${fixture.arxivId}`,
        pdf_url: `https://arxiv.org/pdf/${fixture.arxivId}`,
        source: { id: 'https://openalex.org/S0000000001', display_name: 'arXiv (Cornell University)', issn_l: null, issn: null, type: 'repository' },
        license: null,
        version: 'submittedVersion',
      }
    : null;
  const primary =
    fixture.source.type === 'repository' && arxiv
      ? arxiv
      : {
          is_oa: false,
          landing_page_url: fixture.doi ? `https://doi.org/${fixture.doi}` : null,
          pdf_url: null,
          source: { id: 'https://openalex.org/S0000000002', display_name: fixture.source.name, issn_l: null, issn: null, type: fixture.source.type },
          license: null,
          version: 'publishedVersion',
        };
  const id = `https://openalex.org/${fixture.id}`;
  return {
    id,
    doi: fixture.doi ? `https://doi.org/${fixture.doi}` : null,
    title: fixture.title,
    display_name: fixture.title,
    publication_year: fixture.year,
    publication_date: `${fixture.year}-01-01`,
    ids: { openalex: id, ...(fixture.doi ? { doi: `https://doi.org/${fixture.doi}` } : {}) },
    type: fixture.source.type === 'repository' ? 'preprint' : 'article',
    primary_location: primary,
    locations: arxiv && primary !== arxiv ? [primary, arxiv] : [primary],
    best_oa_location: arxiv,
    open_access: { is_oa: arxiv !== null, oa_status: arxiv ? 'green' : 'closed', oa_url: arxiv?.pdf_url ?? null, any_repository_has_fulltext: arxiv !== null },
    authorships: fixture.authors.map(([name, orcid], index) => ({
      author_position: index === 0 ? 'first' : index === fixture.authors.length - 1 ? 'last' : 'middle',
      author: { id: `https://openalex.org/A00000${String(index).padStart(5, '0')}`, display_name: name, orcid: orcid ? `https://orcid.org/${orcid}` : null },
      institutions: [],
      raw_affiliation_strings: [],
    })),
    cited_by_count: fixture.citedBy,
    is_retracted: false,
    is_paratext: false,
    updated_date: '2026-11-01T00:00:00.000000',
  };
}

/** ORCID's documented example iD (a fictitious person): used as a synthetic test value. */
export const EXAMPLE_ORCID = '0000-0002-1825-0097';

/** Works for the seeded papers (see the header: bibliographic data from seed-papers.bib, OpenAlex data synthetic). */
export const seedWorks = {
  lookbehindSam: {
    id: 'W0000000101',
    title: 'Lookbehind-SAM: k steps back, 1 step forward',
    authors: [
      ['Gonçalo Mordido', null],
      ['Pranshu Malviya', null],
      ['A. Baratin', EXAMPLE_ORCID],
      ['Sarath Chandar', null],
    ],
    year: 2024,
    source: { name: 'International Conference on Machine Learning (ICML)', type: 'conference' },
    arxivId: '2307.16704',
    citedBy: 17,
  },
  torqueAwareMomentum: {
    id: 'W0000000102',
    title: 'Torque-Aware Momentum',
    authors: [
      ['Pranshu Malviya', null],
      ['Gonçalo Mordido', null],
      ['Aristide Baratin', EXAMPLE_ORCID],
      ['Reza Babanezhad Harikandeh', null],
      ['Gintare Karolina Dziugaite', null],
      ['Razvan Pascanu', null],
      ['Sarath Chandar', null],
    ],
    year: 2024,
    doi: '10.48550/arxiv.2412.18790',
    source: { name: 'arXiv (Cornell University)', type: 'repository' },
    arxivId: '2412.18790',
    citedBy: 3,
  },
  /** A near miss: a shorter title (synthetic), same authors. */
  crossSplitNearMiss: {
    id: 'W0000000103',
    title: 'CrossSplit: Mitigating Label Noise Memorization',
    authors: [
      ['Jihye Kim', null],
      ['Aristide Baratin', null],
      ['Yan Zhang', null],
      ['Simon Lacoste-Julien', null],
    ],
    year: 2023,
    source: { name: 'International Conference on Machine Learning (ICML)', type: 'conference' },
    citedBy: 5,
  },
  /** Two records of one paper (the preprint and the proceedings), as OpenAlex sometimes keeps them apart. */
  unsupervisedConceptDiscovery: ['W0000000104', 'W0000000105'].map((id, index) => ({
    id,
    title: 'Unsupervised Concept Discovery Mitigates Spurious Correlations',
    authors: [
      ['Md Rifat Arefin', null],
      ['Yan Zhang', null],
      ['Aristide Baratin', null],
      ['Francesco Locatello', null],
      ['Irina Rish', null],
      ['Dianbo Liu', null],
      ['Kenji Kawaguchi', null],
    ],
    year: 2024,
    source: index === 0 ? { name: 'arXiv (Cornell University)', type: 'repository' } : { name: 'International Conference on Machine Learning (ICML)', type: 'conference' },
    arxivId: '2402.13368',
    citedBy: 9,
  })),
  spectralBias: {
    id: 'W0000000106',
    title: 'On the Spectral Bias of Neural Networks',
    authors: [
      // Gives Rahaman the iD Baratin gets from Lookbehind-SAM: the unique ORCID must not move or be shared.
      ['Nasim Rahaman', EXAMPLE_ORCID],
      ['Aristide Baratin', null],
      ['Devansh Arpit', null],
      ['Felix Draxler', null],
      ['Min Lin', null],
      ['Fred A. Hamprecht', null],
      ['Yoshua Bengio', null],
      ['Aaron Courville', null],
    ],
    year: 2019,
    source: { name: 'International Conference on Machine Learning (ICML)', type: 'conference' },
    arxivId: '1806.08734',
    citedBy: 1200,
  },
  implicitRegularization: {
    id: 'W0000000107',
    title: 'Implicit Regularization via Neural Feature Alignment',
    authors: [
      ['Aristide Baratin', null],
      ['Thomas George', null],
      ['César Laurent', null],
      ['R Devon Hjelm', null],
      ['Guillaume Lajoie', null],
      ['Pascal Vincent', null],
      ['Simon Lacoste-Julien', null],
    ],
    year: 2021,
    doi: '10.5555/enrich-test.107',
    source: { name: 'International Conference on Artificial Intelligence and Statistics (AISTATS)', type: 'conference' },
    arxivId: '2008.00938',
    citedBy: 80,
  },
  lazyVsHasty: {
    id: 'W0000000108',
    title: 'Lazy vs hasty: linearization in deep networks impacts learning schedule based on example difficulty',
    authors: [
      ['Thomas George', null],
      ['Guillaume Lajoie', null],
      ['Aristide Baratin', null],
    ],
    year: 2022,
    source: { name: 'Transactions on Machine Learning Research', type: 'journal' },
    arxivId: '2209.09658',
    citedBy: 20,
  },
} satisfies Record<string, WorkFixture | WorkFixture[]>;
