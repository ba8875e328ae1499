// Shared pieces of the browser tests: serve dist/ on a free loopback port, launch Debian's Chromium through
// playwright-core (software WebGL2 via SwiftShader), open the app and wait on its state API — never on time.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const openContexts = new Set();
// Closes the pages opened since the last call, so tests do not compete with each other's frame loops.
export async function closePages() {
  for (const context of openContexts) await context.close();
  openContexts.clear();
}

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'build', 'e2e');
mkdirSync(artifacts, { recursive: true });

export async function startServer() {
  // CL_DIST_DIR (relative to the repository, or absolute) serves another build's output instead of dist/.
  const dist = process.env.CL_DIST_DIR ? resolve(root, process.env.CL_DIST_DIR) : join(root, 'dist');
  const server = spawn(process.execPath, [join(root, 'web', 'serve.mjs'), dist, '0'],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/localhost:\d+\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`dev server exited with ${code}`)));
  });
  return { url, close: () => server.kill() };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run',
           ...(process.env.CL_CHROMIUM_ARGS || '').split(' ').filter(Boolean)],
  });
}

// Opens the app in a new page (a fresh browser profile: empty storage) and waits until it reports ready
// with the shipped corpus `corpus` open (default the demo, through ?corpus=demo; null: the start page).
// Page errors and console errors are collected in page.errors so tests can assert there were none.
export async function openApp(browser, url, { width = 1400, height = 900, deviceScaleFactor = 1, colorScheme = 'light',
                                              hasTouch = false, corpus = 'demo' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, colorScheme, hasTouch });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  openContexts.add(context);
  await page.goto(corpus ? `${url}?corpus=${corpus}` : url);
  await waitForReady(page, corpus !== null);
  return page;
}

// The screens screenshots are taken at: 1024×700 and 1366×768, devicePixelRatio 1 and 2, light and dark; each
// with openApp's options and a name for files ("1024x700@2x-dark").
export const screens = [[1024, 700], [1366, 768]].flatMap(([width, height]) => [1, 2].flatMap((deviceScaleFactor) =>
  ['light', 'dark'].map((colorScheme) => ({ width, height, deviceScaleFactor, colorScheme,
                                            name: `${width}x${height}@${deviceScaleFactor}x-${colorScheme}` }))));

// Opens the app with the State of the Union open: importing it can take longer than openApp waits on a
// loaded machine at devicePixelRatio 2, so the start page opens first and the import gets two minutes.
export async function openSotu(browser, url, options) {
  const page = await openApp(browser, url, { ...options, corpus: null });
  const error = await command(page, 'open-shipped', 'sotu');
  if (error !== '') throw new Error(`open-shipped sotu: ${error}`);
  await waitForState(page, (s) => s.documents === 233 && !s.jobs.some((j) => j.state === 'running'), undefined, 120000);
  return page;
}

// Waits until the app is ready, storage is loaded and no job runs (and, with `withCorpus`, a corpus is open).
export async function waitForReady(page, withCorpus = true) {
  await page.waitForFunction(() => window.corpusLens && window.corpusLens.state().ready, null, { timeout: 30000 });
  return waitForState(page, (s, withCorpus) => s.storage_ready && (!withCorpus || s.documents > 0) &&
                                              !s.jobs.some((j) => j.state === 'running'), withCorpus);
}

export const state = (page) => page.evaluate(() => window.corpusLens.state());
export const command = (page, name, arg) => page.evaluate(([n, a]) => window.corpusLens.command(n, a), [name, arg]);

// Switches view the way a user does: a real click on the tab.
export async function openView(page, view) {
  await clickWidget(page, `tab.${view}`);
  return waitForState(page, (s, v) => s.view === v, view);
}

// Clicks into a text field and waits until it takes typed text.
export async function focusField(page, name) {
  await clickWidget(page, name);
  return waitForState(page, (s) => s.text_input);
}

// Clicks the middle of a named widget, with real mouse events, at the rectangle the app reports. The pointer
// moves there first and rests for two frames, as a user's does, so the widget is hovered when pressed.
// A widget that has just appeared (a popup sizing itself) may still move: the pointer follows it until it
// rests under the pointer, as a user's eye and hand would.
export async function clickWidget(page, name) {
  // As a user waits to see the button: the frame that draws it may still be coming (the page just loaded).
  const shown = await waitForState(page, (s, n) => Boolean(s.widgets[n]), name, 5000).catch(() => null);
  let rect = shown?.widgets[name];
  if (!rect) throw new Error(`widget ${name} not reported by the app`);
  for (let tries = 0; tries < 5; tries++) {
    await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2);
    const frame = (await state(page)).frame;
    // Frames can be slow enough (software WebGL at devicePixelRatio 2 on a busy machine) that the page goes idle
    // before two are drawn: the pointer then twitches by half a pixel, as a hand does, to wake it.
    let s = null;
    for (let nudge = 0; !s; nudge++) {
      s = await waitForState(page, (s, f) => s.frame >= f + 2, frame, 2000).catch((e) => { if (nudge >= 7) throw e; return null; });
      if (!s) await page.mouse.move(rect.x + rect.w / 2 + (nudge % 2 ? 0 : 0.5), rect.y + rect.h / 2);
    }
    const now = s.widgets[name];
    if (!now) throw new Error(`widget ${name} went away before it could be clicked`);
    if (now.x === rect.x && now.y === rect.y && now.w === rect.w && now.h === rect.h) break;
    rect = now;
  }
  await page.mouse.down();
  await page.mouse.up();
}

// Waits until the app's state satisfies `predicate` (a function of the state object, run in the page).
export async function waitForState(page, predicate, arg, timeout = 15000) {
  await page.waitForFunction(([source, value]) => {
    const fn = new Function('s', 'arg', `return (${source})(s, arg);`);
    return fn(window.corpusLens.state(), value);
  }, [predicate.toString(), arg], { timeout });
  return state(page);
}
