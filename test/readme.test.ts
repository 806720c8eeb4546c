import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples, withoutRequestIds } from '../scripts/support/readmeExamples.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(() => seeded.close());

const examples = readmeExamples();

describe('README examples', () => {
  it('has four or more example queries', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((example) => [example.query.split('\n')[0], example] as const))('%s answers as the README shows', async (_title, example) => {
    const response = await seeded.api.graphql(example.query);
    expect(withoutRequestIds(response.body)).toEqual(JSON.parse(example.answer));
  });
});
