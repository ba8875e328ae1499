// Reading and typing as a user does it, with real mouse and keys: selecting the Reader's text (drag, across
// wrapped lines, double- and triple-click, Ctrl+A) and copying it; typing on after Enter in the search box; "/"
// and Ctrl+K; the first Tab; the Help menu's windows; and at 1024×700 a status bar whose two messages never
// overlap, toolbars inside the window, dialogs centred and tooltips on screen.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickWidget, closePages, command, focusField, launchBrowser, openApp, openView, startServer, state,
         waitForState } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
afterEach(closePages);
after(async () => { await browser?.close(); server?.close(); });

// The demo's Russian briefing: two hits of «Лавров» (ЛАВРОВ and Лавров), wrapped over lines at 1024 px.
const briefing = 'СЕРГЕЙ ЛАВРОВ: Мы готовы продолжить диалог. Министр иностранных дел Сергей Лавров сообщил, ' +
                 'что переговоры возобновятся в Женеве, а эксперты встретятся на следующей неделе.';

// Presses Ctrl+C and returns the text the page's copy event carried (what the system clipboard receives).
async function copyWithKeys(page) {
  await page.evaluate(() => {
    window.copied = null;
    document.addEventListener('copy', (e) => setTimeout(() => { window.copied = window.corpusLens.state().clipboard; }), { once: true });
  });
  await page.keyboard.press('Control+C');
  await page.waitForFunction(() => window.copied !== null);
  return page.evaluate(() => window.copied);
}

const middle = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const selectionOf = (s) => s.reader_selection.to - s.reader_selection.from;

// Opens the briefing in the Reader with a click on the first search result for «Лавров».
async function openBriefing(page) {
  await openView(page, 'search');
  assert.equal(await command(page, 'query', 'Лавров'), '');
  await waitForState(page, (s) => s.searched_query === 'Лавров' && s.widgets['search.hit0']);
  await clickWidget(page, 'search.hit0');
  return waitForState(page, (s) => s.view === 'reader' && s.reader_hits === 2 && s.widgets['reader.hit_text']);
}

for (const [width, height] of [[1024, 700], [1366, 768]]) {
  test(`at ${width}×${height} the Reader's text is selected with the mouse and copied: a word, across wrapped lines, a word and a sentence by clicks, all`, async () => {
    const page = await openApp(browser, server.url, { width, height });
    let s = await openBriefing(page);
    const hit = s.widgets['reader.hit_text'];   // «ЛАВРОВ», the first hit: exactly its characters' boxes
    const y = hit.y + hit.h / 2;

    // Drag over the word, from just inside its first letter to just inside its last.
    await page.mouse.move(hit.x + 1, y);
    await waitForState(page, (s, f) => s.frame >= f + 2, s.frame);
    await page.mouse.down();
    await page.mouse.move(hit.x + hit.w - 1, y, { steps: 4 });
    await page.mouse.up();
    s = await waitForState(page, (s) => s.reader_selection.to > s.reader_selection.from);
    assert.equal(await copyWithKeys(page), 'ЛАВРОВ');

    // Drag from the word to below the text's last line: everything from it to the end, over wrapped lines.
    const last = s.widgets['reader.last_line'], text = s.widgets['reader.text'];
    assert.ok(last.y > hit.y + hit.h, 'the briefing wraps over more than one line');
    await page.mouse.move(hit.x + 1, y);
    await page.mouse.down();
    await page.mouse.move(text.x + text.w / 3, y + hit.h * 1.5, { steps: 3 });
    await page.mouse.move(text.x + text.w / 3, Math.min(last.y + last.h * 3, text.y + text.h - 4), { steps: 3 });
    await page.mouse.up();
    await waitForState(page, (s, n) => s.reader_selection.to - s.reader_selection.from > n, 20);
    await page.screenshot({ path: join(artifacts, `reader-selection-${width}.png`) });
    assert.equal(await copyWithKeys(page), briefing.slice(briefing.indexOf('ЛАВРОВ')));

    // A double-click on the second hit selects that word; the Copy button copies it.
    await clickWidget(page, 'reader.next');
    s = await waitForState(page, (s) => s.reader_hit === 1 && s.widgets['reader.hit_text']);
    const second = middle(s.widgets['reader.hit_text']);
    await page.mouse.dblclick(second.x, second.y);
    s = await waitForState(page, (s) => s.reader_selection.to - s.reader_selection.from === 'Лавров'.length * 2);
    await clickWidget(page, 'reader.copy');
    await waitForState(page, (s) => s.clipboard === 'Лавров');

    // A triple-click selects its sentence, without the space after it.
    await page.mouse.click(second.x, second.y, { clickCount: 3 });
    const sentence = 'Министр иностранных дел Сергей Лавров сообщил, что переговоры возобновятся в Женеве, а эксперты встретятся на следующей неделе.';
    await waitForState(page, (s, n) => s.reader_selection.to - s.reader_selection.from === n, Buffer.byteLength(sentence));
    assert.equal(await copyWithKeys(page), sentence);

    // Ctrl+A selects the whole text.
    await page.keyboard.press('Control+A');
    await waitForState(page, (s, n) => s.reader_selection.from === 0 && s.reader_selection.to === n, Buffer.byteLength(briefing));
    assert.equal(await copyWithKeys(page), briefing);
    assert.deepEqual(page.errors, []);
  });
}

test('a search hit is highlighted over its own letters only, and the current one is underlined below them', async () => {
  const page = await openApp(browser, server.url, { width: 1024, height: 700 });
  const s = await openBriefing(page);
  const drawn = s.widgets['reader.hit'], letters = s.widgets['reader.hit_text'];
  // «ЛАВРОВ:» — the colon right after the hit keeps its own background.
  assert.ok(drawn.x >= letters.x && drawn.x + drawn.w <= letters.x + letters.w,
            `the highlight (${drawn.x}–${drawn.x + drawn.w}) stays within the word (${letters.x}–${letters.x + letters.w})`);
  await page.screenshot({ path: join(artifacts, 'reader-hit-1024.png') });
});

test('after Enter in the search box typing goes on in it; "/" and Ctrl+K put the cursor there from anywhere', async () => {
  const page = await openApp(browser, server.url, { width: 1024, height: 700 });
  await openView(page, 'search');
  await focusField(page, 'search.query');
  await page.keyboard.type('the', { delay: 20 });
  await waitForState(page, (s) => s.searched_query === 'the');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' talks', { delay: 20 });
  let s = await waitForState(page, (s) => s.query === 'the talks', undefined, 5000)
    .catch(async () => assert.fail(`typing after Enter was lost: the box holds «${(await state(page)).query}»`));
  assert.equal(s.text_input, true);

  // "/" from the Library (no field has the keys): the Search view, the cursor in its box, no "/" typed.
  assert.equal(await command(page, 'query', ''), '');
  await openView(page, 'library');
  s = await waitForState(page, (s) => !s.text_input);
  await page.keyboard.press('/');
  s = await waitForState(page, (s) => s.view === 'search' && s.text_input, undefined, 5000);
  await page.keyboard.type('union', { delay: 20 });
  s = await waitForState(page, (s) => s.searched_query === 'union');
  assert.equal(s.query, 'union');

  // Ctrl+K from another text field (the Library's filter) moves the cursor to the search box.
  await openView(page, 'library');
  await focusField(page, 'library.filter');
  await page.keyboard.press('Control+K');
  s = await waitForState(page, (s) => s.view === 'search' && s.text_input, undefined, 5000);
  await page.keyboard.type(' state', { delay: 20 });
  s = await waitForState(page, (s) => s.query.endsWith('state'));
  assert.equal(s.ui_text['library.filter'], '', 'nothing was typed into the filter');
  assert.deepEqual(page.errors, []);
});

test('the first Tab goes to the view\'s first control, not the menu or the tabs', async () => {
  const page = await openApp(browser, server.url, { width: 1024, height: 700 });
  await waitForState(page, (s) => s.view === 'library' && !s.text_input);
  await page.keyboard.press('Tab');
  await waitForState(page, (s) => s.text_input, undefined, 5000)
    .catch(() => assert.fail('the first Tab did not reach the Library\'s filter'));
  await page.keyboard.type('Berlin', { delay: 20 });
  await waitForState(page, (s) => s.ui_text['library.filter'] === 'Berlin');
});

test('the Help menu opens the query language, the keyboard shortcuts and what the figures mean, inside the page', async () => {
  for (const [width, height, dpr, colorScheme] of [[1024, 700, 1, 'light'], [1366, 768, 2, 'dark']]) {
    const page = await openApp(browser, server.url, { width, height, deviceScaleFactor: dpr, colorScheme });
    const open = async (name) => {
      await clickWidget(page, 'menu.help');
      await clickWidget(page, `menu.help.${name}`);
      // It is reported once it has measured itself (a few frames); a slow page (DPR 2, software WebGL) may go
      // idle before: the pointer moves a little, as a reader's hand does.
      let s = null;
      for (let i = 0; !s && i < 8; i++) {
        s = await waitForState(page, (s, n) => s.widgets[`help.${n}`] && s.widgets[`help.${n}.close`], name, 2000).catch(() => null);
        if (!s) await page.mouse.move(width - 4 - (i % 2), height - 4);
      }
      assert.ok(s, `help.${name} opened`);
      const r = s.widgets[`help.${name}`];
      assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height, `help.${name} inside the page: ${JSON.stringify(r)}`);
      assert.ok(Math.abs(r.x + r.w / 2 - width / 2) <= 2, `help.${name} centred: ${JSON.stringify(r)} in ${width}`);
      const c = s.widgets[`help.${name}.close`];
      assert.ok(c.y >= r.y && c.y + c.h <= r.y + r.h, `its Close button is inside it: ${JSON.stringify(c)} in ${JSON.stringify(r)}`);
    };
    const closed = (name) => waitForState(page, (s, n) => !s.widgets[`help.${n}`], name);
    for (const name of ['query', 'shortcuts', 'figures']) {
      await open(name);   // closed with its button
      await clickWidget(page, `help.${name}.close`);
      await closed(name);
      await open(name);   // looked at, and closed with Escape (the window has the keyboard when it opens)
      await page.screenshot({ path: join(artifacts, `help-${name}-${width}-dpr${dpr}-${colorScheme}.png`) });
      await page.keyboard.press('Escape');
      await closed(name);
    }
    assert.deepEqual(page.errors, []);
    await closePages();
  }
});

// Asserts that the rectangles reported for names starting with one of `prefixes` lie inside the window.
function assertInside(s, width, prefixes) {
  const names = Object.keys(s.widgets).filter((n) => prefixes.some((p) => n.startsWith(p)));
  assert.ok(names.length > 0, `widgets ${prefixes} reported`);
  for (const n of names) {
    const r = s.widgets[n];
    assert.ok(r.x >= 0 && r.x + r.w <= width, `${n} inside the window (${r.x}–${r.x + r.w} of ${width})`);
  }
}

test('at 1024×700 the status bar\'s messages do not overlap, toolbars stay inside, dialogs are centred, tooltips on screen', async () => {
  const width = 1024, height = 700;
  const page = await openApp(browser, server.url, { width, height });
  assert.equal(await command(page, 'query', 'Лавров OR talks OR language OR union OR Berlin OR café OR search'), '');
  let s = await waitForState(page, (s) => s.searched_query.startsWith('Лавров') && s.widgets['status.job']);
  const apart = (s) => {
    const line = s.widgets['status.line'], job = s.widgets['status.job'];
    assert.ok(line.x + line.w <= job.x, `status line (${line.x}–${line.x + line.w}) ends before the job (${job.x})`);
    assert.ok(job.x + job.w <= width, `the job's part (${job.x}–${job.x + job.w}) ends inside the window`);
  };
  apart(s);   // a finished job's message
  assert.equal(await command(page, 'stress', '4000'), '');
  s = await waitForState(page, (s) => s.jobs[0].state === 'running' && s.widgets['job.cancel']);
  apart(s);   // a running job: its name, progress bar and Cancel
  await page.screenshot({ path: join(artifacts, 'status-1024.png') });
  await clickWidget(page, 'job.cancel');
  await waitForState(page, (s) => s.jobs[0].state === 'cancelled');

  s = await openView(page, 'library');
  assertInside(await waitForState(page, (s) => s.widgets['library.paste']), width, ['library.']);
  s = await openView(page, 'search');
  assertInside(await waitForState(page, (s) => s.widgets['search.export']), width, ['search.']);
  assert.equal(await command(page, 'kwic-sort', 'R1,L1'), '');
  await openView(page, 'concordance');
  s = await waitForState(page, (s) => s.kwic_done && s.widgets['kwic.sort3'] && s.widgets['kwic.export']);
  assertInside(s, width, ['kwic.sort', 'kwic.filter', 'kwic.copy_tsv', 'kwic.export']);
  await page.screenshot({ path: join(artifacts, 'concordance-toolbar-1024.png') });
  await openView(page, 'search');
  await clickWidget(page, 'search.hit0');
  s = await waitForState(page, (s) => s.view === 'reader' && s.widgets['reader.select_all']);
  assertInside(s, width, ['reader.previous', 'reader.next', 'reader.copy', 'reader.select_all']);

  // A tooltip of the rightmost button stays on screen.
  const button = middle(s.widgets['reader.select_all']);
  await page.mouse.move(button.x, button.y);
  s = await waitForState(page, (s) => s.widgets['tooltip']);
  const tip = s.widgets['tooltip'];
  assert.ok(tip.x >= 0 && tip.x + tip.w <= width && tip.y + tip.h <= height, `tooltip on screen: ${JSON.stringify(tip)}`);

  // A dialog is centred, and stays centred when the window changes size.
  await clickWidget(page, 'menu.help');
  await clickWidget(page, 'menu.help.about');
  const centred = async (w, h) => {
    const s = await waitForState(page, (s, [w, h]) => s.widgets.dialog && s.canvas.width === w * s.device_pixel_ratio &&
                                 Math.abs(s.widgets.dialog.x + s.widgets.dialog.w / 2 - w / 2) <= 2, [w, h], 5000)
      .catch(async () => assert.fail(`dialog not centred in ${w}×${h}: ${JSON.stringify((await state(page)).widgets.dialog)}`));
    const d = s.widgets.dialog;
    assert.ok(Math.abs(d.y + d.h / 2 - h / 2) <= 2, `dialog centred vertically: ${JSON.stringify(d)}`);
  };
  await centred(width, height);
  await page.setViewportSize({ width: 900, height: 600 });
  await centred(900, 600);
  await page.screenshot({ path: join(artifacts, 'dialog-900.png') });
  assert.deepEqual(page.errors, []);
});
