import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from schema.graphql (`npm run codegen`). Object types map to
 * the rows the data layer returns (mappers), so resolvers are checked against
 * both the schema and the database model.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        contextType: '../context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string', DateTime: 'Date' },
        mappers: {
          Researcher: '../modules/researcher/mappers.js#ResearcherModel',
          ResearcherConnection: '../modules/researcher/mappers.js#ResearcherConnectionModel',
          ResearcherEdge: '../modules/researcher/mappers.js#ResearcherEdgeModel',
          Coauthor: '../modules/researcher/mappers.js#CoauthorModel',
          Publication: '../modules/publication/mappers.js#PublicationModel',
          PublicationConnection: '../modules/publication/mappers.js#PublicationConnectionModel',
          PublicationEdge: '../modules/publication/mappers.js#PublicationEdgeModel',
          Topic: '../modules/topic/mappers.js#TopicModel',
          Role: '../modules/role/mappers.js#RoleModel',
        },
      },
    },
  },
};

export default config;
