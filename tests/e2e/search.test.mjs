// The app loads in Chromium with WebGL2, and a query typed with real key events searches the built-in corpus
// through SQLite FTS5 and the ICU tokenizer compiled to wasm.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickWidget, closePages, focusField, launchBrowser, openApp, openView, startServer, state, waitForState } from './harness.mjs';

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
