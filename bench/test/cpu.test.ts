import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cpuOfProcesses, cpuSpentMs, keepLatest, perRequest } from '../src/cpu.ts';
import type { System } from '../src/operations.ts';
import { formatCpuTable, medianOrNull, summarise, type RoundMeasurement } from '../src/report.ts';

describe('CPU spent between two snapshots', () => {
  it('adds what each process spent, counts a new one whole and an ended one as 0', () => {
    const before = new Map([
      [10, 1000],
      [11, 500],
      [12, 70],
    ]);
    const after = new Map([
      [10, 1250],
      [11, 500],
      [13, 40],
    ]);
    assert.equal(cpuSpentMs(before, after), 250 + 0 + 40);
    assert.equal(cpuSpentMs(new Map(), new Map()), 0);
  });

  it('keeps the latest reading of every process seen during the window, so that one that ends before it does still counts', () => {
    const before = new Map([[10, 1000]]);
    const latest = new Map(before);
    keepLatest(latest, new Map([[10, 1100], [20, 30]])); // a parallel worker, read once
    keepLatest(latest, new Map([[10, 1200]])); // …then gone
    assert.deepEqual([...latest], [[10, 1200], [20, 30]]);
    assert.equal(cpuSpentMs(before, latest), 200 + 30);
  });

  it('per request: ms over answered requests; none answered is no figure', () => {
    assert.equal(perRequest(300, 120), 2.5);
    assert.ok(Number.isNaN(perRequest(300, 0)));
  });

  it('reads a live process from /proc, and leaves out one that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    const cpu = cpuOfProcesses([process.pid, exited]);
    assert.ok(cpu.get(process.pid)! > 0, 'this test process has spent CPU');
    assert.equal(cpu.has(exited), false);
  });
});

describe('the CPU table', () => {
  const round = (r: number, operation: string, system: System, serverCpuMsPerRequest: number, postgresCpuMsPerRequest: number | null): RoundMeasurement => ({
    round: r,
    operation,
    system,
    requests: 1000,
    rps: 100,
    p50: 10,
    p99: 20,
    errors: 0,
    non2xx: 0,
    timeouts: 0,
    peakRssBytes: 0,
    serverCpuMs: serverCpuMsPerRequest * 1000,
    serverCpuMsPerRequest,
    postgresCpuMs: postgresCpuMsPerRequest === null ? null : postgresCpuMsPerRequest * 1000,
    postgresCpuMsPerRequest,
  });
  const systems: System[] = ['ours', 'postgraphile', 'floor'];
  const noCounts = { newest: { ours: 1, postgraphile: 1, floor: 1 } };
  const noDbMs = { newest: { ours: null, postgraphile: null, floor: null } };

  it('takes medians over rounds, and puts both processes side by side with ours over PostGraphile', () => {
    const rounds = [
      round(1, 'newest', 'ours', 3, 1),
      round(2, 'newest', 'ours', 5, 1.5),
      round(3, 'newest', 'ours', 4, 2),
      round(1, 'newest', 'postgraphile', 1, 0.5),
      round(2, 'newest', 'postgraphile', 2, 0.5),
      round(3, 'newest', 'postgraphile', 1.5, 0.5),
      round(1, 'newest', 'floor', 0.5, 0.5),
      round(2, 'newest', 'floor', 0.5, 0.5),
      round(3, 'newest', 'floor', 0.5, 0.5),
    ];
    const [summary] = summarise(['newest'], systems, rounds, noCounts, noDbMs);
    assert.equal(summary!.systems.ours.serverCpuMsPerRequest, 4);
    assert.equal(summary!.systems.ours.postgresCpuMsPerRequest, 1.5);
    assert.match(formatCpuTable([summary!]), /\| newest \| 4\.00 \/ 1\.50 \/ 0\.50 \| 1\.50 \/ 0\.50 \/ 0\.50 \| 5\.50 \/ 2\.00 \/ 1\.00 \| 2\.75× \|/u);
  });

  it('shows PostgreSQL unknown, not 0, when its processes could not be read', () => {
    assert.equal(medianOrNull([1, null, 2]), null);
    const rounds = systems.map((system) => round(1, 'newest', system, 2, null));
    const [summary] = summarise(['newest'], systems, rounds, noCounts, noDbMs);
    assert.equal(summary!.systems.ours.postgresCpuMsPerRequest, null);
    assert.match(formatCpuTable([summary!]), /\| newest \| 2\.00 \/ 2\.00 \/ 2\.00 \| – \/ – \/ – \| – \/ – \/ – \| –× \|/u);
  });
});
