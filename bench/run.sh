#!/usr/bin/env bash
# Runs the benchmarks natively and in wasm (node) on the same input and prints figures and wasm/native ratios.
# Usage: bench/run.sh [REPEAT]   (after ./dev.sh build; ./dev.sh bench does both)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tools/bootstrap.sh"
repeat=${1:-3}
[ -d "$CL_SOTU_DIR" ] || die "State of the Union texts missing ($CL_SOTU_DIR): run ./dev.sh build first"
native=$("$root/build/native/corpuslens_bench" "$CL_SOTU_DIR" "$repeat")
wasm=$(node --no-experimental-fetch "$root/build/web/corpuslens_bench.js" "$CL_SOTU_DIR" "$repeat")
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
