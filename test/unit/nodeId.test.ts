import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { publicationOrderings } from '../../src/modules/publication/data.js';
import { fromGlobalId, toGlobalId } from '../../src/modules/shared/nodeId.js';
import { encodeCursor, readPageArgs } from '../../src/modules/shared/pagination/cursors.js';

/** The BAD_USER_INPUT that `read` throws, or a failure when it does not throw one. */
function refusal(read: () => unknown): GraphQLError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT refusal');
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('global ids', () => {
  it('read back what toGlobalId writes, up to the largest integer id', () => {
    expect(fromGlobalId(toGlobalId('Researcher', 1))).toEqual({ type: 'Researcher', id: 1 });
    expect(fromGlobalId(toGlobalId('Role', 2_147_483_647))).toEqual({ type: 'Role', id: 2_147_483_647 });
  });

  it('refuse every other spelling of an id, ids past the integer range and NUL characters', () => {
    const spellings = ['Researcher: 1', 'Researcher:1.0', 'Researcher:01', 'Researcher:+1', 'Researcher:1 ', 'Researcher:0', 'Researcher:-1', 'Researcher:1e3', 'Researcher:2147483648', 'Researcher:99999999999999999999', 'Researcher:1\u0000', 'researcher:1', 'Researcher:1:2', 'Person:1'];
    for (const text of spellings) expect(refusal(() => fromGlobalId(base64url(text))).message).toContain('is not a valid id');
    // The same bytes in other base64 spellings (padding, standard alphabet) are not the id either.
    const id = toGlobalId('Publication', 7);
    expect(id).toBe('UHVibGljYXRpb246Nw');
    for (const other of [`${id}==`, Buffer.from('Publication:7').toString('base64'), ` ${id}`]) refusal(() => fromGlobalId(other));
  });
});

describe('cursors', () => {
  const ordering = publicationOrderings.YEAR_DESC; // year (int), title key (text), id (int)
  const cursorOf = (...values: unknown[]) => base64url(JSON.stringify(['YEAR_DESC', ...values]));
  const readAfter = (after: string) => readPageArgs({ after }, ordering);

  it('read back what encodeCursor writes', () => {
    expect(readAfter(encodeCursor(ordering, [2024, 'a title', 3])).cursor).toEqual([2024, 'a title', 3]);
  });

  it('refuse a value of the wrong type for its sort key, past the integer range, or holding a NUL', () => {
    const bad = [
      [1.5, 'a', 1],
      [1e308, 'a', 1],
      [2024, 'a', 2_147_483_648],
      [2024, 'a', '1'],
      [2024, 5, 1],
      [2024, 'a\u0000b', 1],
      [2024, null, 1],
      [2024, 'a'],
      [2024, 'a', 1, 1],
    ];
    for (const values of bad) expect(refusal(() => readAfter(cursorOf(...values))).message).toContain('is not a valid cursor');
    expect(refusal(() => readAfter('not base64 json')).extensions.argumentName).toBe('after');
  });
});
