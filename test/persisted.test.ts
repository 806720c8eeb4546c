import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/graphql/trustedDocuments.js';
import { buildManifest, manifestPath } from '../scripts/documents-manifest.js';
import { anArray } from './support/matchers.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let trusted: TestServer;
const manifest = buildManifest();

beforeAll(async () => {
  seeded = await startSeededApi();
  trusted = await startTestServer(seeded.database, { trustedDocuments: true, trustedDocumentsManifest: manifestPath });
});

afterAll(async () => {
  await trusted.close();
  await seeded.close();
});

async function send(server: TestServer, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] } };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('automatic persisted queries', () => {
  it('a hash the server has not seen asks for the text; after one full request the hash alone works', async () => {
    const query = '{ topics { slug } }';
    const hash = sha256(query);
    const unknown = await send(seeded.api, { extensions: persisted(hash) });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(seeded.api, { query, extensions: persisted(hash) })).body.data).toEqual({
      topics: [{ slug: 'deep-learning' }, { slug: 'optimization' }, { slug: 'reinforcement-learning' }],
    });
    expect((await send(seeded.api, { extensions: persisted(hash) })).body.data).toMatchObject({ topics: anArray() });
  });

  it('refuses a hash that does not match the text', async () => {
    const response = await send(seeded.api, { query: '{ topics { slug } }', extensions: persisted(sha256('something else')) });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe('provided sha does not match query');
  });
});

describe('trusted documents', () => {
  it('the committed manifest is current with documents/', () => {
    expect(JSON.parse(fs.readFileSync(manifestPath, 'utf8'))).toEqual(manifest);
  });

  it('runs the frontends\' operations, by hash alone or by text, within every limit', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      LabMembers: {},
      ResearcherPage: { slug: 'aristide-baratin' },
      SearchPublications: { search: 'momentum' },
      Topics: {},
    };
    for (const operation of manifest.operations) {
      const byHash = await send(trusted, { extensions: persisted(operation.id), variables: variables[operation.name] });
      expect(byHash.status, operation.name).toBe(200);
      expect(byHash.body.errors, operation.name).toBeUndefined();
      const byText = await send(trusted, { query: operation.body, variables: variables[operation.name] });
      expect(byText.body).toEqual(byHash.body);
    }
  });

  it('refuses any other operation before it runs', async () => {
    for (const body of [{ query: '{ topics { slug } }' }, { query: '{ topics { slug } }', extensions: persisted(sha256('{ topics { slug } }')) }]) {
      const response = await send(trusted, body);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({
        message: 'This server only runs its trusted operations, and this is not one of them.',
        extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
      });
    }
    // Refused texts are not registered: their hash alone is still unknown.
    expect((await send(trusted, { extensions: persisted(sha256('{ topics { slug } }')) })).body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
