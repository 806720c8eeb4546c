/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ResearcherProfile($slug: String!) {\n  researcher(slug: $slug) {\n    id slug name aliases position positionFr organization isMember orcid publicationCount createdAt updatedAt\n    roles { key name nameFr } topics { slug name nameFr }\n  }\n}": typeof types.ResearcherProfileDocument,
    "query ResearcherSlugs($first: Int, $after: String, $last: Int, $before: String, $orderBy: ResearcherOrder) {\n  researchers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n    totalCount\n    edges { cursor node { slug publicationCount } }\n    nodes { slug publicationCount }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": typeof types.ResearcherSlugsDocument,
    "query ResearcherNames($filter: ResearcherFilter) {\n  researchers(filter: $filter) { totalCount nodes { name } }\n}": typeof types.ResearcherNamesDocument,
    "query Coauthors($slug: String!, $first: Int) {\n  researcher(slug: $slug) { coauthors(first: $first) { sharedPublications researcher { name } } }\n}": typeof types.CoauthorsDocument,
    "query ResearcherPublications($slug: String!, $after: String) {\n  researcher(slug: $slug) {\n    publications(first: 2, after: $after, orderBy: TITLE) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }\n  }\n}": typeof types.ResearcherPublicationsDocument,
    "query PublicationIds($filter: PublicationFilter) {\n  publications(filter: $filter) { nodes { id } }\n}": typeof types.PublicationIdsDocument,
    "query PublicationDetail($id: ID!) {\n  publication(id: $id) {\n    id title abstract abstractTruncated codeUrl year venue doi arxivId url createdAt updatedAt\n    authors { name isMember } topics { slug }\n  }\n}": typeof types.PublicationDetailDocument,
    "query PublicationList($first: Int, $last: Int, $before: String, $filter: PublicationFilter, $orderBy: PublicationOrder) {\n  publications(first: $first, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    nodes { title year codeUrl abstractTruncated authors { name } }\n    pageInfo { startCursor hasPreviousPage }\n  }\n}": typeof types.PublicationListDocument,
    "query Vocabularies {\n  topics { slug name nameFr researchers { totalCount nodes { name } } publications(first: 1) { totalCount } }\n  topic(slug: \"optimization\") { name researchers { nodes { slug } } }\n  missing: topic(slug: \"nope\") { name }\n  roles { key name nameFr researchers { totalCount nodes { name } } }\n  role(key: \"co-supervisor\") { nameFr }\n}": typeof types.VocabulariesDocument,
    "query NodeIds {\n  researcher(slug: \"keller-jordan\") { id }\n  topics { id }\n  roles { id }\n  publications(first: 1, orderBy: TITLE) { nodes { id } }\n}": typeof types.NodeIdsDocument,
    "query NodeById($id: ID!) {\n  node(id: $id) { __typename id ... on Researcher { name } ... on Topic { slug } ... on Role { key } ... on Publication { title } }\n}": typeof types.NodeByIdDocument,
    "query AuditLogPage($first: Int, $after: String, $last: Int, $before: String, $target: ID) {\n  auditLog(first: $first, after: $after, last: $last, before: $before, target: $target) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges {\n      cursor\n      node {\n        id at actor actorKind actorRole action targetType targetId before after\n        target { __typename id ... on Publication { title } ... on Researcher { name } }\n      }\n    }\n  }\n}": typeof types.AuditLogPageDocument,
    "query BatchedPublications($n: Int) {\n  publications(first: $n) { nodes { title authors { name topics { name } } topics { name } } }\n}": typeof types.BatchedPublicationsDocument,
    "query BatchedResearchers($n: Int) {\n  researchers(first: $n) {\n    nodes {\n      name\n      roles { name }\n      publications(first: 5) { totalCount nodes { authors { name } } }\n      coauthors(first: 3) { sharedPublications researcher { name } }\n    }\n  }\n}": typeof types.BatchedResearchersDocument,
    "query PaperCitation($id: ID!, $format: CitationFormat!) {\n  publication(id: $id) { citation(format: $format) }\n}": typeof types.PaperCitationDocument,
    "query ResearcherCitations($slug: String!, $format: CitationFormat!) {\n  researcher(slug: $slug) {\n    citations(format: $format)\n    publications(first: 100) { totalCount nodes { title year } }\n  }\n}": typeof types.ResearcherCitationsDocument,
    "query CitationDownloads($slug: String!) {\n  researcher(slug: $slug) { bib: citations(format: BIBTEX) ris: citations(format: RIS) json: citations(format: CSL_JSON) }\n}": typeof types.CitationDownloadsDocument,
    "query AllCitations($n: Int) { researchers(first: $n) { nodes { citations(format: BIBTEX) } } }": typeof types.AllCitationsDocument,
    "query Facets($filter: PublicationFilter, $first: Int, $authors: Int) {\n  publications(filter: $filter, first: $first) {\n    totalCount\n    nodes { title }\n    facets {\n      years { year count }\n      topics { topic { slug } count }\n      authors(first: $authors) { researcher { slug } count }\n      withCode\n    }\n  }\n}": typeof types.FacetsDocument,
    "query FacetsPageOnly($first: Int) { publications(first: $first) { nodes { title } } }": typeof types.FacetsPageOnlyDocument,
    "query FacetsYears($first: Int) { publications(first: $first) { nodes { title } facets { years { year count } } } }": typeof types.FacetsYearsDocument,
    "query FacetsTopics($first: Int) { publications(first: $first) { nodes { title } facets { topics { topic { name } count } } } }": typeof types.FacetsTopicsDocument,
    "query FacetsAuthors($first: Int) { publications(first: $first) { nodes { title } facets { authors { researcher { name } count } } } }": typeof types.FacetsAuthorsDocument,
    "query FacetsWithCode($first: Int) { publications(first: $first) { nodes { title } facets { withCode } } }": typeof types.FacetsWithCodeDocument,
    "query FacetsAll($first: Int) {\n  publications(first: $first) {\n    nodes { title }\n    facets { years { year count } topics { topic { name } count } authors(first: 5) { researcher { name } count } withCode }\n  }\n}": typeof types.FacetsAllDocument,
    "query ResearcherCount { researchers { totalCount } }": typeof types.ResearcherCountDocument,
};
const documents: Documents = {
    "query ResearcherProfile($slug: String!) {\n  researcher(slug: $slug) {\n    id slug name aliases position positionFr organization isMember orcid publicationCount createdAt updatedAt\n    roles { key name nameFr } topics { slug name nameFr }\n  }\n}": types.ResearcherProfileDocument,
    "query ResearcherSlugs($first: Int, $after: String, $last: Int, $before: String, $orderBy: ResearcherOrder) {\n  researchers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n    totalCount\n    edges { cursor node { slug publicationCount } }\n    nodes { slug publicationCount }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": types.ResearcherSlugsDocument,
    "query ResearcherNames($filter: ResearcherFilter) {\n  researchers(filter: $filter) { totalCount nodes { name } }\n}": types.ResearcherNamesDocument,
    "query Coauthors($slug: String!, $first: Int) {\n  researcher(slug: $slug) { coauthors(first: $first) { sharedPublications researcher { name } } }\n}": types.CoauthorsDocument,
    "query ResearcherPublications($slug: String!, $after: String) {\n  researcher(slug: $slug) {\n    publications(first: 2, after: $after, orderBy: TITLE) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }\n  }\n}": types.ResearcherPublicationsDocument,
    "query PublicationIds($filter: PublicationFilter) {\n  publications(filter: $filter) { nodes { id } }\n}": types.PublicationIdsDocument,
    "query PublicationDetail($id: ID!) {\n  publication(id: $id) {\n    id title abstract abstractTruncated codeUrl year venue doi arxivId url createdAt updatedAt\n    authors { name isMember } topics { slug }\n  }\n}": types.PublicationDetailDocument,
    "query PublicationList($first: Int, $last: Int, $before: String, $filter: PublicationFilter, $orderBy: PublicationOrder) {\n  publications(first: $first, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    nodes { title year codeUrl abstractTruncated authors { name } }\n    pageInfo { startCursor hasPreviousPage }\n  }\n}": types.PublicationListDocument,
    "query Vocabularies {\n  topics { slug name nameFr researchers { totalCount nodes { name } } publications(first: 1) { totalCount } }\n  topic(slug: \"optimization\") { name researchers { nodes { slug } } }\n  missing: topic(slug: \"nope\") { name }\n  roles { key name nameFr researchers { totalCount nodes { name } } }\n  role(key: \"co-supervisor\") { nameFr }\n}": types.VocabulariesDocument,
    "query NodeIds {\n  researcher(slug: \"keller-jordan\") { id }\n  topics { id }\n  roles { id }\n  publications(first: 1, orderBy: TITLE) { nodes { id } }\n}": types.NodeIdsDocument,
    "query NodeById($id: ID!) {\n  node(id: $id) { __typename id ... on Researcher { name } ... on Topic { slug } ... on Role { key } ... on Publication { title } }\n}": types.NodeByIdDocument,
    "query AuditLogPage($first: Int, $after: String, $last: Int, $before: String, $target: ID) {\n  auditLog(first: $first, after: $after, last: $last, before: $before, target: $target) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges {\n      cursor\n      node {\n        id at actor actorKind actorRole action targetType targetId before after\n        target { __typename id ... on Publication { title } ... on Researcher { name } }\n      }\n    }\n  }\n}": types.AuditLogPageDocument,
    "query BatchedPublications($n: Int) {\n  publications(first: $n) { nodes { title authors { name topics { name } } topics { name } } }\n}": types.BatchedPublicationsDocument,
    "query BatchedResearchers($n: Int) {\n  researchers(first: $n) {\n    nodes {\n      name\n      roles { name }\n      publications(first: 5) { totalCount nodes { authors { name } } }\n      coauthors(first: 3) { sharedPublications researcher { name } }\n    }\n  }\n}": types.BatchedResearchersDocument,
    "query PaperCitation($id: ID!, $format: CitationFormat!) {\n  publication(id: $id) { citation(format: $format) }\n}": types.PaperCitationDocument,
    "query ResearcherCitations($slug: String!, $format: CitationFormat!) {\n  researcher(slug: $slug) {\n    citations(format: $format)\n    publications(first: 100) { totalCount nodes { title year } }\n  }\n}": types.ResearcherCitationsDocument,
    "query CitationDownloads($slug: String!) {\n  researcher(slug: $slug) { bib: citations(format: BIBTEX) ris: citations(format: RIS) json: citations(format: CSL_JSON) }\n}": types.CitationDownloadsDocument,
    "query AllCitations($n: Int) { researchers(first: $n) { nodes { citations(format: BIBTEX) } } }": types.AllCitationsDocument,
    "query Facets($filter: PublicationFilter, $first: Int, $authors: Int) {\n  publications(filter: $filter, first: $first) {\n    totalCount\n    nodes { title }\n    facets {\n      years { year count }\n      topics { topic { slug } count }\n      authors(first: $authors) { researcher { slug } count }\n      withCode\n    }\n  }\n}": types.FacetsDocument,
    "query FacetsPageOnly($first: Int) { publications(first: $first) { nodes { title } } }": types.FacetsPageOnlyDocument,
    "query FacetsYears($first: Int) { publications(first: $first) { nodes { title } facets { years { year count } } } }": types.FacetsYearsDocument,
    "query FacetsTopics($first: Int) { publications(first: $first) { nodes { title } facets { topics { topic { name } count } } } }": types.FacetsTopicsDocument,
    "query FacetsAuthors($first: Int) { publications(first: $first) { nodes { title } facets { authors { researcher { name } count } } } }": types.FacetsAuthorsDocument,
    "query FacetsWithCode($first: Int) { publications(first: $first) { nodes { title } facets { withCode } } }": types.FacetsWithCodeDocument,
    "query FacetsAll($first: Int) {\n  publications(first: $first) {\n    nodes { title }\n    facets { years { year count } topics { topic { name } count } authors(first: 5) { researcher { name } count } withCode }\n  }\n}": types.FacetsAllDocument,
    "query ResearcherCount { researchers { totalCount } }": types.ResearcherCountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherProfile($slug: String!) {\n  researcher(slug: $slug) {\n    id slug name aliases position positionFr organization isMember orcid publicationCount createdAt updatedAt\n    roles { key name nameFr } topics { slug name nameFr }\n  }\n}"): typeof import('./graphql.js').ResearcherProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherSlugs($first: Int, $after: String, $last: Int, $before: String, $orderBy: ResearcherOrder) {\n  researchers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n    totalCount\n    edges { cursor node { slug publicationCount } }\n    nodes { slug publicationCount }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"): typeof import('./graphql.js').ResearcherSlugsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherNames($filter: ResearcherFilter) {\n  researchers(filter: $filter) { totalCount nodes { name } }\n}"): typeof import('./graphql.js').ResearcherNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Coauthors($slug: String!, $first: Int) {\n  researcher(slug: $slug) { coauthors(first: $first) { sharedPublications researcher { name } } }\n}"): typeof import('./graphql.js').CoauthorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherPublications($slug: String!, $after: String) {\n  researcher(slug: $slug) {\n    publications(first: 2, after: $after, orderBy: TITLE) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }\n  }\n}"): typeof import('./graphql.js').ResearcherPublicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicationIds($filter: PublicationFilter) {\n  publications(filter: $filter) { nodes { id } }\n}"): typeof import('./graphql.js').PublicationIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicationDetail($id: ID!) {\n  publication(id: $id) {\n    id title abstract abstractTruncated codeUrl year venue doi arxivId url createdAt updatedAt\n    authors { name isMember } topics { slug }\n  }\n}"): typeof import('./graphql.js').PublicationDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicationList($first: Int, $last: Int, $before: String, $filter: PublicationFilter, $orderBy: PublicationOrder) {\n  publications(first: $first, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    nodes { title year codeUrl abstractTruncated authors { name } }\n    pageInfo { startCursor hasPreviousPage }\n  }\n}"): typeof import('./graphql.js').PublicationListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Vocabularies {\n  topics { slug name nameFr researchers { totalCount nodes { name } } publications(first: 1) { totalCount } }\n  topic(slug: \"optimization\") { name researchers { nodes { slug } } }\n  missing: topic(slug: \"nope\") { name }\n  roles { key name nameFr researchers { totalCount nodes { name } } }\n  role(key: \"co-supervisor\") { nameFr }\n}"): typeof import('./graphql.js').VocabulariesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeIds {\n  researcher(slug: \"keller-jordan\") { id }\n  topics { id }\n  roles { id }\n  publications(first: 1, orderBy: TITLE) { nodes { id } }\n}"): typeof import('./graphql.js').NodeIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeById($id: ID!) {\n  node(id: $id) { __typename id ... on Researcher { name } ... on Topic { slug } ... on Role { key } ... on Publication { title } }\n}"): typeof import('./graphql.js').NodeByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLogPage($first: Int, $after: String, $last: Int, $before: String, $target: ID) {\n  auditLog(first: $first, after: $after, last: $last, before: $before, target: $target) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges {\n      cursor\n      node {\n        id at actor actorKind actorRole action targetType targetId before after\n        target { __typename id ... on Publication { title } ... on Researcher { name } }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').AuditLogPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BatchedPublications($n: Int) {\n  publications(first: $n) { nodes { title authors { name topics { name } } topics { name } } }\n}"): typeof import('./graphql.js').BatchedPublicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BatchedResearchers($n: Int) {\n  researchers(first: $n) {\n    nodes {\n      name\n      roles { name }\n      publications(first: 5) { totalCount nodes { authors { name } } }\n      coauthors(first: 3) { sharedPublications researcher { name } }\n    }\n  }\n}"): typeof import('./graphql.js').BatchedResearchersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaperCitation($id: ID!, $format: CitationFormat!) {\n  publication(id: $id) { citation(format: $format) }\n}"): typeof import('./graphql.js').PaperCitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherCitations($slug: String!, $format: CitationFormat!) {\n  researcher(slug: $slug) {\n    citations(format: $format)\n    publications(first: 100) { totalCount nodes { title year } }\n  }\n}"): typeof import('./graphql.js').ResearcherCitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitationDownloads($slug: String!) {\n  researcher(slug: $slug) { bib: citations(format: BIBTEX) ris: citations(format: RIS) json: citations(format: CSL_JSON) }\n}"): typeof import('./graphql.js').CitationDownloadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AllCitations($n: Int) { researchers(first: $n) { nodes { citations(format: BIBTEX) } } }"): typeof import('./graphql.js').AllCitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Facets($filter: PublicationFilter, $first: Int, $authors: Int) {\n  publications(filter: $filter, first: $first) {\n    totalCount\n    nodes { title }\n    facets {\n      years { year count }\n      topics { topic { slug } count }\n      authors(first: $authors) { researcher { slug } count }\n      withCode\n    }\n  }\n}"): typeof import('./graphql.js').FacetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsPageOnly($first: Int) { publications(first: $first) { nodes { title } } }"): typeof import('./graphql.js').FacetsPageOnlyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsYears($first: Int) { publications(first: $first) { nodes { title } facets { years { year count } } } }"): typeof import('./graphql.js').FacetsYearsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsTopics($first: Int) { publications(first: $first) { nodes { title } facets { topics { topic { name } count } } } }"): typeof import('./graphql.js').FacetsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsAuthors($first: Int) { publications(first: $first) { nodes { title } facets { authors { researcher { name } count } } } }"): typeof import('./graphql.js').FacetsAuthorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsWithCode($first: Int) { publications(first: $first) { nodes { title } facets { withCode } } }"): typeof import('./graphql.js').FacetsWithCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FacetsAll($first: Int) {\n  publications(first: $first) {\n    nodes { title }\n    facets { years { year count } topics { topic { name } count } authors(first: 5) { researcher { name } count } withCode }\n  }\n}"): typeof import('./graphql.js').FacetsAllDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResearcherCount { researchers { totalCount } }"): typeof import('./graphql.js').ResearcherCountDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
