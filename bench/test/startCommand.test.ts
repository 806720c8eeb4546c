import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStartCommand } from '../src/startCommand.ts';

describe('parseStartCommand: the bench starts our server as start:prod says', () => {
  it("reads today's start:prod: node flags, then the script", () => {
    assert.deepEqual(parseStartCommand('exec node --enable-source-maps dist/src/index.js'), {
      env: {},
      nodeArgs: ['--enable-source-maps'],
      script: 'dist/src/index.js',
      args: [],
    });
  });

  it('keeps V8 flags, flags with a separate value, settings before node and arguments after the script', () => {
    assert.deepEqual(parseStartCommand('UV_THREADPOOL_SIZE=8 node --max-semi-space-size=64 --import ./otel.js dist/src/index.js --port 1'), {
      env: { UV_THREADPOOL_SIZE: '8' },
      nodeArgs: ['--max-semi-space-size=64', '--import', './otel.js'],
      script: 'dist/src/index.js',
      args: ['--port', '1'],
    });
  });

  it('refuses what it would run differently from production, quoting the script', () => {
    assert.throws(() => parseStartCommand('npm run build && node dist/src/index.js'), /start:prod" is `npm run build && node dist\/src\/index.js`: quotes, variables and shell operators/u);
    assert.throws(() => parseStartCommand('tsx src/index.ts'), /it does not run `node`/u);
    assert.throws(() => parseStartCommand('node --enable-source-maps'), /no script to run/u);
    assert.throws(() => parseStartCommand('node --import'), /--import has no value/u);
  });
});
