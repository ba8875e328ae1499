// Makes the Compare ground truth's two translations of the same text: the books of Jonah and Philemon from the
// SWORD modules of Debian's sword-text-kjv and sword-text-web, read with diatheke. For each book and translation
// it writes the plain text (no verse numbers, no markup; a chapter's verses joined by single spaces, a blank
// line between chapters) and where each verse lies in it, so verse i of one translation is the partner of verse
// i of the other. Run by CMake at build time when diatheke is installed (`./dev.sh test` installs it); the
// files go into the build tree and tests/compare_truth.h reads them.
//
// Usage: node tools/bible_verses.mjs OUT_DIR
// Writes OUT_DIR/<book>.<translation>.txt and OUT_DIR/<book>.<translation>.tsv (book and translation in lower
// case: jonah.kjv.txt ...). The .tsv has a comment line, then one line per verse: "chapter:verse", the verse's
// first byte and its end byte (UTF-8 byte offsets into the .txt, end exclusive), tab-separated.
//
// diatheke's default output (SWORD's internal OSIS rendering) is one verse per line, "Jonah 1:3: text", poetry
// continuing on further lines, and a last line "(module)". The text carries markup: <w> word elements (Strong's
// numbers), <l>/<lg> poetry lines, <div>/<chapter> milestones, <divineName>, <transChange>. We read that rather
// than `-f plain`, because two WEB words are separate <w> elements with nothing between them ("Yahweh’s" +
// "word", "Christ" + "Jesus") and the plain rendering glues them; here adjacent <w> elements get a space. Also
// removed: the KJV's paragraph signs (¶) and a stray USFM marker ("\nd LORD" in Jonah 1:10).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node tools/bible_verses.mjs OUT_DIR');
  process.exit(2);
}

// The translations by the module names Debian's packages install, and the books with their verse counts
// (checked, so a different module edition fails here instead of silently shifting the ground truth).
const translations = [
  { name: 'kjv', module: 'engKJV2006eb', pkg: 'sword-text-kjv' },
  { name: 'web', module: 'engWEB2015eb', pkg: 'sword-text-web' },
];
const books = [
  { name: 'Jonah', verses: 48 },
  { name: 'Philemon', verses: 25 },
];

function diatheke(args) {
  try {
    return execFileSync('diatheke', args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  } catch (e) {
    console.error(`bible_verses: diatheke ${args.join(' ')} failed: ${e.message}`);
    process.exit(1);
  }
}

// One verse's markup → plain text.
function cleanVerse(raw) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  let s = raw.replace(/<\/w>(?=<w[\s>])/g, '</w> ');            // two words with nothing between them
  s = s.replace(/<[^>]*>/g, '');
  s = s.replace(/&([a-z]+);/g, (m, name) => {
    if (!(name in entities)) throw new Error(`unknown entity ${m}`);
    return entities[name];
  });
  s = s.replace(/¶/g, ' ').replace(/\\[a-z]+\*?/g, ' ');          // paragraph signs, USFM character markers
  return s.replace(/\s+/g, ' ').trim();
}

// diatheke's output for a whole book → [{chapter, verse, text}] in order.
function readBook(module, book) {
  const out = diatheke(['-b', module, '-k', book]);
  const head = new RegExp(`^${book} (\\d+):(\\d+): ?(.*)$`);
  const verses = [];
  for (const line of out.split('\n')) {
    const m = head.exec(line);
    if (m) verses.push({ chapter: Number(m[1]), verse: Number(m[2]), raw: m[3] });
    else if (line.trim() === `(${module})`) break;
    else if (verses.length) verses[verses.length - 1].raw += '\n' + line;
    else if (line.trim()) throw new Error(`${module} ${book}: text before the first verse: ${line}`);
  }
  return verses.map((v) => ({ chapter: v.chapter, verse: v.verse, text: cleanVerse(v.raw) }));
}

const modules = diatheke(['-b', 'system', '-k', 'modulelist']);
mkdirSync(outDir, { recursive: true });
for (const book of books) {
  let refs = null;
  for (const t of translations) {
    if (!modules.split('\n').some((l) => l.startsWith(`${t.module} :`))) {
      console.error(`bible_verses: SWORD module ${t.module} is missing (Debian package ${t.pkg})`);
      process.exit(1);
    }
    const verses = readBook(t.module, book.name);
    const list = verses.map((v) => `${v.chapter}:${v.verse}`).join(' ');
    if (verses.length !== book.verses) throw new Error(`${t.module} ${book.name}: ${verses.length} verses, expected ${book.verses}`);
    if (refs !== null && list !== refs) throw new Error(`${book.name}: the translations number their verses differently`);
    refs = list;
    let text = '';
    const rows = [];
    verses.forEach((v, i) => {
      if (!v.text) throw new Error(`${t.module} ${book.name} ${v.chapter}:${v.verse} is empty`);
      if (i > 0) text += v.chapter !== verses[i - 1].chapter ? '\n\n' : ' ';
      const begin = Buffer.byteLength(text, 'utf8');
      text += v.text;
      rows.push(`${v.chapter}:${v.verse}\t${begin}\t${Buffer.byteLength(text, 'utf8')}`);
    });
    const base = join(outDir, `${book.name.toLowerCase()}.${t.name}`);
    writeFileSync(`${base}.txt`, text + '\n');
    writeFileSync(`${base}.tsv`, `# chapter:verse, begin byte, end byte (exclusive) in ${book.name.toLowerCase()}.${t.name}.txt; ` +
                  `made by tools/bible_verses.mjs from SWORD module ${t.module}\n` + rows.join('\n') + '\n');
  }
}
