// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.js';
import type { PublicationFilter, PublicationOrder, ResearcherFilter, ResearcherSlugsQuery, TypedDocumentString } from './generated/graphql.js';
import { request } from './operations/request.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;

beforeAll(async () => {
  seeded = await startSeededApi();
  // Data of its own, beside the seed: an accented name and a French paper.
  const prisma = seeded.database.prisma;
  const elise = await prisma.researcher.create({
    data: { slug: 'elise-cote', name: 'Élise Côté', nameKey: 'elise cote', searchKey: 'élise côté | elise cote'.normalize('NFD').replace(/\p{M}/gu, '') },
  });
  const paper = await prisma.publication.create({
    data: {
      titleKey: 'apprentissage profond pour les modeles generatifs',
      title: 'Apprentissage profond pour les modèles génératifs',
      abstract: 'Nous étudions des réseaux de neurones profonds.',
      year: 2024,
    },
  });
  await prisma.authorship.create({ data: { publicationId: paper.id, researcherId: elise.id, position: 0 } });
});

afterAll(() => seeded.close());

/** The data of a typed operation, which must answer 200 without errors. */
async function data<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables?: Variables): Promise<Result> {
  const response = await request(seeded.api, document, variables);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

/** A value the test has just checked is there (a null here fails the test, not a later property access). */
function present<T>(value: T | null | undefined): T {
  expect(value).not.toBeNull();
  expect(value).not.toBeUndefined();
  return value!;
}

async function userError(query: string, variables?: Record<string, unknown>) {
  const response = await seeded.api.graphql(query, variables);
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  return error!.message;
}

const slugs = (nodes: { slug: string }[]) => nodes.map((node) => node.slug);
const titlesOf = (nodes: { title: string }[]) => nodes.map((node) => node.title);

const ResearcherProfile = graphql(`query ResearcherProfile($slug: String!) {
  researcher(slug: $slug) {
    id slug name aliases position positionFr organization isMember orcid publicationCount createdAt updatedAt
    roles { key name nameFr } topics { slug name nameFr }
  }
}`);

const ResearcherSlugs = graphql(`query ResearcherSlugs($first: Int, $after: String, $last: Int, $before: String, $orderBy: ResearcherOrder) {
  researchers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { slug publicationCount } }
    nodes { slug publicationCount }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`);

const ResearcherNames = graphql(`query ResearcherNames($filter: ResearcherFilter) {
  researchers(filter: $filter) { totalCount nodes { name } }
}`);

const Coauthors = graphql(`query Coauthors($slug: String!, $first: Int) {
  researcher(slug: $slug) { coauthors(first: $first) { sharedPublications researcher { name } } }
}`);

const ResearcherPublications = graphql(`query ResearcherPublications($slug: String!, $after: String) {
  researcher(slug: $slug) {
    publications(first: 2, after: $after, orderBy: TITLE) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }
  }
}`);

describe('researchers', () => {
  it('researcher(slug) gives every field of a member', async () => {
    const researcher = present((await data(ResearcherProfile, { slug: 'aristide-baratin' })).researcher);
    expect(researcher).toMatchObject({
      slug: 'aristide-baratin',
      name: 'Aristide Baratin',
      aliases: [],
      position: 'Independent visiting researcher',
      positionFr: 'Visiteur de recherche indépendant',
      organization: 'Samsung SAIT',
      isMember: true,
      orcid: null,
      publicationCount: 12,
      roles: [{ key: 'principal-supervisor', name: 'Principal supervisor', nameFr: 'Superviseur⋅e principal⋅e' }],
      topics: [{ slug: 'deep-learning', name: 'Deep Learning', nameFr: 'Apprentissage profond' }],
    });
    expect(researcher.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(researcher.id).not.toContain('Researcher'); // opaque
  });

  it('researcher(slug) is null for an unknown slug', async () => {
    expect(await data(ResearcherProfile, { slug: 'nobody' })).toEqual({ researcher: null });
  });

  it('pages forward and backward with stable cursors, 20 by default', async () => {
    const all = (await data(ResearcherSlugs, { first: 100 })).researchers;
    // 14 researchers from the profiles, 31 more co-authors from the BibTeX, and Élise Côté.
    expect(all.totalCount).toBe(46);
    const everyone = slugs(all.nodes);
    expect(everyone.slice(0, 4)).toEqual(['a-courville', 'a-sordoni', 'aaron-courville', 'aristide-baratin']); // by name, initials and all
    expect(slugs((await data(ResearcherSlugs, {})).researchers.nodes)).toEqual(everyone.slice(0, 20));

    const first = (await data(ResearcherSlugs, { first: 4 })).researchers;
    expect(first.edges.map((edge) => edge.node.slug)).toEqual(everyone.slice(0, 4));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[3]!.cursor });
    const second = (await data(ResearcherSlugs, { first: 4, after: first.pageInfo.endCursor })).researchers;
    expect(slugs(second.nodes)).toEqual(everyone.slice(4, 8));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const back = (await data(ResearcherSlugs, { last: 3, before: second.pageInfo.startCursor })).researchers;
    expect(slugs(back.nodes)).toEqual(everyone.slice(1, 4));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const tail = (await data(ResearcherSlugs, { last: 2 })).researchers;
    expect(slugs(tail.nodes)).toEqual(everyone.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('orders by publication count with ties broken stably across pages', async () => {
    const all = (await data(ResearcherSlugs, { first: 100, orderBy: 'PUBLICATION_COUNT' })).researchers.nodes;
    expect(all.slice(0, 4).map((n) => [n.slug, n.publicationCount])).toEqual([
      ['aristide-baratin', 12],
      ['noor-haddad-lefebvre', 4],
      ['guillaume-lajoie', 3], // a tie: by name
      ['simon-lacoste-julien', 3],
    ]);
    // Walk the whole list two at a time: the same order, nothing missed or repeated though most counts tie at 1.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ResearcherSlugsQuery['researchers'] = (await data(ResearcherSlugs, { first: 2, after, orderBy: 'PUBLICATION_COUNT' })).researchers;
      walked.push(...slugs(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(slugs(all));
  });

  it('filters by name or alias ignoring case and accents, topic, role and membership', async () => {
    const names = async (filter: ResearcherFilter) => (await data(ResearcherNames, { filter })).researchers.nodes.map((n) => n.name);
    expect(await names({ search: 'elise' })).toEqual(['Élise Côté']);
    expect(await names({ search: 'CÔTE' })).toEqual(['Élise Côté']);
    expect(await names({ search: 'jordan' })).toEqual(['Keller Jordan']);
    expect(await names({ topic: 'optimization' })).toEqual(['Noor Haddad-Lefebvre']);
    expect(await names({ role: 'principal-supervisor' })).toEqual(['Aristide Baratin', 'Noor Haddad-Lefebvre']);
    expect(await names({ isMember: true })).toEqual(['Aristide Baratin', 'Noor Haddad-Lefebvre']);
    expect((await data(ResearcherNames, { filter: { isMember: false } })).researchers.totalCount).toBe(44);
    expect(await names({ topic: 'deep-learning', role: 'co-supervisor' })).toEqual(['Noor Haddad-Lefebvre']);
  });
  it('lists co-authors most shared first, with the count', async () => {
    expect(await data(Coauthors, { slug: 'aristide-baratin', first: 2 })).toEqual({
      researcher: {
        coauthors: [
          // Both on three of his papers in seed-papers.bib; a tie, by name.
          { sharedPublications: 3, researcher: { name: 'Guillaume Lajoie' } },
          { sharedPublications: 3, researcher: { name: 'Simon Lacoste-Julien' } },
        ],
      },
    });
  });

  it('nests publication pages with their own cursors and order', async () => {
    const { publications } = present((await data(ResearcherPublications, { slug: 'noor-haddad-lefebvre' })).researcher);
    expect(publications).toMatchObject({ totalCount: 4, nodes: [{ title: 'A Note on Step-Size Warmup' }, { title: 'Curvature-Aware Replay for Continual Reinforcement Learning' }], pageInfo: { hasNextPage: true } });
    const next = await data(ResearcherPublications, { slug: 'noor-haddad-lefebvre', after: publications.pageInfo.endCursor });
    expect(next.researcher?.publications).toMatchObject({ nodes: [{ title: 'Sparse Rewards' }, { title: 'Torque-Aware Momentum' }], pageInfo: { hasNextPage: false } });
  });
});

const PublicationIds = graphql(`query PublicationIds($filter: PublicationFilter) {
  publications(filter: $filter) { nodes { id } }
}`);

const PublicationDetail = graphql(`query PublicationDetail($id: ID!) {
  publication(id: $id) {
    id title abstract abstractTruncated codeUrl year venue doi arxivId url createdAt updatedAt
    authors { name isMember } topics { slug }
  }
}`);

const PublicationList = graphql(`query PublicationList($first: Int, $last: Int, $before: String, $filter: PublicationFilter, $orderBy: PublicationOrder) {
  publications(first: $first, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { title year codeUrl abstractTruncated authors { name } }
    pageInfo { startCursor hasPreviousPage }
  }
}`);

describe('publications', () => {
  it('publication(id) gives every field, authors in order and topics', async () => {
    const [found] = (await data(PublicationIds, { filter: { search: 'torque' } })).publications.nodes;
    const publication = present((await data(PublicationDetail, { id: present(found).id })).publication);
    expect(publication).toMatchObject({
      title: 'Torque-Aware Momentum',
      abstractTruncated: false,
      codeUrl: null,
      // From seed-papers.bib; the authors stay those listed in seed/profiles/english-sample.txt, not the BibTeX's seven.
      year: 2024,
      venue: 'arXiv preprint',
      doi: null,
      arxivId: '2412.18790',
      url: 'https://arxiv.org/abs/2412.18790',
      authors: [
        { name: 'Aristide Baratin', isMember: true },
        { name: 'Nicolas Roux', isMember: false },
        { name: 'Noor Haddad-Lefebvre', isMember: true },
      ],
      topics: [{ slug: 'deep-learning' }, { slug: 'optimization' }, { slug: 'reinforcement-learning' }],
    });
    expect(publication.abstract).toContain('momentum-based optimizers are widely used in state-of-the-art setups');
  });

  it('finds code links and cut abstracts', async () => {
    const nodes = (await data(PublicationList, { first: 100, orderBy: 'TITLE' })).publications.nodes;
    expect(nodes.filter((n) => n.codeUrl).map((n) => n.codeUrl)).toEqual([
      'https://github.com/example-lab/curvature-replay',
      'https://github.com/chandar-lab/Lookbehind-SAM',
      'https://github.com/chandar-lab/CMOptimizer',
      'https://github.com/rarefin/CoBalT',
    ]);
    expect(titlesOf(nodes.filter((n) => n.abstractTruncated))).toEqual(['A Note on Step-Size Warmup', 'On the Spectral Bias of Neural Networks']);
  });

  it('searches title and abstract, title first, in English with stemming', async () => {
    const titles = async (search: string) => titlesOf((await data(PublicationList, { filter: { search } })).publications.nodes);
    // "momentum" is in one title and in another paper's abstract: the title match ranks first.
    expect(await titles('momentum')).toEqual(['Torque-Aware Momentum', 'Promoting Exploration in Memory-Augmented Adam using Critical Momenta']);
    expect(await titles('pruning neurons')).toEqual(["Maxwell's Demon at Work: Efficient Pruning by Leveraging Saturation of Neurons"]);
    expect(await titles('"label noise" -crosssplit')).toContain('Lazy vs hasty: linearization in deep networks impacts learning schedule based on example difficulty');
    expect(await titles('zyxwvut')).toEqual([]);
  });

  it('searches French text with or without accents', async () => {
    for (const search of ['modèles génératifs', 'modeles generatifs', 'réseaux de neurones']) {
      const found = (await data(PublicationList, { filter: { search } })).publications.nodes;
      expect(found.map(({ title, authors }) => ({ title, authors }))).toEqual([{ title: 'Apprentissage profond pour les modèles génératifs', authors: [{ name: 'Élise Côté' }] }]);
    }
  });

  it('filters by topic, author and years, and orders by year, title or relevance', async () => {
    const list = async (filter: PublicationFilter, orderBy?: PublicationOrder) => (await data(PublicationList, { first: 100, filter, orderBy })).publications;
    expect((await list({ topic: 'optimization' })).totalCount).toBe(4);
    expect(titlesOf((await list({ author: 'keller-jordan' })).nodes)).toEqual([
      'How Learning Rates Shape Neural Network Focus: Insights from Example Ranking',
      'Sparse Rewards',
    ]);
    // Newest first, then by title; the 2019 paper and those without a year are out.
    expect((await list({ yearFrom: 2020, yearTo: 2025 })).nodes.map(({ title, year }) => ({ title, year }))).toEqual([
      { title: 'Apprentissage profond pour les modèles génératifs', year: 2024 },
      { title: 'How Connectivity Structure Shapes Rich and Lazy Learning in Neural Circuits', year: 2024 },
      { title: 'How Learning Rates Shape Neural Network Focus: Insights from Example Ranking', year: 2024 },
      { title: 'Lookbehind-SAM: k Steps Back, 1 Step Forward', year: 2024 },
      { title: "Maxwell's Demon at Work: Efficient Pruning by Leveraging Saturation of Neurons", year: 2024 },
      { title: 'Torque-Aware Momentum', year: 2024 },
      { title: 'Unsupervised Concept Discovery Mitigates Spurious Correlations', year: 2024 },
      { title: 'CrossSplit: Mitigating Label Noise Memorization through Data Splitting', year: 2023 },
      { title: 'Promoting Exploration in Memory-Augmented Adam using Critical Momenta', year: 2023 },
      { title: 'Expressiveness and Learnability: A Unifying View for Evaluating Self-Supervised Learning', year: 2022 },
      { title: 'Lazy vs hasty: linearization in deep networks impacts learning schedule based on example difficulty', year: 2022 },
      { title: 'Implicit Regularization via Neural Feature Alignment', year: 2021 },
    ]);
    const newest = (await list({}, 'YEAR_DESC')).nodes;
    expect(newest[0]?.year).toBe(2024); // papers without a year come after
    const oldest = (await list({}, 'YEAR_ASC')).nodes;
    expect(oldest.at(-1)?.title).toBe('Sparse Rewards'); // no year: last, by title
    expect(oldest[0]).toMatchObject({ title: 'On the Spectral Bias of Neural Networks', year: 2019 });
    expect(titlesOf((await list({}, 'TITLE')).nodes)[0]).toBe('A Note on Step-Size Warmup');
    expect(titlesOf((await list({ search: 'momentum' }, 'TITLE')).nodes)).toEqual([
      'Promoting Exploration in Memory-Augmented Adam using Critical Momenta',
      'Torque-Aware Momentum',
    ]);
  });

  it('pages backward through search results', async () => {
    const filter = { search: 'neural networks' };
    const all = titlesOf((await data(PublicationList, { first: 100, filter })).publications.nodes);
    expect(all.length).toBeGreaterThan(3);
    const last = (await data(PublicationList, { last: 2, filter })).publications;
    expect(titlesOf(last.nodes)).toEqual(all.slice(-2));
    const before = (await data(PublicationList, { last: 2, before: last.pageInfo.startCursor, filter })).publications;
    expect(titlesOf(before.nodes)).toEqual(all.slice(-4, -2));
  });
});

const Vocabularies = graphql(`query Vocabularies {
  topics { slug name nameFr researchers { totalCount nodes { name } } publications(first: 1) { totalCount } }
  topic(slug: "optimization") { name researchers { nodes { slug } } }
  missing: topic(slug: "nope") { name }
  roles { key name nameFr researchers { totalCount nodes { name } } }
  role(key: "co-supervisor") { nameFr }
}`);

const NodeIds = graphql(`query NodeIds {
  researcher(slug: "keller-jordan") { id }
  topics { id }
  roles { id }
  publications(first: 1, orderBy: TITLE) { nodes { id } }
}`);

const NodeById = graphql(`query NodeById($id: ID!) {
  node(id: $id) { __typename id ... on Researcher { name } ... on Topic { slug } ... on Role { key } ... on Publication { title } }
}`);

describe('topics, roles and nodes', () => {
  it('lists topics and roles with French names and their researchers and publications', async () => {
    const result = await data(Vocabularies);
    expect(result.topics).toEqual([
      { slug: 'deep-learning', name: 'Deep Learning', nameFr: 'Apprentissage profond', researchers: { totalCount: 2, nodes: [{ name: 'Aristide Baratin' }, { name: 'Noor Haddad-Lefebvre' }] }, publications: { totalCount: 15 } },
      { slug: 'optimization', name: 'Optimization', nameFr: 'Optimisation', researchers: { totalCount: 1, nodes: [{ name: 'Noor Haddad-Lefebvre' }] }, publications: { totalCount: 4 } },
      { slug: 'reinforcement-learning', name: 'Reinforcement Learning', nameFr: 'Apprentissage par renforcement', researchers: { totalCount: 1, nodes: [{ name: 'Noor Haddad-Lefebvre' }] }, publications: { totalCount: 4 } },
    ]);
    expect(result.topic).toEqual({ name: 'Optimization', researchers: { nodes: [{ slug: 'noor-haddad-lefebvre' }] } });
    expect(result.missing).toBeNull();
    expect(result.roles).toEqual([
      { key: 'co-supervisor', name: 'Co-supervisor', nameFr: 'Co-superviseur⋅e', researchers: { totalCount: 1, nodes: [{ name: 'Noor Haddad-Lefebvre' }] } },
      { key: 'principal-supervisor', name: 'Principal supervisor', nameFr: 'Superviseur⋅e principal⋅e', researchers: { totalCount: 2, nodes: [{ name: 'Aristide Baratin' }, { name: 'Noor Haddad-Lefebvre' }] } },
    ]);
    expect(result.role).toEqual({ nameFr: 'Co-superviseur⋅e' });
  });

  it('node(id) fetches each type by its global id', async () => {
    const ids = await data(NodeIds);
    const node = async (id: string) => (await data(NodeById, { id })).node;
    const researcherId = present(ids.researcher).id;
    expect(await node(researcherId)).toEqual({ __typename: 'Researcher', id: researcherId, name: 'Keller Jordan' });
    expect(await node(present(ids.topics[0]).id)).toMatchObject({ __typename: 'Topic', slug: 'deep-learning' });
    expect(await node(present(ids.roles[0]).id)).toMatchObject({ __typename: 'Role', key: 'co-supervisor' });
    expect(await node(present(ids.publications.nodes[0]).id)).toMatchObject({ __typename: 'Publication', title: 'A Note on Step-Size Warmup' });
    // A well-formed id of a row that does not exist is null.
    expect(await node(Buffer.from('Researcher:999999').toString('base64url'))).toBeNull();
  });
});

describe('bad arguments', () => {
  it.each([
    ['{ researchers(first: 1000) { totalCount } }', 'Argument "first" must be between 0 and 100; got 1000.'],
    ['{ publications(last: -1) { totalCount } }', 'Argument "last" must be between 0 and 100; got -1.'],
    ['{ researchers(after: "garbage") { totalCount } }', 'Argument "after" is not a valid cursor'],
    ['{ researchers(first: 2, last: 2) { totalCount } }', 'Pass either "first" or "last", not both.'],
    ['{ node(id: "garbage") { id } }', 'Argument "id" is not a valid id'],
    ['{ publication(id: "garbage") { id } }', 'Argument "id" is not a valid id'],
    ['{ researchers(filter: { topic: "nope" }) { totalCount } }', 'Unknown topic "nope" in filter.topic. Known topics: deep-learning, optimization, reinforcement-learning.'],
    ['{ researchers(filter: { role: "nope" }) { totalCount } }', 'Unknown role "nope" in filter.role. Known roles: co-supervisor, principal-supervisor.'],
    ['{ publications(filter: { topic: "nope" }) { totalCount } }', 'Unknown topic "nope" in filter.topic.'],
    ['{ publications(filter: { author: "nobody" }) { totalCount } }', 'Unknown researcher "nobody" in filter.author'],
    ['{ publications(orderBy: RELEVANCE) { totalCount } }', 'orderBy RELEVANCE needs filter.search'],
    ['{ publications(filter: { yearFrom: 2025, yearTo: 2020 }) { totalCount } }', 'filter.yearFrom (2025) is after filter.yearTo (2020).'],
    ['{ researcher(slug: "aristide-baratin") { coauthors(first: 500) { sharedPublications } } }', 'Argument "first" must be between 0 and 100; got 500.'],
    ['{ researcher(slug: "aristide-baratin") { publications(first: 101) { totalCount } } }', 'Argument "first" must be between 0 and 100; got 101.'],
  ])('%s', async (query, message) => {
    expect(await userError(query)).toContain(message);
  });

  it('refuses a cursor of another ordering, and an id of another type', async () => {
    const { researchers } = await data(ResearcherSlugs, { first: 1 });
    expect(await userError('query ($a: String) { researchers(after: $a, orderBy: PUBLICATION_COUNT) { totalCount } }', { a: researchers.pageInfo.endCursor })).toContain('is a cursor of another ordering (NAME)');
    const researcher = present((await data(NodeIds)).researcher);
    expect(await userError('query ($id: ID!) { publication(id: $id) { title } }', { id: researcher.id })).toContain('is the id of a Researcher, not of a Publication');
  });
});
