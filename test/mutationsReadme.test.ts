import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmePath, withoutRequestIds } from '../scripts/support/readmeExamples.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { createApiToken, sendAs } from './support/tokens.js';

/**
 * The README's curation example (the ```graphql block after
 * `<!-- curation-example -->`) answers on the seeded data, sent with an
 * editor's token, exactly as the ```json block after it shows. It has a
 * marker of its own: the README's read examples (test/readme.test.ts) are
 * sent without a token, and must not see its change.
 */
const EXAMPLE = /<!-- curation-example -->\s*```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/u;

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(() => seeded.close());

describe('the README curation example', () => {
  it('answers as the README shows', async () => {
    const match = EXAMPLE.exec(fs.readFileSync(readmePath, 'utf8'));
    expect(match).not.toBeNull();
    const editor = sendAs(seeded.api, await createApiToken(seeded.database.prisma, 'web team', 'editor'));
    const response = await editor(match![1]!);
    expect(JSON.stringify(withoutRequestIds(response.body), null, 2)).toBe(JSON.stringify(JSON.parse(match![2]!), null, 2));
  });
});
