/**
 * The five operations the benchmark sends, each as our API asks it, as
 * PostGraphile v5 asks it (its schema differs: see bench/sql/postgraphile.sql
 * for the functions it needs), and as one hand-written SQL statement (the
 * floor) that builds the answer's JSON in PostgreSQL. Each answer is
 * normalised to the same plain shape (titles, years, names, counts, in the
 * order the page shows them), so that the three can be compared.
 */

export type System = 'ours' | 'postgraphile' | 'floor';
export const systems: readonly System[] = ['ours', 'postgraphile', 'floor'];

export type Variables = Record<string, string>;

export interface Operation {
  name: string;
  /** What the page shows, for the report. */
  description: string;
  /** Paginated: its p50 from scale S to M is held to the bar. */
  paginated: boolean;
  /** Which variables the requests cycle through, chosen from the database (see samples.ts). */
  sample: 'member' | 'topic' | 'search' | 'none';
  ours: string;
  postgraphile: string;
  /** One statement; $1 is the sample value; returns one row with a `body` column holding the normalised JSON as text. */
  floor: string;
  /** The GraphQL variables for a sample value. */
  variables(value: string | undefined): Variables;
  /** The GraphQL answer's data in the normalised shape. */
  normalise(system: Exclude<System, 'floor'>, data: unknown): unknown;
}

// Narrowing GraphQL answers: the queries below fix their shapes.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
const nodes = (connection: Any): Any[] => connection.nodes as Any[];

/** Ours lists a relation as an array; PostGraphile as a connection. */
const list = (system: Exclude<System, 'floor'>, value: Any): Any[] => (system === 'ours' ? (value as Any[]) : nodes(value));

/** The order both APIs and the floor use for a page of papers newest first. */
const NEWEST_FIRST = 'coalesce(p.year, -1) DESC, p.title_key, p.id';

/** JSON array of a paper's authors in order (`p` is the paper); `fields` builds each author. */
const authorsJson = (fields: string) => `(SELECT coalesce(json_agg(${fields} ORDER BY a.position), '[]')
  FROM authorship a JOIN researcher o ON o.id = a.researcher_id WHERE a.publication_id = p.id)`;

const profile: Operation = {
  name: 'profile',
  description: "a researcher's profile page: name, organisation, 20 papers newest first with their authors, and the paper count",
  paginated: true,
  sample: 'member',
  ours: `query Profile($slug: String!) {
  researcher(slug: $slug) { name organization isMember
    publications(first: 20) { totalCount nodes { title year authors { slug name } } } } }`,
  postgraphile: `query Profile($slug: String!) {
  researchers(condition: { slug: $slug }, first: 1) { nodes { name organization isMember
    publications(first: 20) { totalCount nodes { title year authors { nodes { slug name } } } } } } }`,
  floor: `SELECT json_build_object('name', r.name, 'organization', r.organization, 'isMember', r.is_member,
    'totalCount', (SELECT count(*) FROM authorship a WHERE a.researcher_id = r.id),
    'papers', (SELECT coalesce(json_agg(json_build_object('title', p.title, 'year', p.year,
        'authors', ${authorsJson(`json_build_object('slug', o.slug, 'name', o.name)`)}) ORDER BY ${NEWEST_FIRST}), '[]')
      FROM (SELECT p.id, p.title, p.year, p.title_key FROM publication p JOIN authorship a ON a.publication_id = p.id
            WHERE a.researcher_id = r.id ORDER BY ${NEWEST_FIRST} LIMIT 20) p))::text AS body
  FROM researcher r WHERE r.slug = $1`,
  variables: (slug) => ({ slug: slug! }),
  normalise(system, data: Any) {
    const researcher = system === 'ours' ? data.researcher : nodes(data.researchers)[0];
    return {
      name: researcher.name,
      organization: researcher.organization,
      isMember: researcher.isMember,
      totalCount: researcher.publications.totalCount,
      papers: nodes(researcher.publications).map((paper) => ({
        title: paper.title,
        year: paper.year,
        authors: list(system, paper.authors).map((author) => ({ slug: author.slug, name: author.name })),
      })),
    };
  },
};

const newest: Operation = {
  name: 'newest',
  description: 'the newest 50 papers (papers without a year last) with their authors and topics',
  paginated: true,
  sample: 'none',
  ours: `query Newest { publications(first: 50) { nodes { title year authors { name } topics { name } } } }`,
  postgraphile: `query Newest {
  publications(first: 50, orderBy: [YEAR_DESC, TITLE_KEY_ASC, PRIMARY_KEY_ASC]) {
    nodes { title year authors { nodes { name } } topics { nodes { name } } } } }`,
  floor: `SELECT json_build_object('papers', coalesce(json_agg(json_build_object('title', p.title, 'year', p.year,
      'authors', ${authorsJson('o.name')},
      'topics', (SELECT coalesce(json_agg(t.name ORDER BY t.name, t.id), '[]') FROM publication_topic pt JOIN topic t ON t.id = pt.topic_id WHERE pt.publication_id = p.id))
    ORDER BY ${NEWEST_FIRST}), '[]'))::text AS body
  FROM (SELECT p.id, p.title, p.year, p.title_key FROM publication p ORDER BY ${NEWEST_FIRST} LIMIT 50) p`,
  variables: () => ({}),
  normalise(system, data: Any) {
    return {
      papers: nodes(data.publications).map((paper) => ({
        title: paper.title,
        year: paper.year,
        authors: list(system, paper.authors).map((author) => author.name as string),
        topics: list(system, paper.topics).map((topic) => topic.name as string),
      })),
    };
  },
};

/**
 * The search's tsquery, written out where it is used rather than computed
 * once in a CTE: immutable_unaccent lets the planner fold it into a constant,
 * and ts_rank against a constant query is about three times faster than
 * against a value read from a CTE (measured with EXPLAIN ANALYZE at S).
 */
const QUERY = `websearch_to_tsquery('english', immutable_unaccent($1))`;
const RANK = `floor(ts_rank(p.search_vector, ${QUERY}) * 1000000)::int`;

const search: Operation = {
  name: 'search',
  description: 'a ranked full-text search: the match count and the 20 best matches with their authors',
  paginated: true,
  sample: 'search',
  ours: `query Search($q: String!) {
  publications(first: 20, filter: { search: $q }) { totalCount nodes { title year authors { name } } } }`,
  postgraphile: `query Search($q: String!) {
  searchPublications(q: $q, first: 20) { totalCount nodes { title year authors { nodes { name } } } } }`,
  floor: `SELECT json_build_object(
    'totalCount', (SELECT count(*) FROM publication p WHERE p.search_vector @@ ${QUERY}),
    'papers', (SELECT coalesce(json_agg(json_build_object('title', p.title, 'year', p.year, 'authors', ${authorsJson('o.name')})
        ORDER BY p.rank DESC, p.title_key, p.id), '[]')
      FROM (SELECT p.id, p.title, p.year, p.title_key, ${RANK} AS rank FROM publication p
            WHERE p.search_vector @@ ${QUERY} ORDER BY rank DESC, p.title_key, p.id LIMIT 20) p))::text AS body`,
  variables: (q) => ({ q: q! }),
  normalise(system, data: Any) {
    const connection = system === 'ours' ? data.publications : data.searchPublications;
    return {
      totalCount: connection.totalCount,
      papers: nodes(connection).map((paper) => ({
        title: paper.title,
        year: paper.year,
        authors: list(system, paper.authors).map((author) => author.name as string),
      })),
    };
  },
};

const topic: Operation = {
  name: 'topic',
  description: "a topic page: its name, its researchers' count and the first 20 by name with their paper counts",
  paginated: true,
  sample: 'topic',
  ours: `query TopicPage($slug: String!) {
  topic(slug: $slug) { name researchers(first: 20) { totalCount nodes { name publicationCount } } } }`,
  postgraphile: `query TopicPage($slug: String!) {
  topics(condition: { slug: $slug }, first: 1) { nodes { name
    researchers(first: 20) { totalCount nodes { name authorships { totalCount } } } } } }`,
  floor: `SELECT json_build_object('name', t.name,
    'totalCount', (SELECT count(*) FROM researcher_topic rt WHERE rt.topic_id = t.id),
    'researchers', (SELECT coalesce(json_agg(json_build_object('name', r.name,
        'publicationCount', (SELECT count(*) FROM authorship a WHERE a.researcher_id = r.id)) ORDER BY r.name_key, r.id), '[]')
      FROM (SELECT r.id, r.name, r.name_key FROM researcher r JOIN researcher_topic rt ON rt.researcher_id = r.id
            WHERE rt.topic_id = t.id ORDER BY r.name_key, r.id LIMIT 20) r))::text AS body
  FROM topic t WHERE t.slug = $1`,
  variables: (slug) => ({ slug: slug! }),
  normalise(system, data: Any) {
    const found = system === 'ours' ? data.topic : nodes(data.topics)[0];
    return {
      name: found.name,
      totalCount: found.researchers.totalCount,
      researchers: nodes(found.researchers).map((person) => ({
        name: person.name,
        publicationCount: system === 'ours' ? person.publicationCount : person.authorships.totalCount,
      })),
    };
  },
};

const coauthors: Operation = {
  name: 'coauthors',
  description: "a researcher's 10 closest co-authors (most shared papers first, then by name) with the shared count",
  paginated: false,
  sample: 'member',
  ours: `query Coauthors($slug: String!) {
  researcher(slug: $slug) { name coauthors(first: 10) { sharedPublications researcher { slug name } } } }`,
  postgraphile: `query Coauthors($slug: String!) {
  researchers(condition: { slug: $slug }, first: 1) { nodes { name coauthors(n: 10) { nodes { slug name sharedPublications } } } } }`,
  floor: `SELECT json_build_object('name', r.name,
    'coauthors', (SELECT coalesce(json_agg(json_build_object('slug', c.slug, 'name', c.name, 'shared', c.shared)
        ORDER BY c.shared DESC, c.name_key, c.id), '[]')
      FROM (SELECT o.id, o.slug, o.name, o.name_key, count(*)::int AS shared
            FROM authorship mine
            JOIN authorship theirs ON theirs.publication_id = mine.publication_id AND theirs.researcher_id <> mine.researcher_id
            JOIN researcher o ON o.id = theirs.researcher_id
            WHERE mine.researcher_id = r.id
            GROUP BY o.id ORDER BY count(*) DESC, o.name_key, o.id LIMIT 10) c))::text AS body
  FROM researcher r WHERE r.slug = $1`,
  variables: (slug) => ({ slug: slug! }),
  normalise(system, data: Any) {
    if (system === 'ours') {
      return {
        name: data.researcher.name,
        coauthors: (data.researcher.coauthors as Any[]).map((c) => ({ slug: c.researcher.slug, name: c.researcher.name, shared: c.sharedPublications })),
      };
    }
    const researcher = nodes(data.researchers)[0];
    return { name: researcher.name, coauthors: nodes(researcher.coauthors).map((c) => ({ slug: c.slug, name: c.name, shared: c.sharedPublications })) };
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export const operations: readonly Operation[] = [profile, newest, search, topic, coauthors];
