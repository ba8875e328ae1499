// The app loads in Chromium with WebGL2, and a query typed with real key events searches the built-in corpus
// through SQLite FTS5 and the ICU tokenizer compiled to wasm.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickWidget, launchBrowser, openApp, startServer, state, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

test('the app starts with WebGL2 and the demo corpus indexed', async () => {
  const page = await openApp(browser, server.url);
  const s = await state(page);
  assert.match(s.gl_version, /WebGL 2/);
  assert.equal(s.documents, 8);
  assert.equal(s.last_error, '');
  assert.ok(s.widgets['search.query'].w > 100, 'search box is reported with a real size');
  await page.screenshot({ path: join(artifacts, 'start.png') });
  assert.deepEqual(page.errors, []);
});

test('typing a query with the keyboard finds documents through FTS5 and the ICU tokenizer', async () => {
  const page = await openApp(browser, server.url);
  await clickWidget(page, 'search.query');
  await page.keyboard.type('STRASSE', { delay: 20 });
  let s = await waitForState(page, (s) => s.searched_query === 'STRASSE');
  assert.equal(s.result_count, 1, '«Straße» and «STRASSE» are one word after NFKC_Casefold');

  for (let i = 0; i < 'STRASSE'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('the talks', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'the talks');
  assert.equal(s.result_count, 1);
  assert.equal(s.hits_shown, 1);
  await page.screenshot({ path: join(artifacts, 'search.png') });

  await page.keyboard.type(' nowhere', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'the talks nowhere');
  assert.equal(s.result_count, 0);
  assert.deepEqual(page.errors, []);
});
