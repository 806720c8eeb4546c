import { GraphQLError } from 'graphql';
import { requireRole, type Viewer } from '../../auth/viewer.js';
import type { Resolvers } from '../../generated/graphql.js';
import { createLoaders } from '../../loaders.js';
import { checkProfileFiles, importInputError, ProfileFileError, type ImportSql, type ProfileFile } from './files.js';

/**
 * The audit entry of an import, written in the import's own transaction (on
 * its connection, once it holds the import lock): both are kept, or neither.
 */
async function recordImport(sql: ImportSql, viewer: Viewer, files: ProfileFile[]): Promise<void> {
  const after = { files: files.map((file) => ({ name: file.name, bytes: Buffer.byteLength(file.text, 'utf8') })) };
  await sql.query(
    `INSERT INTO audit_log (actor, actor_kind, actor_role, action, target_type, target_id, before, after)
     VALUES ($1, $2, $3, 'importProfiles', 'Import', NULL, NULL, $4::jsonb)`,
    [viewer.name, viewer.via, viewer.role, JSON.stringify(after)],
  );
}

function profileFileErrors(error: unknown): ProfileFileError[] {
  const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  return errors.every((each) => each instanceof ProfileFileError) ? (errors) : [];
}

export const importMutationResolvers: Resolvers = {
  Mutation: {
    importProfiles: async (_parent, { files, dryRun }, context) => {
      const viewer = await requireRole(context.authenticate, 'admin', 'importProfiles');
      const importer = context.importer;
      if (!importer) throw new GraphQLError('This server was started without the profile importer.');
      checkProfileFiles(files, importer.maxFileBytes);
      const dry = dryRun ?? false;
      const result = await importer
        .run(files, { dryRun: dry, onLocked: dry ? undefined : (sql) => recordImport(sql, viewer, files) })
        .catch((error: unknown) => {
          const bad = profileFileErrors(error);
          throw bad.length > 0 ? importInputError(bad) : error;
        });
      context.loaders = createLoaders(context.prisma);
      const { report, summary } = result;
      return {
        dryRun: report.dryRun,
        changed: report.changed,
        counts: Object.entries(report.counts).map(([kind, count]) => ({ kind, ...count })),
        keptCorrections: report.keptCorrections,
        summary,
        report,
      };
    },
  },
};
