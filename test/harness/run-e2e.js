#!/usr/bin/env node
// Browser end-to-end: the extension in a real VS Code (server + headless chromium), driven like a
// person would, with screenshots under test-results/. Exit code 0 only when every check passed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, startServer, launchBrowser, makeWorkspace } = require('./vscodeServer');

const OUT = path.join(ROOT, 'test-results');
const WAIT_MS = 60000;
/** Quick Open is tried this many times, waiting this long each time, for the memo to be listed. */
const QUICK_OPEN_ATTEMPTS = 4;
const QUICK_OPEN_WAIT_MS = 20000;

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const workspace = makeWorkspace();
  const server = await startServer();
  let browser;
  let failed = false;
  let page;
  try {
    browser = await launchBrowser(server.tmp);
    page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]));
    await page.waitForSelector('.monaco-workbench', { timeout: WAIT_MS });

    // The sidebar: open the view container, expand the sample's quotes.
    const container = page.locator('.activitybar [aria-label^="Policy Memo"]').first();
    await container.waitFor({ timeout: WAIT_MS });
    await container.click();
    const sampleRow = page.locator('.pane-body .monaco-list-row', { hasText: 'What Rutte and Sudani discussed' }).first();
    await sampleRow.waitFor({ timeout: WAIT_MS });
    check(true, 'the sample article is listed in the Sources view');
    await page.locator('.pane-body .monaco-list-row', { hasText: /^Quotes/ }).first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Fuad Hussein' }).first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'The majority of Iraqi people' }).first().waitFor({ timeout: WAIT_MS });
    const labels = await page.locator('.pane-body .monaco-list-row .label-name').allInnerTexts();
    check(labels.some((l) => l.startsWith('Jeannine Plasschaert')) && labels.some((l) => l.startsWith('No speaker')), 'speakers are listed under Quotes');
    await page.screenshot({ path: path.join(OUT, 'sidebar.png') });
    console.log(`screenshot ${path.join(OUT, 'sidebar.png')}`);

    // "Find quote or fact…": a QuickPick over every quote and fact, matched on words and speaker.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Policy Memo: Find Quote or Fact');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Find Quote or Fact' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'No speaker' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.type('knife');
    const found = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Jeannine Plasschaert' }).first();
    await found.waitFor({ timeout: WAIT_MS });
    check(true, 'Find Quote or Fact matches "knife" to Plasschaert\'s quote');
    await page.keyboard.press('Escape');

    // The memo: open it, show the Problems panel with the conflicts found.
    // Quick Open's file search in VS Code server answered late once in a while (a keystroke typed while the
    // previous quick pick was closing, or a search started before the index): open it again, a few times.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('memo.md');
      try {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'memo.md' }).first().waitFor({ timeout: QUICK_OPEN_WAIT_MS });
        break;
      } catch (error) {
        if (attempt >= QUICK_OPEN_ATTEMPTS) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'memo.md' }).waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Control+Shift+M');
    const conflict = page.locator('.markers-panel .monaco-list-row', { hasText: 'conflict/' }).first();
    await conflict.waitFor({ timeout: WAIT_MS });
    const problems = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    check(problems.some((p) => p.includes('conflict/number')), 'the wrong troop number is in the Problems panel');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    check(true, 'conflicts are underlined in the memo');
    await page.screenshot({ path: path.join(OUT, 'memo-problems.png') });
    console.log(`screenshot ${path.join(OUT, 'memo-problems.png')}`);

    // Citing: the trigger opens a completion list of the sources' quotes and facts.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Plasschaert warned @@knife', { delay: 20 });
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'knife' }).first();
    await suggestion.waitFor({ timeout: WAIT_MS });
    check(true, 'typing @@ lists cited quotes');
    await page.screenshot({ path: path.join(OUT, 'completion.png') });
    console.log(`screenshot ${path.join(OUT, 'completion.png')}`);
  } catch (error) {
    failed = true;
    console.error(error);
    if (page) await page.screenshot({ path: path.join(OUT, 'e2e-failure.png') }).catch(() => {});
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.log(failed ? 'e2e: 0 passed, 1 failed' : 'e2e: 1 passed, 0 failed');
  process.exit(failed ? 1 : 0);
})();
