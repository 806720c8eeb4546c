import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from schema.graphql (`npm run codegen`). Object types map to
 * the rows the data layer returns (mappers), so resolvers are checked against
 * both the schema and the database model.
 *
 * Test operations: each `graphql(`…`)` document in the test files listed
 * below gets its result and variables types (test/generated/), so tests read
 * answers typed by the schema instead of `any`.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Relative imports with .js in generated files, as NodeNext wants.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        contextType: '../context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string', DateTime: 'Date', JSON: 'unknown' },
        mappers: {
          Researcher: '../modules/researcher/mappers.js#ResearcherModel',
          ResearcherConnection: '../modules/researcher/mappers.js#ResearcherConnectionModel',
          ResearcherEdge: '../modules/researcher/mappers.js#ResearcherEdgeModel',
          Coauthor: '../modules/researcher/mappers.js#CoauthorModel',
          Publication: '../modules/publication/mappers.js#PublicationModel',
          PublicationConnection: '../modules/publication/mappers.js#PublicationConnectionModel',
          PublicationEdge: '../modules/publication/mappers.js#PublicationEdgeModel',
          PublicationFacets: '../modules/publication/facets.js#PublicationFacetsModel',
          TopicCount: '../modules/publication/facets.js#TopicCountModel',
          AuthorCount: '../modules/publication/facets.js#AuthorCountModel',
          Topic: '../modules/topic/mappers.js#TopicModel',
          Role: '../modules/role/mappers.js#RoleModel',
          AuditEntry: '../modules/audit/mappers.js#AuditEntryModel',
          AuditEntryConnection: '../modules/audit/mappers.js#AuditEntryConnectionModel',
          AuditEntryEdge: '../modules/audit/mappers.js#AuditEntryEdgeModel',
        },
      },
    },
    'test/generated/': {
      documents: ['test/api.test.ts', 'test/batching.test.ts', 'test/import.test.ts', 'test/auditLog.test.ts', 'test/facets.test.ts', 'test/citations.test.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
