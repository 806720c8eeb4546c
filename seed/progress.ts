import cliProgress from 'cli-progress';

/**
 * Progress of a long import, phase by phase (files parsed, rows written). On
 * a terminal: a bar with the rate and an estimate of the time left, redrawn in
 * place (cli-progress). Elsewhere (CI, pipes, logs): a plain line at most every
 * PLAIN_EVERY_MS, and one when a phase ends.
 */
export interface Progress {
  start(phase: string, total: number): void;
  advance(by?: number): void;
  /** Ends the current phase. */
  finish(): void;
}

const PLAIN_EVERY_MS = 3_000;

export const silentProgress: Progress = { start: () => undefined, advance: () => undefined, finish: () => undefined };

export function createProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress {
  return stream.isTTY ? new TerminalProgress(stream) : new PlainProgress(stream, now);
}

const rate = (done: number, ms: number) => (ms > 0 ? Math.round((done * 1000) / ms) : 0);

class TerminalProgress implements Progress {
  private bar: cliProgress.SingleBar | undefined;
  private startedAt = 0;
  private done = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(phase: string, total: number): void {
    this.finish();
    this.startedAt = Date.now();
    this.done = 0;
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `${phase.padEnd(14)} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: 0 });
  }

  advance(by = 1): void {
    this.done += by;
    this.bar?.update(this.done, { rate: rate(this.done, Date.now() - this.startedAt) });
  }

  finish(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

class PlainProgress implements Progress {
  private phase = '';
  private total = 0;
  private done = 0;
  private startedAt = 0;
  private lastLine = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly now: () => number,
  ) {}

  start(phase: string, total: number): void {
    this.finish();
    this.phase = phase;
    this.total = total;
    this.done = 0;
    this.startedAt = this.lastLine = this.now();
  }

  advance(by = 1): void {
    this.done += by;
    const now = this.now();
    if (now - this.lastLine < PLAIN_EVERY_MS) return;
    this.lastLine = now;
    const perSecond = rate(this.done, now - this.startedAt);
    const left = perSecond > 0 ? ` about ${Math.ceil((this.total - this.done) / perSecond)} s left` : '';
    this.stream.write(`${this.phase}: ${this.done}/${this.total} (${perSecond}/s,${left})\n`);
  }

  finish(): void {
    if (!this.phase) return;
    const ms = this.now() - this.startedAt;
    this.stream.write(`${this.phase}: ${this.done}/${this.total} in ${(ms / 1000).toFixed(1)} s\n`);
    this.phase = '';
  }
}
