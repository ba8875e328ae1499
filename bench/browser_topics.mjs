// The topic benchmark (bench/topics_bench.cpp built for a web page) inside headless Chromium, side by side with
// the npm package `lda` (a plain JavaScript collapsed Gibbs sampler: K probabilities per token, as jsLDA's)
// sampling exactly the same tokens in the same page. Prints tokens/s for ours (sparse and dense, first sweep and
// steady state), for `lda`, and the ratios ours/`lda`, Chromium/native and against issue 12's targets.
// Usage (bench/run.sh sets the variables): CL_BENCH_WEB=build/web/bench-web CL_LDA_JS=…/lda.js \
//     node bench/browser_topics.mjs [SWEEPS] [NATIVE_JSON_LINES]
import { readFileSync } from 'node:fs';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const sweeps = Number(process.argv[2] || 30);
const native = (process.argv[3] || '').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const peerSweeps = Number(process.env.CL_LDA_SWEEPS || 5);
process.env.CL_DIST_DIR = process.env.CL_BENCH_WEB;
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.benchReady, undefined, { timeout: 120000 });
  // Ours: the whole run inside the page (main blocks the page's thread, as a benchmark may).
  const lines = await page.evaluate((sweeps) => {
    Module.FS.mkdir('/bench/out');
    Module.callMain(['/bench/sotu', '/bench/fortunes', String(sweeps), '20,100', '/bench/out']);
    return window.benchLines;
  }, sweeps);
  const ours = lines.map((l) => JSON.parse(l));
  // `lda` in the same page, on the same chunks: its sampler object (the module's `lda`), without its own
  // tokenising (its stemmer is replaced by the identity: our tokens are already word ids).
  const source = readFileSync(process.env.CL_LDA_JS, 'utf8');
  await page.addScriptTag({ content: `window.ldaPeer = (function () { var module = { exports: {} };
    var require = function () { return function (w) { return w; }; };\n${source}\n; return lda; })();` });
  const peer = [];
  for (const corpus of ['sotu', 'fortunes'])
    for (const k of [20, 100])
      peer.push(await page.evaluate(({ corpus, k, iterations }) => {
        const data = JSON.parse(Module.FS.readFile(`/bench/out/${corpus}.tokens.json`, { encoding: 'utf8' }));
        const tokens = data.chunks.reduce((n, c) => n + c.length, 0);
        window.ldaPeer.configure(data.chunks, data.vocab, iterations, iterations, 1e9, 0, 1);
        const t0 = performance.now();
        window.ldaPeer.gibbs(k, 0.1, 0.01);   // a random start, then `iterations` sweeps
        return { corpus, k, tokens, tokens_per_s: tokens * iterations / ((performance.now() - t0) / 1000) };
      }, { corpus, k, iterations: peerSweeps }));
  const m = (x) => (x / 1e6).toFixed(2).padStart(7);
  console.log(`\ntopics in Chromium: ${sweeps} sweeps each (steady = sweeps after the first tenth); npm lda ${peerSweeps} sweeps; ` +
              'M tokens/s, wall clock in the page');
  console.log('corpus    K   sampler  first  steady  native steady  Chromium/native  lda   ours/lda  target');
  for (const o of ours) {
    const n = native.find((x) => x.corpus === o.corpus && x.k === o.k && x.sampler === o.sampler);
    const p = peer.find((x) => x.corpus === o.corpus && x.k === o.k);
    const target = o.sampler === 'sparse' && o.corpus === 'sotu' ? (o.k === 20 ? 23e6 : o.k === 100 ? 14e6 : 0) : 0;
    console.log(`${o.corpus.padEnd(8)} ${String(o.k).padStart(3)}   ${o.sampler.padEnd(6)} ${m(o.first_sweep_tokens_per_s)} ` +
                `${m(o.steady_tokens_per_s)}  ${n ? m(n.steady_tokens_per_s).padStart(13) : '            –'}  ` +
                `${n ? (o.steady_tokens_per_s / n.steady_tokens_per_s).toFixed(2).padStart(14) + 'x' : '              –'} ` +
                `${m(p.tokens_per_s)}  ${(o.steady_tokens_per_s / p.tokens_per_s).toFixed(1).padStart(7)}x  ` +
                (target ? `${(target / 1e6).toFixed(0)} M${o.steady_tokens_per_s >= target ? '' : ' (missed)'}` : ''));
  }
  const hashes = ours.filter((o) => native.some((n) => n.corpus === o.corpus && n.k === o.k && n.sampler === o.sampler &&
                                                        n.sweeps === o.sweeps && n.hash !== o.hash));
  if (native.length && native[0].sweeps === sweeps)
    console.log(hashes.length ? `model hashes differ from native: ${hashes.map((o) => `${o.corpus} K=${o.k} ${o.sampler}`).join(', ')}`
                              : 'model hashes equal to native in every run');
} finally {
  await browser.close();
  server.close();
}
