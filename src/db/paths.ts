import { fileURLToPath } from 'node:url';

/** Folders of the project, found from this file so that any working directory works. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const prismaSchemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
export const seedProfilesDir = fileURLToPath(new URL('../../seed/profiles', import.meta.url));
