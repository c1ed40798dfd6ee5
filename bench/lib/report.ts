// The table of docs/performance.md, rewritten between its markers by each full run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ApiSyncResult } from './api-sync';
import type { BenchResults } from './results';

const START = '<!-- bench:start (written by `npm run bench`) -->';
const END = '<!-- bench:end -->';

const n0 = (n: number) => Math.round(n).toLocaleString('en');
const n2 = (n: number) => n.toFixed(2);
const verdict = (met: boolean | null) => (met === null ? '—' : met ? 'met' : '**missed**');

/** The results as Markdown: machine, scenarios with ratios and budgets, fan-out, export, bundle. */
export function resultsMarkdown(r: BenchResults): string {
  const lines = [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${r.commit}\`${r.dirty ? ' (with uncommitted changes)' : ''}, ` +
      `on ${r.machine.nproc} × ${r.machine.model}; load average ${r.machine.loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ` +
      `${r.machine.loadAfter.map((l) => l.toFixed(1)).join(' / ')} after. ` +
      `${r.settings.connections} connections, ${r.settings.rounds} rounds of ${r.settings.seconds} s per side; ` +
      `whole run ${Math.round(r.totalSeconds)} s.`,
    '',
    '| Scenario | App req/s | App p50 / p99 (ms) | Floor req/s | Floor p50 / p99 (ms) | Ratio app/floor (min–max) | p99 ratio | Budget | Verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} | ${n0(s.app.rps)} | ${s.app.p50} / ${s.app.p99} | ${n0(s.floor.rps)} | ${s.floor.p50} / ${s.floor.p99} | ` +
        `${n2(s.ratio.median)} (${n2(s.ratio.min)}–${n2(s.ratio.max)}) | ${n2(s.p99Ratio.median)} | ${s.budget} | ${verdict(s.met)} |`,
    ),
    '',
    'Public pages against a floor page served after as many D1 reads as the app makes (for the reasoning below, not a budget):',
    '',
    '| Scenario | D1 reads | Floor with reads req/s | p50 / p99 (ms) | Ratio app/floor-with-reads (min–max) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.scenarios
      .filter((s) => s.withReads)
      .map(
        (s) =>
          `| ${s.name} | ${s.withReads!.reads} | ${n0(s.withReads!.rps)} | ${s.withReads!.p50} / ${s.withReads!.p99} | ` +
          `${n2(s.withReads!.ratio.median)} (${n2(s.withReads!.ratio.min)}–${n2(s.withReads!.ratio.max)}) |`,
      ),
    '',
    '| Batch flow | Figures | Budget | Verdict |',
    '| --- | --- | --- | --- |',
    `| Fan-out to ${n0(r.fanout.subscribers)} subscribers | ${r.fanout.seconds.toFixed(1)} s from the update to the last alert accepted (the stub's limit allows ${r.fanout.floorSeconds}–20 s); ` +
      `${n0(r.fanout.alerts)} alerts, ${n0(r.fanout.distinctRecipients)} distinct addresses, ${r.fanout.duplicates} duplicates; ` +
      `${r.fanout.calls} calls accepted, ${r.fanout.rejected429} answered 429, ${r.fanout.replayed} idempotent replays; median ${r.fanout.medianGapSeconds.toFixed(2)} s between calls | ≤ 24 s (1.2 × 20 s), 10,000 alerts, 100 calls, 0 duplicates | ${verdict(r.fanout.met)} |`,
    `| CSV export of ${n0(r.export.rows)} signatures | ${r.export.seconds.toFixed(1)} s, ${(r.export.bytes / 1024 / 1024).toFixed(1)} MB; workerd RSS ${r.export.rssBeforeMb.toFixed(0)} → ${r.export.rssPeakMb.toFixed(0)} MB (growth ${r.export.growthMb.toFixed(1)} MB) | < 20 s, growth < 64 MB | ${verdict(r.export.met)} |`,
    ...(r.apiSync ? [apiSyncRow(r.apiSync)] : []),
    `| Bundle | ${r.bundle.gzipKb.toFixed(0)} KB gzipped (${r.bundle.rawKb.toFixed(0)} KB raw) | < 350 KB gzipped | ${verdict(r.bundle.met)} |`,
  ];
  return lines.join('\n');
}

/** The "API sync" row of the batch-flow table. */
export function apiSyncRow(a: ApiSyncResult): string {
  return (
    `| API sync of ${n0(a.people)} people | ${n0(a.pages)} pages of 25 with a modified_date filter, by next links, in ${a.seconds.toFixed(1)} s; ` +
    `median page ${a.firstPagesMs.toFixed(1)} ms (first 50) → ${a.lastPagesMs.toFixed(1)} ms (last 50), ratio ${n2(a.ratio)} | last/first ≤ 1.5×, every person once | ${verdict(a.met)} |`
  );
}

/** Replaces the results section of docs/performance.md (creates the file when missing). */
export function writePerformanceDoc(path: string, results: BenchResults): void {
  const section = `${START}\n${resultsMarkdown(results)}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
