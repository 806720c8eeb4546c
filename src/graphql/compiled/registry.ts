import { publicationCompilers, publicationQueryCompilers } from '../../modules/publication/compiled.js';
import {
  publicationConnectionQueryCompilers,
  researcherPublicationsCompilers,
  topicPublicationsCompilers,
} from '../../modules/publication/compiledConnections.js';
import { coauthorCompilers, fieldSourceCompilers, researcherCompilers, researcherQueryCompilers } from '../../modules/researcher/compiled.js';
import {
  researcherConnectionQueryCompilers,
  roleResearchersCompilers,
  topicResearchersCompilers,
} from '../../modules/researcher/compiledConnections.js';
import { roleCompilers, roleQueryCompilers } from '../../modules/role/compiled.js';
import { topicCompilers, topicQueryCompilers } from '../../modules/topic/compiled.js';
import type { CompilerRegistry } from './compiler.js';

/**
 * Every type's field compilers, from the modules that own the types. A type
 * or field missing here is answered by the resolvers. Connection, edge and
 * PageInfo fields are compiled by the connection compiler itself
 * (modules/shared/pagination/compiled.ts), over its page.
 */
export const compilerRegistry: CompilerRegistry = {
  Query: {
    ...publicationQueryCompilers,
    ...publicationConnectionQueryCompilers,
    ...researcherQueryCompilers,
    ...researcherConnectionQueryCompilers,
    ...topicQueryCompilers,
    ...roleQueryCompilers,
  },
  Publication: publicationCompilers,
  Researcher: { ...researcherCompilers, ...researcherPublicationsCompilers },
  Coauthor: coauthorCompilers,
  FieldSource: fieldSourceCompilers,
  Topic: { ...topicCompilers, ...topicResearchersCompilers, ...topicPublicationsCompilers },
  Role: { ...roleCompilers, ...roleResearchersCompilers },
};
