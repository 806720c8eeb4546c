import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../src/db/paths.js';
import { machineNode, postgraphileNode } from './servers.js';

/** What a result depends on besides the code: the machine and the versions. */
export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverageAtEnd: number[];
  /** Node of our server and the floor (the machine's). */
  node: string;
  /** Node of the bench itself and its load generator (autocannon). */
  benchNode: string;
  postgraphileNode: string;
  postgraphile: string;
  commit: string;
}

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function output(command: string, args: string[], cwd = projectRoot): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineDescription {
  const dirty = output('git', ['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : '';
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtEnd: os.loadavg(),
    node: output(machineNode, ['--version']),
    benchNode: process.version,
    postgraphileNode: output(postgraphileNode, ['--version']),
    postgraphile: (JSON.parse(fs.readFileSync(path.join(benchDir, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string }).version,
    commit: `${output('git', ['rev-parse', '--short', 'HEAD'])}${dirty}`,
  };
}
