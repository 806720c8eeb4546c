// @module-tag runtime
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { matching } from './support/matchers.js';
import { spawnApp } from './support/process.js';

describe('configuration', () => {
  it('has defaults for a new machine: embedded database, port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, pgliteDataDir: '.data/pglite', port: 4000, seedOnStart: true });
    expect(config.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(config.databasePreparedStatements).toBe(100);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: '0' }).databasePreparedStatements).toBe(0);
  });

  it('compiles anonymous reads unless COMPILED_READS=false', () => {
    expect(loadConfig({}).compiledReads).toBe(true);
    expect(loadConfig({ COMPILED_READS: 'false' }).compiledReads).toBe(false);
    expect(loadConfig({ COMPILED_READS: '0' }).compiledReads).toBe(false);
  });

  it.each([
    ['DATABASE_URL', 'nonsense', 'is not a PostgreSQL connection URL', 'DATABASE_URL=postgresql://'],
    ['PORT', '-1', 'expected number to be >=0', 'PORT=4000'],
    ['PORT', 'eighty', 'expected number', 'PORT=4000'],
    ['SEED_ON_START', 'maybe', 'expected one of', 'SEED_ON_START=false'],
    ['COMPILED_READS', 'yes', 'expected one of', 'COMPILED_READS=false'],
    ['DATABASE_PREPARED_STATEMENTS', '-1', 'expected number to be >=0', 'DATABASE_PREPARED_STATEMENTS=100'],
  ])('rejects %s=%s with the variable, the problem and a good example', (name, value, problem, example) => {
    expect(() => loadConfig({ [name]: value })).toThrowError(
      expect.objectContaining({ message: matching(new RegExp(`^Invalid environment variable ${name}="${value}": .*${problem}.*Example of a good value: ${example}`)) }),
    );
  });

  // One child process for the command: the messages of every variable are checked in-process above.
  it('the server exits with status 1 and one line when a variable is wrong', async () => {
    const [name, value] = ['DATABASE_URL', 'nonsense'];
    const app = spawnApp({ [name]: value });
    expect(await app.exit).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid environment variable ${name}="${value}": .+ Example of a good value: ${name}=\\S+$`));
  });
});
