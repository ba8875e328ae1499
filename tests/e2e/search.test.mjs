// The app loads in Chromium with WebGL2, and a query typed with real key events searches the built-in corpus
// through SQLite FTS5 and the ICU tokenizer compiled to wasm.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { artifacts, clickWidget, closePages, command, focusField, launchBrowser, openApp, openView, startServer, state, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

test('the app starts with WebGL2 and the demo corpus indexed by a job', async () => {
  const page = await openApp(browser, server.url);
  const s = await state(page);
  assert.match(s.gl_version, /WebGL 2/);
  assert.equal(s.documents, 8);
  assert.equal(s.view, 'library');
  assert.equal(s.last_error, '');
  assert.equal(s.jobs[0].name, 'Indexing Demo corpus');
  assert.equal(s.jobs[0].state, 'done');
  await page.screenshot({ path: join(artifacts, 'start.png') });
  assert.deepEqual(page.errors, []);
});

test('typing a query with the keyboard finds documents through FTS5 and the ICU tokenizer', async () => {
  const page = await openApp(browser, server.url);
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('STRASSE', { delay: 20 });
  let s = await waitForState(page, (s) => s.searched_query === 'STRASSE');
  assert.equal(s.result_count, 1, '«Straße» and «STRASSE» are one word after NFKC_Casefold');

  for (let i = 0; i < 'STRASSE'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('the talks', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'the talks');
  assert.equal(s.result_count, 1);
  assert.equal(s.hits_shown, 1);
  assert.match(s.status, /1 document matches «the talks»/);
  await page.screenshot({ path: join(artifacts, 'search.png') });

  await page.keyboard.type(' nowhere', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'the talks nowhere');
  assert.equal(s.result_count, 0);
  assert.deepEqual(page.errors, []);
});

test('clicking a bar of a chart searches only that year, and the filter chip brings the whole corpus back', async () => {
  const page = await openApp(browser, server.url);
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('the', { delay: 20 });
  const all = await waitForState(page, (s) => s.searched_query === 'the' && s.widgets['search.years.plot']);
  assert.ok(all.by_year > 1, `the demo's hits span several years (${all.by_year})`);
  // The first year's bar, on the chart's year axis (it starts half a year before the first year); hover
  // first (ImGui clicks need a hovered item).
  const plot = all.widgets['search.years.plot'];
  const [lo, hi] = all.ui_text['search.years.x'].split(' ').map(Number);
  await page.mouse.move(plot.x + (0.5 / (hi - lo)) * plot.w, plot.y + plot.h - 2);
  await waitForState(page, (s, f) => s.frame >= f + 2, all.frame);
  await page.mouse.down();
  await page.mouse.up();
  const one = await waitForState(page, (s) => s.subcorpus.startsWith('year ') && s.by_year === 1);
  assert.ok(one.result_count > 0 && one.result_count < all.result_count,
            `only ${one.subcorpus}: ${one.result_count} of ${all.result_count} documents`);
  await waitForState(page, (s) => s.widgets['search.clear_filter']);
  await page.screenshot({ path: join(artifacts, 'search-filtered.png') });
  await clickWidget(page, 'search.clear_filter');
  const back = await waitForState(page, (s, n) => s.subcorpus === '' && s.by_year === n, all.by_year);
  assert.equal(back.result_count, all.result_count);
  assert.deepEqual(page.errors, []);
});

test('more matches are listed on demand, and Export CSV downloads every match, best first', async () => {
  const page = await openApp(browser, server.url);
  assert.equal(await command(page, 'stress', '40'), '');   // the demo texts 40 times: 120 match "the"
  await waitForState(page, (s) => s.documents === 320 && !s.jobs.some((j) => j.state === 'running'), undefined, 120000);
  await openView(page, 'search');
  await command(page, 'query', 'the');
  let s = await waitForState(page, (s) => s.searched_query === 'the');
  assert.equal(s.result_count, 120);
  assert.equal(s.hits_shown, 50);
  assert.equal(await command(page, 'search-more', ''), '');
  s = await waitForState(page, (s) => s.hits_shown === 100);
  // Export CSV with a real click: the 20 not listed are made by a job, then the browser gets the file.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), clickWidget(page, 'search.export')]);
  assert.equal(download.suggestedFilename(), 'search.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const records = csv.trim().split('\n').filter((line) => /^\d+,/.test(line));
  assert.equal(csv.split('\n')[0], 'rank,title,date,source,snippet,language,author,url');
  assert.deepEqual(records.map((line) => Number(line.split(',')[0])), Array.from({ length: 120 }, (_, i) => i + 1));
  s = await state(page);
  assert.equal(s.jobs.find((j) => j.name === 'Exporting search results').state, 'done');
  assert.deepEqual(page.errors, []);
});
