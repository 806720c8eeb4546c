import { afterAll } from 'vitest';
import { stopAllChildren } from './process.js';

// Runs after every test file (vitest setupFiles): a child process a test
// left running, because it failed or timed out before stopping it, is ended
// with its process group here, and the file fails so that the leak is seen.
afterAll(async () => {
  const left = await stopAllChildren();
  if (left > 0) throw new Error(`${left} child process(es) were still running after the tests of this file; they have been stopped.`);
});
