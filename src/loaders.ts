import type { PrismaClient } from './generated/prisma/client.js';
import { createCitationLoaders } from './modules/citation/loaders.js';
import { createPublicationLoaders } from './modules/publication/loaders.js';
import { createResearcherLoaders } from './modules/researcher/loaders.js';
import { createRoleLoaders } from './modules/role/loaders.js';
import { createTopicLoaders } from './modules/topic/loaders.js';

/**
 * Every DataLoader of the API, made fresh for each request (see context.ts):
 * a list of N items with their relations costs a fixed number of statements.
 * Each module's loaders sit under its name (`loaders.publication.authors`),
 * made when the request first uses them: most operations touch two or three
 * modules, and making every module's DataLoaders for every request showed as
 * about 1 % of the server's CPU under the bench's load (createLoaders,
 * inclusive, in scripts/perf-profile.ts).
 */
class RequestLoaders {
  #researcher?: ReturnType<typeof createResearcherLoaders>;
  #publication?: ReturnType<typeof createPublicationLoaders>;
  #topic?: ReturnType<typeof createTopicLoaders>;
  #role?: ReturnType<typeof createRoleLoaders>;
  #citation?: ReturnType<typeof createCitationLoaders>;

  constructor(private readonly prisma: PrismaClient) {}

  get researcher() {
    return (this.#researcher ??= createResearcherLoaders(this.prisma));
  }

  get publication() {
    return (this.#publication ??= createPublicationLoaders(this.prisma));
  }

  get topic() {
    return (this.#topic ??= createTopicLoaders(this.prisma));
  }

  get role() {
    return (this.#role ??= createRoleLoaders(this.prisma));
  }

  get citation() {
    return (this.#citation ??= createCitationLoaders(this.prisma));
  }
}

export type Loaders = Pick<RequestLoaders, 'researcher' | 'publication' | 'topic' | 'role' | 'citation'>;

export function createLoaders(prisma: PrismaClient): Loaders {
  return new RequestLoaders(prisma);
}
