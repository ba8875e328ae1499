// Bringing files in through the browser: the file picker's real input element and dropped files. Each
// import becomes a new corpus through the import and indexing jobs; refusals are reported in the Library.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, closePages, launchBrowser, openApp, root, startServer, waitForState } from './harness.mjs';

const fixtures = join(root, 'tests', 'data', 'import');
let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

test('files chosen in the file picker become a corpus, with what was refused in the report', async () => {
  const page = await openApp(browser, server.url);
  await page.setInputFiles('#file-input', ['article.txt', 'page.html', 'table.csv', 'empty.txt'].map((f) => join(fixtures, f)));
  const s = await waitForState(page, (s) => s.corpus === 'Imported files (4)' && s.documents === 4 &&
                                             !s.jobs.some((j) => j.state === 'running'));
  assert.deepEqual([...s.titles].sort(), ['Budget debate', 'Delegations agree on a new round of talks in Geneva',
                                          'Harbour reopens after the storm', 'Library vote']);
  assert.deepEqual(s.import_report, ['Refused empty.txt: the file is empty']);
  assert.equal(s.last_error, '');
  await page.screenshot({ path: join(artifacts, 'import-library.png') });
  assert.deepEqual(page.errors, []);
});

test('files dropped onto the page are imported (Markdown headings become titles)', async () => {
  const page = await openApp(browser, server.url);
  // A drop event carrying files. (Script-made DataTransfers cannot hold folders, so the folder walk is
  // exercised only by real drags; files take the same path after it.)
  const files = ['article.txt', 'page.html'].map((name) => ({ name, data: readFileSync(join(fixtures, name), 'utf8') }));
  files.push({ name: 'letter.md', data: readFileSync(join(fixtures, 'folder', 'letter.md'), 'utf8') });
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([f.data], f.name, { type: 'text/plain' }));
    const target = document.getElementById('canvas');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  const s = await waitForState(page, (s) => s.corpus === 'Imported files (3)' && s.documents === 3 &&
                                             !s.jobs.some((j) => j.state === 'running'));
  assert.ok(s.titles.includes('A letter from the editor'), JSON.stringify(s.titles));
  assert.deepEqual(page.errors, []);
});
