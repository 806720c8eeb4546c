import diagnosticsChannel from 'node:diagnostics_channel';

/**
 * Imports tell whoever listens in this process how they ended, on a
 * diagnostics channel: seed/importer.ts publishes (it may import src/, not the
 * other way round) and the metrics of every running app instance subscribe.
 * The import CLI publishes too, to no one.
 */
export interface ImportOutcome {
  /** The report of a finished run, rows counted by kind and outcome; absent when the run failed. */
  report?: { dryRun: boolean; counts: Record<string, Record<string, number>> };
  durationSeconds: number;
}

export const importChannel = diagnosticsChannel.channel('lab-publications:import');

/** Runs an import and publishes how it ended; its result or error is passed on unchanged. */
export async function reportedImport<R extends NonNullable<ImportOutcome['report']>>(run: () => Promise<R>): Promise<R> {
  const started = performance.now();
  const durationSeconds = () => (performance.now() - started) / 1000;
  try {
    const report = await run();
    importChannel.publish({ report, durationSeconds: durationSeconds() } satisfies ImportOutcome);
    return report;
  } catch (error) {
    importChannel.publish({ durationSeconds: durationSeconds() } satisfies ImportOutcome);
    throw error;
  }
}
