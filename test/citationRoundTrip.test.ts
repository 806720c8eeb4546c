// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createCitedPaper } from './support/citedPaper.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { canonicalDump } from './support/dump.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * A researcher's BibTeX download, read back by the BibTeX import
 * (`npm run seed -- file.bib`), changes nothing: every entry matches its
 * paper, and every value, author list and person is already there.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-citation-round-trip-'));
let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
let bibtexImport = false;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
  // The import reads .bib files once the BibTeX import (branch bibtex, issue 11) is in: its usage says so.
  bibtexImport = (await runSeedCli(['--help'], testDatabase.env)).stdout.includes('.bib');
  // A paper of our own whose entry needs escaping and name splitting: accents, a particle, %, &, and every field.
  await createCitedPaper(database.prisma, { year: 'bibtex', venue: 'bibtex', doi: 'bibtex', arxivId: 'bibtex', url: 'bibtex' });
});

afterAll(async () => {
  await api.close();
  await database.close();
  await testDatabase.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Every column of every publication, author list and person, as the import could change them. */
async function snapshot() {
  const prisma = database.prisma;
  const publications = await prisma.publication.findMany({
    orderBy: { id: 'asc' },
    include: { authorships: { orderBy: { position: 'asc' }, select: { researcherId: true } } },
  });
  const researchers = await prisma.researcher.findMany({ orderBy: { id: 'asc' } });
  return { dump: await canonicalDump(prisma), publications, researchers };
}

interface ImportReportJson {
  changed: boolean;
  references?: { changed: boolean; counts: Record<string, number>; changes: unknown };
}

describe('a .bib download read back by the BibTeX import', () => {
  it('changes nothing: every entry matches, nothing is filled, set or created', async (context) => {
    if (!bibtexImport) context.skip('the BibTeX import (npm run seed -- file.bib) is not in this branch yet: branch bibtex');
    const members = await database.prisma.researcher.findMany({ where: { isMember: true }, orderBy: { slug: 'asc' } });
    expect(members.length).toBeGreaterThan(0);
    const files: string[] = [];
    let entries = 0;
    for (const member of members) {
      const response = await fetch(`${api.url}/researchers/${member.slug}/publications.bib`);
      expect(response.status).toBe(200);
      const text = await response.text();
      entries += (text.match(/^@\w+\{/gm) ?? []).length;
      files.push(path.join(scratch, `${member.slug}-publications.bib`));
      fs.writeFileSync(files.at(-1)!, text);
    }
    expect(entries).toBeGreaterThan(members.length);

    const before = await snapshot();
    const result = await runSeedCli(['--json', ...files], testDatabase.env);
    // With --json, stdout is the report and progress goes to stderr.
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReportJson;
    // On failure, the message lists what the import would change.
    expect(report.references?.changed, JSON.stringify(report.references?.changes, null, 1)).toBe(false);
    expect(report.changed).toBe(false);
    expect(report.references?.counts).toMatchObject({ entries, created: 0, fieldsFilled: 0, authorListsSet: 0, peopleCreated: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
