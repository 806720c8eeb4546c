import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this file that holds package.json.
 * Found by walking up rather than by a fixed `../../`, so that the same code
 * works from the sources (src/db/) and compiled (dist/src/db/): the compiled
 * app reads prisma/, seed/ and schema.graphql where they are, not copies.
 */
function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`No package.json above ${from}: cannot find the project root`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const prismaSchemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const seedProfilesDir = path.join(projectRoot, 'seed', 'profiles');
/** The seeded papers' BibTeX (years, venues, ids), imported with the profiles. */
export const seedReferencesDir = path.join(projectRoot, 'seed', 'references');
/** What `npm run seed` with no argument and SEED_ON_START import: the profiles, then their BibTeX. */
export const defaultSeedPaths = [seedProfilesDir, seedReferencesDir];
export const seedVocabularyPath = path.join(projectRoot, 'seed', 'vocabulary.json');
export const graphqlSchemaPath = path.join(projectRoot, 'schema.graphql');
