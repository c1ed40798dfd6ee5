// The shape of one benchmark run: what bench/run.ts measures and bench/lib/report.ts writes.
import type { ApiSyncResult } from './api-sync';
import type { RunFigures } from './load';

/** One scenario's figures across rounds. */
export interface ScenarioResult {
  name: string;
  budget: string;
  met: boolean | null;
  app: { rps: number; p50: number; p99: number; bad: number };
  floor: { rps: number; p50: number; p99: number; bad: number };
  ratio: { median: number; min: number; max: number };
  p99Ratio: { median: number; min: number; max: number };
  rounds: { app: RunFigures; floor: RunFigures; withReads?: RunFigures }[];
  /** Public pages only: the floor page after as many D1 reads as the app makes (not the budget's floor). */
  withReads?: {
    reads: number;
    rps: number;
    p50: number;
    p99: number;
    ratio: { median: number; min: number; max: number };
  };
}

/** Everything one run measured (written to bench/results/<date>.json). */
export interface BenchResults {
  date: string;
  commit: string;
  dirty: boolean;
  machine: { nproc: number; model: string; loadBefore: number[]; loadAfter: number[] };
  settings: { connections: number; seconds: number; rounds: number };
  scenarios: ScenarioResult[];
  fanout: {
    subscribers: number;
    seconds: number;
    floorSeconds: number;
    alerts: number;
    distinctRecipients: number;
    duplicates: number;
    calls: number;
    rejected429: number;
    replayed: number;
    /** Median time between two accepted calls: the time one page of 100 takes when the stub's limit does not bind. */
    medianGapSeconds: number;
    /** When alerts are missing: the app's outbox rows of the alerts by status, and the movement's fan-out state. */
    missingDiagnosis?: unknown;
    met: boolean;
  };
  export: {
    rows: number;
    bytes: number;
    seconds: number;
    rssBeforeMb: number;
    rssPeakMb: number;
    growthMb: number;
    met: boolean;
  };
  /** Absent in runs from before the API existed. */
  apiSync?: ApiSyncResult;
  bundle: { rawKb: number; gzipKb: number; met: boolean };
  totalSeconds: number;
}
