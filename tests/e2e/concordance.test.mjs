// Search, Concordance and Reader together, with real keys and clicks: a query typed in Search shows counts,
// charts and snippets; Concordance lists its lines (built by a job), a click on the sort combo re-sorts them,
// a click on a line opens the Reader at that hit; a malformed query shows the parser's message.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickWidget, closePages, focusField, launchBrowser, openApp, openView, startServer, state, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

test('a typed query shows counts and charts, its concordance sorts by a click, and a line opens the reader at its hit', async () => {
  const page = await openApp(browser, server.url);
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('the', { delay: 20 });
  let s = await waitForState(page, (s) => s.searched_query === 'the');
  assert.equal(s.query_error, '');
  assert.ok(s.result_count >= 3, `${s.result_count} documents`);
  assert.ok(s.hits_shown > 0);
  assert.ok(s.by_year > 0 && s.by_source > 0);
  assert.ok(s.widgets['search.years'] && s.widgets['search.hit0']);
  await page.screenshot({ path: join(artifacts, 'search-query-language.png') });

  const opened = Date.now();
  await openView(page, 'concordance');
  s = await waitForState(page, (s) => s.kwic_lines > 0);
  const firstLinesMs = Date.now() - opened;
  s = await waitForState(page, (s) => s.kwic_done);
  assert.equal(s.kwic_sort, 'doc');
  assert.ok(s.kwic_lines >= s.result_count);
  console.log(`concordance of «the»: ${s.kwic_lines} lines; first lines after ${firstLinesMs} ms (test clock), ` +
              `in-app ${s.kwic_first_lines_ms.toFixed(1)} ms, built in ${s.kwic_built_ms.toFixed(1)} ms`);
  await page.screenshot({ path: join(artifacts, 'concordance.png') });

  await clickWidget(page, 'kwic.sort');
  await waitForState(page, (s) => s.widgets['kwic.sort.R1'] !== undefined);
  await clickWidget(page, 'kwic.sort.R1');
  s = await waitForState(page, (s) => s.kwic_sort === 'R1' && s.kwic_done);
  await page.screenshot({ path: join(artifacts, 'concordance-sorted.png') });

  const doc = s.kwic_line0_doc, offset = s.kwic_line0_offset;
  await clickWidget(page, 'kwic.line0');
  s = await waitForState(page, (s) => s.view === 'reader' && s.reader_hit >= 0 && s.widgets['reader.hit'] !== undefined);
  assert.equal(s.reader_doc_id, doc);
  assert.equal(s.reader_hit_offset, offset);
  assert.ok(s.reader_hits >= 1);
  assert.ok(s.widgets['reader.hit'], 'the hit is on screen');
  await page.screenshot({ path: join(artifacts, 'reader-hit.png') });
  assert.deepEqual(page.errors, []);
});

test("a malformed query shows the parser's message under the box, not an FTS5 error", async () => {
  const page = await openApp(browser, server.url);
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('(lavrov OR talks', { delay: 20 });
  let s = await waitForState(page, (s) => s.searched_query === '(lavrov OR talks');
  assert.match(s.query_error, /missing '\)' for the '\(' at column 1/);
  assert.doesNotMatch(s.query_error, /fts5|syntax error/i);
  assert.equal(s.last_error, '');
  assert.ok(s.widgets['search.error']);
  await page.screenshot({ path: join(artifacts, 'search-error.png') });

  await page.keyboard.type(')', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === '(lavrov OR talks)');
  assert.equal(s.query_error, '');
  assert.equal(s.result_count, 1);
  assert.deepEqual(page.errors, []);
});
