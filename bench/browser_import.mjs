// Imports the State of the Union in headless Chromium (the shipped corpus, one click on the start page) and
// natively (`corpuslens pack` on the same files), REPEAT times each, and prints wall time, MB/s, the time in
// the import and indexing jobs, their longest step, the wasm heap and the browser/native ratio.
// Usage: node bench/browser_import.mjs [REPEAT]   (after ./dev.sh build; bench/run.sh runs it)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickWidget, closePages, launchBrowser, openApp, root, startServer, waitForState } from '../tests/e2e/harness.mjs';

const repeat = Number(process.argv[2] || 3);
const sotu = join(root, 'dist', 'corpora', 'sotu');
// The text's size (MB/s counts text); the files are gzipped JSON Lines, downloaded as they are.
const megabytes = readdirSync(sotu).reduce((sum, f) => sum + gunzipSync(readFileSync(join(sotu, f))).length, 0) / 1e6;
const downloadMegabytes = readdirSync(sotu).reduce((sum, f) => sum + statSync(join(sotu, f)).size, 0) / 1e6;

const native = [];
for (let i = 0; i < repeat; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'corpuslens-bench-'));
  const start = process.hrtime.bigint();
  execFileSync(join(root, 'build', 'native', 'corpuslens'), ['pack', '-o', join(dir, 'sotu.sqlite'), sotu], { stdio: 'ignore' });
  native.push(Number(process.hrtime.bigint() - start) / 1e9);
  rmSync(dir, { recursive: true, force: true });
}

const server = await startServer();
const browser = await launchBrowser();
const runs = [];
for (let i = 0; i < repeat; i++) {
  const page = await openApp(browser, server.url, { corpus: null });
  // The start page warms the import code up while it waits (app/warm_up.h); a person takes longer than
  // that to find the button, so the click comes after it.
  const warm = await waitForState(page, (s) => s.warm_up !== 'running' && s.warm_up !== '');
  await clickWidget(page, 'start.sotu');
  const start = Date.now();   // the click has been delivered (the pointer's approach before it is not counted)
  const s = await waitForState(page, (s) => s.documents === 233 && !s.jobs.some((j) => j.state === 'running'), undefined, 300000);
  const job = (prefix) => s.jobs.find((j) => j.name.startsWith(prefix));
  runs.push({ wall: (Date.now() - start) / 1000, importing: job('Importing').elapsed_ms / 1000,
              indexing: job('Indexing').elapsed_ms / 1000,
              working: (job('Importing').busy_ms + job('Indexing').busy_ms) / 1000,
              longest: Math.max(job('Importing').longest_step_ms, job('Indexing').longest_step_ms),
              heap: s.heap_bytes / 1048576, p95: s.p95_frame_ms_with_jobs, warm_up: `${warm.warm_up}, ${warm.warm_up_ms.toFixed(0)} ms`,
              phases: [job('Importing'), job('Indexing')].flatMap((j) => Object.entries(j.phase_ms)) });
  await closePages();
}
await browser.close();
server.close();

const best = (xs) => Math.min(...xs);
const b = runs.reduce((x, y) => (y.wall < x.wall ? y : x));
const n = best(native);
console.log(`\nimport: State of the Union, 233 speeches in ${readdirSync(sotu).length} files, ${megabytes.toFixed(2)} MB of text ` +
            `(${downloadMegabytes.toFixed(2)} MB gzipped, as downloaded); best of ${repeat}`);
console.log('where               wall s   MB/s   jobs (import + index) s   longest step ms   wasm heap MB   frame p95 ms   working s');
console.log(`native (pack)     ${n.toFixed(2).padStart(7)}  ${(megabytes / n).toFixed(1).padStart(5)}`);
console.log(`Chromium (click)  ${b.wall.toFixed(2).padStart(7)}  ${(megabytes / b.wall).toFixed(1).padStart(5)}   ` +
            `${b.importing.toFixed(2)} + ${b.indexing.toFixed(2)}${' '.repeat(16)}${b.longest.toFixed(0).padStart(6)}` +
            `${b.heap.toFixed(0).padStart(15)}${b.p95.toFixed(1).padStart(15)}${b.working.toFixed(2).padStart(12)}`);
console.log(`time working, by phase (ms): ${b.phases.map(([p, ms]) => `${p} ${ms.toFixed(0)}`).join(', ')}; ` +
            `before the import job: ${(b.wall - b.importing - b.indexing).toFixed(2)} s; the start page's warm-up before the click: ${b.warm_up}`);
console.log(`browser/native: wall ${(b.wall / n).toFixed(2)}x, time working in the jobs ${(b.working / n).toFixed(2)}x (target ≤ 2); ` +
            `browser wall ${b.wall.toFixed(2)} s (target ≤ 3 s)` +
            `; all browser runs: ${runs.map((r) => r.wall.toFixed(2)).join(', ')} s`);
