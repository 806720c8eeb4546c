import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';

/**
 * Trusted documents: for a deployment whose only clients are its own
 * frontends, only the operations in a committed manifest run. Clients may
 * send the full text or just its hash (Apollo's persisted query protocol);
 * anything else is refused with PERSISTED_QUERY_NOT_ALLOWED before it runs.
 * The manifest is Apollo's format, written by `npm run documents:manifest`.
 */
export interface DocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadManifest(file: string): Map<string, string> {
  let manifest: DocumentManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as DocumentManifest;
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS is on but its manifest ${file} cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
    throw new Error(`${file} is not an Apollo persisted query manifest (format "apollo-persisted-query-manifest", version 1).`);
  }
  const documents = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) throw new Error(`${file}: operation ${operation.name} has an id that is not the SHA-256 of its body.`);
    documents.set(operation.id, operation.body);
  }
  return documents;
}

export function trustedDocumentsPlugin(documents: Map<string, string>): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      // A hash alone: fill in the trusted text before Apollo looks the hash up.
      const hash = (request.extensions?.persistedQuery as { sha256Hash?: string } | undefined)?.sha256Hash;
      if (request.query === undefined && hash && documents.has(hash)) request.query = documents.get(hash);
      return {
        async didResolveOperation({ queryHash }) {
          if (!documents.has(queryHash)) {
            throw new GraphQLError('This server only runs its trusted operations, and this is not one of them.', {
              extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
