import { describe, expect, it } from 'vitest';
import { median } from '../../bench/src/report.js';
import { FrontendParser, isDataStatement, type SentStatement } from '../../bench/src/statements.js';

// The benchmark's statement counter reads the PostgreSQL frontend protocol (bench/src/statements.ts).

function message(type: string, ...strings: string[]): Buffer {
  const body = Buffer.from(strings.map((value) => `${value}\0`).join(''));
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** A Bind message with text parameters (null: SQL NULL). */
function bind(portal: string, statement: string, params: (string | null)[] = []): Buffer {
  const count = Buffer.alloc(2);
  count.writeInt16BE(params.length);
  const values = params.map((value) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(value === null ? -1 : Buffer.byteLength(value));
    return Buffer.concat([length, Buffer.from(value ?? '')]);
  });
  const body = Buffer.concat([Buffer.from(`${portal}\0${statement}\0`), Buffer.from([0, 0]), count, ...values, Buffer.from([0, 0])]);
  const header = Buffer.alloc(5);
  header.write('B', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function startup(code: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeInt32BE(8, 0);
  buffer.writeInt32BE(code, 4);
  return buffer;
}

function parse(...chunks: Buffer[]): SentStatement[] {
  const seen: SentStatement[] = [];
  const parser = new FrontendParser((text) => seen.push(text));
  for (const chunk of chunks) parser.push(chunk);
  return seen;
}

describe('benchmark statement counter', () => {
  it('counts each Execute with the text of its prepared statement, and each simple Query', () => {
    const stream = Buffer.concat([
      startup(196608),
      message('P', 'named', 'SELECT 1'),
      bind('', 'named'),
      message('E', ''),
      message('S'),
      bind('', 'named'),
      message('E', ''),
      message('P', '', 'SELECT 2'),
      bind('', ''),
      message('E', ''),
      message('Q', 'BEGIN'),
    ]);
    expect(parse(stream).map((statement) => statement.text)).toEqual(['SELECT 1', 'SELECT 1', 'SELECT 2', 'BEGIN']);
  });

  it('reads messages split across chunks at any byte, after an SSL request', () => {
    const stream = Buffer.concat([startup(80877103), startup(196608), message('Q', 'SELECT 3'), message('Q', 'SELECT 4')]);
    const chunks = [...stream].map((byte) => Buffer.from([byte]));
    expect(parse(...chunks).map((statement) => statement.text)).toEqual(['SELECT 3', 'SELECT 4']);
  });

  it('keeps the text parameters of each Bind, and null for SQL NULL', () => {
    const stream = Buffer.concat([startup(196608), message('P', 'stmt', 'SELECT $1, $2'), bind('', 'stmt', ['ada-l', null]), message('E', '')]);
    expect(parse(stream)).toEqual([{ text: 'SELECT $1, $2', params: ['ada-l', null] }]);
  });

  it('leaves transaction control out of the statements that read data', () => {
    expect(['BEGIN', ' commit', 'SELECT 1', 'ROLLBACK'].filter(isDataStatement)).toEqual(['SELECT 1']);
  });

  it('takes the median of an odd or even number of rounds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
