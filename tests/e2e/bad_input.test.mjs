// Bad input through the browser's real file input: an empty file, a binary file, invalid UTF-8, a truncated
// zip, a zip bomb, a CSV with an unterminated quote and a 200 MB text file, picked together. Each is
// reported with its reason, what can be read is imported, nothing crashes, and the corpus already kept in
// the browser is untouched.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { artifacts, closePages, launchBrowser, openApp, startServer, waitForReady, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

// A zip archive (deflated entries), written by hand so the test controls every byte.
function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data), nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14); header.writeUInt32LE(packed.length, 18); header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

test('bad files are refused with reasons, readable ones imported, and the kept corpus survives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpuslens-bad-'));
  const good = zip([{ name: 'a.txt', data: Buffer.from('A text inside a zip archive about the harbour.') }]);
  const files = {
    'empty.txt': Buffer.alloc(0),
    'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
    'broken-utf8.txt': Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3]), Buffer.from(' au lait, na\xefve text\nand more words here.', 'latin1')]),
    'cut.zip': good.subarray(0, good.length - 30),
    'bomb.zip': zip([{ name: 'zeros.txt', data: Buffer.alloc(50 * 1024 * 1024) }]),
    'broken.csv': Buffer.from('title,text\nBudget,"An unterminated quote\nnext,row\n'),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const huge = join(dir, 'huge.txt');   // 200 MB of text, written in pieces
  const fd = openSync(huge, 'w');
  const block = Buffer.from('The delegation met again to discuss the harbour tariffs and the new timetable.\n'.repeat(13000));
  for (let written = 0; written < 200e6; written += block.length) writeSync(fd, block);
  closeSync(fd);

  const page = await openApp(browser, server.url);
  await waitForState(page, (s) => s.storage_generation === s.storage_saved_generation);
  await page.setInputFiles('#file-input', [...Object.keys(files).map((f) => join(dir, f)), huge]);
  const s = await waitForState(page, (s) => s.corpus === 'broken-utf8.txt' && !s.jobs.some((j) => j.state === 'running'),
                               undefined, 120000);
  console.log('# import report:\n#   ' + s.import_report.join('\n#   '));
  const report = s.import_report.join('\n');
  assert.match(report, /Refused empty\.txt: the file is empty/);
  assert.match(report, /Refused image\.png: .*binary/);
  assert.match(report, /Refused cut\.zip: .*truncated/);
  assert.match(report, /Refused bomb\.zip\/zeros\.txt: .*zip bomb/);
  assert.match(report, /Refused broken\.csv: .*unterminated quote/);
  assert.match(report, /Refused huge\.txt: the file is 191 MB; the limit is 64 MB per file/);   // 200,000,000 bytes
  assert.equal(s.documents, 1, 'only broken-utf8.txt could be read');
  assert.equal(s.last_error, '');
  await page.screenshot({ path: join(artifacts, 'bad-input-report.png') });
  const reloaded = await (async () => { await page.goto(server.url); return waitForReady(page); })();
  assert.ok(reloaded.corpora.some((c) => c.name === 'Demo corpus' && c.documents === 8), JSON.stringify(reloaded.corpora));
  assert.deepEqual(page.errors, []);
});
