// Charts and lists that tell the truth (issue 11, part 4), with real clicks on the State of the Union: the
// per-year chart has a real year axis (1933, the one year without a speech, is a gap) and counts occurrences,
// per million words or documents as the user picks; the second chart groups by a metadata field; charts save
// as SVG and PNG; concordance lines name their document and year; the dispersion plot follows the filter;
// the Library's count is right on open. Screenshots at 1024×700 and 1366×768, DPR 1 and 2, light and dark.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickWidget, openSotu as openShippedSotu, screens, closePages, command, focusField, launchBrowser, openApp, openView, startServer, state, waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

const openSotu = (options) => openShippedSotu(browser, server.url, options);

// The screen x (CSS pixels) of `year`'s column in the per-year chart, from the plot's rectangle and its axis.
function yearX(s, year) {
  const plot = s.widgets['search.years.plot'];
  const [lo, hi] = s.ui_text['search.years.x'].split(' ').map(Number);
  return plot.x + ((year - lo) / (hi - lo)) * plot.w;
}

// Hovers the per-year chart over `year` and returns the tooltip the app shows ('' for none).
async function hoverYear(page, year) {
  let s = await state(page);
  const plot = s.widgets['search.years.plot'];
  await page.mouse.move(yearX(s, year), plot.y + plot.h - 3);
  s = await waitForState(page, (s, f) => s.frame >= f + 2, s.frame);
  return s.ui_text['search.years.tooltip'] || '';
}

async function searchWar(page) {
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('war', { delay: 20 });
  return waitForState(page, (s) => s.searched_query === 'war' && s.widgets['search.years.plot'] && s.ui_text['search.years.x']);
}

test('the per-year chart for «war» has a gap where there are no speeches and shows occurrences', async () => {
  const page = await openSotu({ width: 1366, height: 768 });
  let s = await searchWar(page);
  console.log(`search «war» with counts per year and source (documents, hits, words): ${s.search_ms.toFixed(1)} ms`);
  assert.equal(s.chart_measure, 'occurrences');
  assert.ok(s.occurrences > s.result_count, `${s.occurrences} hits in ${s.result_count} speeches`);
  const [lo, hi] = s.ui_text['search.years.x'].split(' ').map(Number);
  assert.ok(lo <= 1790 && lo > 1780 && hi >= 2021 && hi < 2030, `a year axis spanning the speeches: ${lo}–${hi}`);

  // 1933 had no State of the Union: a gap, no bar to hover; its neighbours have bars with exact values.
  assert.equal(await hoverYear(page, 1933), '');
  const t1942 = await hoverYear(page, 1942);
  assert.match(t1942, /^1942\noccurrences \(hits in the text\): \d+$/);
  await page.screenshot({ path: join(artifacts, 'charts-war-occurrences.png') });

  // Per million words, then documents: one speech a year makes the flat band the issue saw.
  await clickWidget(page, 'search.measure.per-million');
  await waitForState(page, (s) => s.chart_measure === 'per-million');
  assert.match(await hoverYear(page, 1942), /^1942\noccurrences per million words: [\d,]+\.\d$/);
  await clickWidget(page, 'search.measure.documents');
  await waitForState(page, (s) => s.chart_measure === 'documents');
  assert.match(await hoverYear(page, 1942), /^1942\ndocuments: 1$/);

  // Group by a metadata field: party.
  await clickWidget(page, 'search.group');
  await waitForState(page, (s) => s.widgets['search.group.party'] !== undefined);
  await clickWidget(page, 'search.group.party');
  s = await waitForState(page, (s) => s.chart_group === 'party' && s.by_group >= 4);
  assert.deepEqual(page.errors, []);
});

test('a chart saves as SVG (its axes and ticks as text) and as PNG drawn at the pixel ratio', async () => {
  const page = await openSotu({ width: 1366, height: 768, deviceScaleFactor: 2 });
  await searchWar(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'search.years.svg')]);
  assert.equal(svgDownload.suggestedFilename(), 'per-year.svg');
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="([\d.]+)" height="([\d.]+)"/);
  assert.match(svg, />Occurrences per year</);
  assert.match(svg, />occurrences \(hits in the text\)</);
  assert.match(svg, />1850</);
  const width = Number(svg.match(/width="([\d.]+)"/)[1]);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'search.years.png')]);
  assert.equal(pngDownload.suggestedFilename(), 'per-year.png');
  const png = readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.equal(png.readUInt32BE(16), Math.ceil(width * 2), 'drawn at devicePixelRatio 2');
  assert.deepEqual(page.errors, []);
});

test('concordance lines name their document and year; the dispersion plot is labelled and follows the filter', async () => {
  const page = await openSotu({ width: 1366, height: 768 });
  await openView(page, 'concordance');
  await focusField(page, 'kwic.query');
  await page.keyboard.type('war', { delay: 20 });
  let s = await waitForState(page, (s) => s.searched_query === 'war' && s.kwic_done && s.ui_text['kwic.line0.document'], undefined, 60000);
  assert.equal(s.ui_text['kwic.line0.document'], '1790 · George Washington');
  assert.ok(s.widgets['kwic.line0.document'].w > 60, 'a column wide enough to read');
  const all = s.kwic_strip_hits;
  assert.equal(all, s.kwic_lines, 'every hit is a mark');

  // Hover the first strip: its document, year and exact count.
  const plot = s.widgets['kwic.dispersion.plot'];
  await page.mouse.move(plot.x + plot.w / 2, plot.y + 4);
  s = await waitForState(page, (s) => (s.ui_text['kwic.dispersion.tooltip'] || '').length > 0);
  assert.match(s.ui_text['kwic.dispersion.tooltip'], /^George Washington, 1790\n\d+ hits$/);
  await page.screenshot({ path: join(artifacts, 'concordance-documents.png') });

  await focusField(page, 'kwic.filter');
  await page.keyboard.type('against', { delay: 20 });
  s = await waitForState(page, (s, n) => s.kwic_rows < n && s.kwic_strip_hits === s.kwic_rows, s.kwic_lines);
  assert.ok(s.kwic_strip_hits < all, `the plot shows the ${s.kwic_rows} lines kept, not all ${all}`);
  assert.deepEqual(page.errors, []);
});

test("the Library's count is right as soon as a corpus opens, without moving the mouse", async () => {
  // Imported, then (after a reload) opened from the browser's storage by a job; nobody touches the page.
  const page = await openApp(browser, server.url, { corpus: 'sotu' });
  let s = await waitForState(page, (s) => s.idle && s.documents === 233);
  assert.equal(s.ui_text['library.count'], '233 documents');
  for (let i = 0; i < 3; i++) {
    await page.reload();
    s = await waitForState(page, (s) => s.ready && s.idle && s.documents === 233, undefined, 30000);
    assert.equal(s.ui_text['library.count'], '233 documents', `after reload ${i + 1}`);
  }
  assert.deepEqual(page.errors, []);
});

// Screenshots to look at: Search charts for «war» and the Concordance with its document column.
for (const { width, height, deviceScaleFactor, colorScheme, name } of screens) {
  test(`screenshots ${name}`, async () => {
    const page = await openSotu({ width, height, deviceScaleFactor, colorScheme });
    await searchWar(page);
    await hoverYear(page, 1917);
    await page.screenshot({ path: join(artifacts, `charts-search-war-${name}.png`) });
    await openView(page, 'concordance');
    await waitForState(page, (s) => s.kwic_done && s.widgets['kwic.dispersion.plot'], undefined, 60000);
    await page.mouse.move(5, height - 5);
    await page.screenshot({ path: join(artifacts, `charts-concordance-war-${name}.png`) });
    assert.deepEqual(page.errors, []);
  });
}
