import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactJson } from '../src/graphql/compactJson.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startCompiledPair, type CompiledPair } from './support/compiledPair.js';

/**
 * A compiled read's answer is PostgreSQL's JSON text, compacted and sent as
 * it is (src/graphql/rawJson.ts, compactJson.ts): its bytes must be those of
 * JSON.stringify over the resolvers' objects, whatever the strings hold.
 */

/** Strings that JSON escaping treats specially (PostgreSQL text holds no NUL). */
const trickyTitles = [
  'say "hi" and \\"escaped\\"',
  'back\\slash C:\\new\\table \\u00e9 written out',
  'line\nbreak\r\ttab\bback\fform',
  `controls ${Array.from({ length: 31 }, (_, index) => String.fromCharCode(index + 1)).join('')} delete \u007f`,
  'Étienne Çağrı Müller — “quotes” ∑ 数学',
  'emoji 😀 👩🏽‍🔬 🇫🇷',
  'separators \u2028 and \u2029 </script>',
  ' : , {"not" : "a key"} [1, 2] ',
];

let pair: CompiledPair;
let ids: number[];

beforeAll(async () => {
  pair = await startCompiledPair();
  const rows = await pair.database.pool.query<{ id: number }>('SELECT id FROM publication WHERE hidden_at IS NULL ORDER BY id LIMIT $1', [trickyTitles.length]);
  ids = rows.rows.map((row) => row.id);
  for (const [index, title] of trickyTitles.entries()) {
    await pair.database.pool.query('UPDATE publication SET title = $1 WHERE id = $2', [title, ids[index]]);
  }
});

afterAll(() => pair.close());

describe('compiled answers sent as PostgreSQL wrote them', () => {
  it("PostgreSQL's json text of tricky strings compacts to JSON.stringify's bytes", async () => {
    const { rows } = await pair.database.pool.query<{ json: string }>(
      `SELECT json_build_object('titles', json_agg(t.title), 'rows', json_agg(json_build_object('title', t.title, 'n', t.n)))::text AS json
       FROM unnest($1::text[]) WITH ORDINALITY t(title, n)`,
      [trickyTitles],
    );
    const text = rows[0]!.json;
    expect(text).toContain(' : ');
    expect(compactJson(text)).toBe(JSON.stringify({ titles: trickyTitles, rows: trickyTitles.map((title, index) => ({ title, n: index + 1 })) }));
  });

  it('tricky titles: the same bytes as the resolvers, in one statement', async () => {
    for (const [index, title] of trickyTitles.entries()) {
      const data = await pair.compiledAlike('query Paper($id: ID!) { publication(id: $id) { id title year } }', { id: toGlobalId('Publication', ids[index]!) });
      expect((data.publication as { title: string }).title).toBe(title);
    }
  });

  it('a list of them with nested objects and nulls: the same bytes', async () => {
    const data = await pair.compiledAlike(`{ publications(first: 20, orderBy: TITLE) {
      totalCount nodes { title doi hidden { at } authors { name } topics { name } } pageInfo { hasNextPage endCursor } } }`);
    expect(JSON.stringify(data)).toContain('😀');
  });

  it('a GET answers the same bytes as a POST', async () => {
    const query = '{ publications(first: 10, orderBy: TITLE) { nodes { title } } }';
    const post = await pair.send(pair.compiled, query);
    const get = await fetch(`${pair.compiled.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.text()).toBe(post.text);
    expect(post.statements).toBe(1);
  });
});
