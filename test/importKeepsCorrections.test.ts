// @module-tag runtime
// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * A person's corrections outlive a re-import of every profile (issue 12,
 * src/modules/shared/provenance.ts). The corrections are written here as the
 * write API writes them: the value, and 'curation' as its source.
 */
let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;

const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => database.prisma.$queryRawUnsafe<R[]>(text, ...params);

interface PaperAnswer {
  publications: { nodes: { title: string; year: number | null; authors: { name: string }[]; provenance: { field: string; source: string }[] }[] };
}

const paper = async (search: string) => {
  const answer = await api.graphql<PaperAnswer>(
    `query ($search: String!) { publications(first: 1, filter: { search: $search }) { nodes { title year authors { name } provenance { field source } } } }`,
    { search },
  );
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.publications.nodes[0]!;
};

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
});

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
});

describe('a re-import of every profile', () => {
  it('records which fields the profiles gave, and which the seed BibTeX gave', async () => {
    expect((await paper('"Torque-Aware Momentum"')).provenance).toEqual([
      { field: 'abstract', source: 'PROFILE' },
      { field: 'arxivId', source: 'BIBTEX' },
      { field: 'authors', source: 'PROFILE' },
      { field: 'title', source: 'PROFILE' },
      { field: 'topics', source: 'PROFILE' },
      { field: 'url', source: 'BIBTEX' },
      { field: 'venue', source: 'BIBTEX' },
      { field: 'year', source: 'BIBTEX' },
    ]);
  });

  it('keeps every corrected value, says how many it kept, and still updates what nobody corrected', async () => {
    await sql(
      `UPDATE publication SET title = 'Torque-Aware Momentum (TAM)', year = 2025,
              provenance = provenance || '{"title": "curation", "year": "curation"}'
        WHERE title = 'Torque-Aware Momentum'`,
    );
    // The owner first: a person reordered the authors of one paper.
    await sql(
      `UPDATE authorship a SET position = CASE WHEN r.slug = 'aristide-baratin' THEN 0 ELSE a.position + 1 END
         FROM researcher r, publication p
        WHERE r.id = a.researcher_id AND p.id = a.publication_id AND p.title LIKE 'How Learning Rates Shape%'`,
    );
    await sql(`UPDATE publication SET provenance = provenance || '{"authors": "curation"}' WHERE title LIKE 'How Learning Rates Shape%'`);
    await sql(
      `UPDATE researcher SET name = 'Nicolas Le Roux', aliases = array_append(aliases, name), provenance = provenance || '{"name": "curation"}'
        WHERE slug = 'nicolas-roux'`,
    );
    await sql(`UPDATE publication SET hidden_at = now(), hidden_reason = 'duplicate' WHERE title LIKE 'Lookbehind-SAM%'`);
    // And a change nobody corrected: the import must still restore the page's abstract.
    await sql(`UPDATE publication SET abstract = 'stale' WHERE title LIKE 'Maxwell%'`);

    const result = await runSeedCli(['seed/profiles'], testDatabase.env);
    expect(result.code, result.stderr).toBe(0);
    // Title and author order differ from the pages: two kept values. The pages give no year, and a
    // co-author's name is picked among every spelling seen, the corrected one included (seed/merge.ts).
    expect(result.stdout).toContain('Kept 2 corrected values that the files would have changed.');

    const torque = await paper('"Torque-Aware Momentum"');
    expect(torque).toMatchObject({ title: 'Torque-Aware Momentum (TAM)', year: 2025 });
    expect(torque.provenance).toContainEqual({ field: 'title', source: 'CURATION' });
    // The seed BibTeX's order (Lobacheva, Jordan, Baratin, Le Roux) with the owner moved first.
    expect((await paper('"How Learning Rates Shape"')).authors.map((author) => author.name)).toEqual([
      'Aristide Baratin',
      'Ekaterina Lobacheva',
      'Keller Jordan',
      'Nicolas Le Roux',
    ]);
    const [hidden] = await sql<{ hidden: boolean }>(`SELECT hidden_at IS NOT NULL AS hidden FROM publication WHERE title LIKE 'Lookbehind-SAM%'`);
    expect(hidden).toEqual({ hidden: true });
    const [maxwell] = await sql<{ abstract: string }>(`SELECT abstract FROM publication WHERE title LIKE 'Maxwell%'`);
    expect(maxwell!.abstract).toMatch(/^When training neural networks/);

    const researcher = await api.graphql<{ researcher: { name: string; aliases: string[] } }>(`{ researcher(slug: "nicolas-roux") { name aliases } }`);
    expect(researcher.body.data!.researcher).toEqual({ name: 'Nicolas Le Roux', aliases: ['Nicolas Roux'] });

    // And again: nothing left to change, the corrections still kept.
    const again = await runSeedCli(['seed/profiles'], testDatabase.env);
    expect(again.stdout).toContain('Kept 2 corrected values');
    expect(again.stdout).toContain('Everything unchanged.');
  });
});
