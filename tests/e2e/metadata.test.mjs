// Metadata the start page promises, usable everywhere, on the shipped State of the Union (year, president,
// party): president and party as Library columns chosen in the Columns menu with real clicks, the Library
// filter matching a party, a party: search, and every field in the Library's CSV. Screenshots of the Library
// with those columns and a document's details at 1024×700 and 1366×768, DPR 1 and 2, light and dark.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { artifacts, clickWidget, closePages, command, focusField, launchBrowser, openApp, openView, root, startServer,
         state, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

// The shipped speeches, read from the files the app imports (so expected counts come from the data).
function speeches() {
  const dir = join(root, 'dist', 'corpora', 'sotu');
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl.gz')).sort()
    .flatMap((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l)));
}
const containing = (value, word) => value.toLowerCase().includes(word);

test('president and party are Library columns picked in the Columns menu, and the filter finds a party', async () => {
  const all = speeches();
  const page = await openApp(browser, server.url, { corpus: 'sotu', width: 1366, height: 768 });
  let s = await waitForState(page, (s) => s.documents === 233 && s.library_rows === 233);
  assert.deepEqual(s.library_columns, ['title', 'source', 'date', 'lang', 'field:president', 'field:party', 'words']);

  // Hide the party column and show it again, with clicks in the Columns menu.
  await clickWidget(page, 'library.columns');
  await clickWidget(page, 'library.column.field:party');
  s = await waitForState(page, (s) => !s.library_columns.includes('field:party'));
  await clickWidget(page, 'library.column.field:year');
  s = await waitForState(page, (s) => s.library_columns.includes('field:year'));
  await clickWidget(page, 'library.column.field:party');
  await clickWidget(page, 'library.column.field:year');
  s = await waitForState(page, (s) => s.library_columns.includes('field:party') && !s.library_columns.includes('field:year'));
  await page.screenshot({ path: join(artifacts, 'metadata-columns-menu.png') });
  await page.keyboard.press('Escape');

  // The filter, typed with real keys, matches the party field.
  await focusField(page, 'library.filter');
  await page.keyboard.type('Republican', { delay: 20 });
  const republican = all.filter((d) => containing(d.party, 'republican')).length;   // Republican, Democratic-Republican
  assert.ok(republican > 100);
  s = await waitForState(page, (s, n) => s.library_rows === n, republican);
  const titles = new Set(all.filter((d) => containing(d.party, 'republican')).map((d) => d.title));
  for (const title of s.library_titles) assert.ok(titles.has(title), `${title} is not a Republican speech`);
  await page.screenshot({ path: join(artifacts, 'metadata-filter-republican.png') });

  // A click on the Party header sorts by it (Democratic-Republican before Republican).
  await clickWidget(page, 'library.header.field:party');
  s = await waitForState(page, (s) => s.library_titles[0] !== undefined &&
                                      s.library_titles[0].startsWith('Thomas Jefferson'));

  // Export CSV holds every field, the party among them.
  const [download] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'library.export')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'title,source,date,language,author,url,words,year,president,party');
  assert.equal(csv.length, 1 + republican);
  assert.ok(csv.slice(1).every((line) => /,(Democratic-Republican|Republican)$/.test(line)), csv.slice(0, 4).join('\n'));
  assert.deepEqual(page.errors, []);
});

test('party:democratic searches the party field; an unknown field names the fields there are', async () => {
  const all = speeches();
  const page = await openApp(browser, server.url, { corpus: 'sotu' });
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('party:democratic', { delay: 20 });
  const democratic = all.filter((d) => containing(d.party, 'democratic')).length;
  let s = await waitForState(page, (s) => s.searched_query === 'party:democratic');
  assert.equal(s.query_error, '');
  assert.equal(s.result_count, democratic);
  await page.keyboard.type(' war year:1900-1950', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'party:democratic war year:1900-1950');
  const inYears = all.filter((d) => containing(d.party, 'democratic') && d.year >= '1900' && d.year <= '1950').length;
  assert.ok(s.result_count > 0 && s.result_count <= inYears, `${s.result_count} of ${inYears} Democratic speeches 1900–1950`);
  await page.screenshot({ path: join(artifacts, 'metadata-search-party.png') });
  for (let i = 0; i < ' war year:1900-1950'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(' colour:red', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'party:democratic colour:red');
  assert.match(s.query_error, /the fields are title:, source:, lang:, year:, author:, url:, president: and party:/);
  assert.deepEqual(page.errors, []);
});

test('screenshots: the Library with president and party and a document\'s details, at two sizes, DPR 1 and 2, light and dark', async () => {
  for (const [width, height] of [[1024, 700], [1366, 768]]) {
    for (const deviceScaleFactor of [1, 2]) {
      const page = await openApp(browser, server.url, { corpus: 'sotu', width, height, deviceScaleFactor });
      await clickWidget(page, 'library.first_row');
      const s = await waitForState(page, (s) => s.widgets['details.field.party'] && s.widgets['details.save'], undefined, 30000);
      // The details are not cut off: the last editor row and the buttons are inside the window.
      for (const name of ['details.field.party', 'details.save', 'details.delete'])
        assert.ok(s.widgets[name].y + s.widgets[name].h <= height, `${name} at ${width}×${height}: ${JSON.stringify(s.widgets[name])}`);
      await page.mouse.move(width - 5, height - 5);   // no row tooltip in the picture
      for (const theme of ['light', 'dark']) {
        await command(page, 'theme', theme);
        const frame = (await state(page)).frame;
        await waitForState(page, (s, f) => s.frame >= f + 2, frame, 30000);
        await page.screenshot({ path: join(artifacts, `metadata-library-${width}x${height}-dpr${deviceScaleFactor}-${theme}.png`) });
      }
      assert.deepEqual(page.errors, []);
      await closePages();
    }
  }
});
