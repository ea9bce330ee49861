// Errors explained (web/src/error-help.js) on a lesson page, in real headless Chromium: a learner
// types a broken cell, reads the explanation under the traceback in English and in Sinhala, and
// "Show me" puts a fixed copy below the cell (the learner's cell unchanged) that runs cleanly —
// all of it with the keyboard alone; then axe-core over the explained cell and the copy, in
// every language and colour scheme. Screenshots: build/screenshots/errors-explained-*.png.
// Run: node --test tests/browser/errors-explained.test.mjs (after node tools/build-web.mjs).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root, seriousViolations, axeSource } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);
const shots = path.join(root, "build", "screenshots");

// The lesson itself asks the learner to try this (backprop.js): an integer that requires grad.
const BROKEN = "x = torch.tensor(4, requires_grad=True)\nx";
const FIXED = "x = torch.tensor(4, dtype=torch.float32, requires_grad=True)\nx";

let h = null;
const errors = [];
after(async () => {
  await h?.close();
});

async function openLesson({ bypassCSP = false, query = "" } = {}) {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP });
  const page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${h.url}${query}${lessonHash(SEED_LESSON)}?lang=en`);
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
  return page;
}

/** Replaces a cell's code from the keyboard and runs it with Ctrl+Enter. */
async function typeAndRun(page, id, text) {
  const cell = page.locator(`[data-cell="${id}"]`);
  await cell.locator(".cm-content").focus();
  for (const key of ["Control+A", "Delete"]) await page.keyboard.press(key);
  await page.keyboard.insertText(text);
  await page.keyboard.press("Control+Enter");
  return cell;
}

/** Cell c2 made to raise (BROKEN), once its error is shown. */
async function breakCell(page) {
  const c2 = await typeAndRun(page, "c2", BROKEN);
  await c2.locator("pre.error").waitFor();
  return c2;
}

const activeCell = (page) => page.evaluate(() => document.activeElement?.closest("[data-cell]")?.dataset.cell ?? null);
const setLang = (page, lang) => page.locator(`label:has(input[value="${lang}"])`).click();

test("a broken cell: explained in English and Sinhala; Show me inserts a fixed copy that runs; keyboard only", async () => {
  const page = await openLesson();
  const c2 = await breakCell(page);
  assert.match(await c2.locator(".tb-last").textContent(), /^RuntimeError: Only Tensors of floating point and complex dtype can require gradients$/, "PyTorch's message stays as it is");
  const hint = c2.locator(".hint");
  assert.match(await hint.locator(":scope > .bi > .lang-en").textContent(), /only for floating point tensors/);
  assert.equal(await hint.locator(":scope > .bi > .lang-si").isVisible(), false);
  await c2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "errors-explained-en.png") });

  await setLang(page, "si");
  await page.waitForFunction(() => document.body.dataset.lang === "si");
  assert.equal(await hint.locator(":scope > .bi > .lang-en").isVisible(), false);
  assert.ok(await hint.locator(":scope > .bi > .lang-si").isVisible());
  // Sinhala, with its zero width joiners, and the glossary's words
  assert.ok((await hint.locator(":scope > .bi > .lang-si").textContent()).includes("\u0DCA\u200D\u0DBB"), "virama + ZWJ + ra kept");
  assert.match(await hint.locator(":scope > .bi > .lang-si").textContent(), /ඉපිලුම් ලක්ෂ්‍ය/);
  assert.equal(await hint.locator(".show-me").innerText(), "පෙන්වන්න");
  await c2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "errors-explained-si.png") });
  await setLang(page, "en");
  await page.waitForFunction(() => document.body.dataset.lang === "en");

  // keyboard only: from the cell's editor, Tab reaches "Show me"; Enter presses it
  await c2.locator(".cm-content").focus();
  let onShowMe = false;
  for (let i = 0; i < 12 && !onShowMe; i++) {
    await page.keyboard.press("Tab");
    onShowMe = await page.evaluate(() => document.activeElement?.classList.contains("show-me") && !!document.activeElement.closest('[data-cell="c2"]'));
  }
  assert.ok(onShowMe, "Tab from the editor reaches Show me");
  assert.equal(await page.evaluate(() => document.activeElement.innerText), "Show me");
  await page.keyboard.press("Enter");

  const copy = page.locator('[data-cell^="c2-fix"]');
  await copy.waitFor();
  // the copy sits right below the learner's cell, has the keyboard focus and says what it is
  assert.equal(await page.evaluate(() => document.querySelector('[data-cell="c2"]').nextElementSibling?.dataset.cell?.startsWith("c2-fix")), true);
  assert.match(await activeCell(page), /^c2-fix/, "the focus moved into the copy's editor");
  assert.match(await copy.locator(".copy-note .lang-en").textContent(), /copy of cell 2 .*your cell 2 is unchanged/);
  assert.equal(await copy.getAttribute("aria-label"), "Code cell 2, fixed copy");
  assert.equal(await copy.evaluate((e) => e.gradlabCell.source), FIXED);
  // the learner's cell is unchanged: its text, its error
  assert.equal(await c2.evaluate((e) => e.gradlabCell.source), BROKEN);
  assert.equal(await c2.locator("pre.error").count(), 1);

  // the copy runs cleanly (Ctrl+Enter in its editor, where the focus is)
  await page.keyboard.press("Control+Enter");
  await copy.locator("pre.result").waitFor();
  assert.equal(await copy.locator("pre.result").textContent(), "tensor(4., requires_grad=True)");
  assert.equal(await copy.locator("pre.error").count(), 0);
  assert.equal(await copy.locator(".hint").count(), 0);
  assert.equal(await c2.evaluate((e) => e.gradlabCell.source), BROKEN, "running the copy leaves the learner's cell alone");
  // the cells after the copy still run in order: Shift+Enter in the copy moves to cell 3
  await copy.locator(".cm-content").focus();
  await page.keyboard.press("Shift+Enter");
  await page.waitForFunction(() => document.activeElement?.closest('[data-cell="c3"]'));
  await page.waitForFunction(() => document.querySelector('[data-cell^="c2-fix"]')?.dataset.state === "done");
  await c2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "errors-explained-show-me-en.png") });
  await setLang(page, "si");
  await page.waitForFunction(() => document.body.dataset.lang === "si");
  assert.ok(await copy.locator(".copy-note .lang-si").isVisible());
  await copy.evaluate((e) => e.scrollIntoView({ block: "center" })); // the hint above it and the copy
  await page.screenshot({ path: path.join(shots, "errors-explained-show-me-si.png") });
  await setLang(page, "en");

  // a reload brings back the learner's own (broken) cell; the copy was a page-only helper
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
  assert.equal(await page.locator('[data-cell="c2"]').evaluate((e) => e.gradlabCell.source), BROKEN);
  assert.equal(await page.locator('[data-cell^="c2-fix"]').count(), 0);
  assert.deepEqual(errors, []);
  await h.close();
  h = null;
});

test("axe-core: no serious or critical violation with an explained error and a fixed copy, in every language", async () => {
  // axe is injected into the page, so this run lets it past the page's CSP (the run above keeps it)
  const page = await openLesson({ bypassCSP: true });
  const c2 = await breakCell(page);
  await c2.locator(".show-me").click();
  await page.locator('[data-cell^="c2-fix"]').waitFor();
  await page.evaluate(axeSource);
  const found = [];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const lang of ["en", "si", "both"]) {
      await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
      await page.waitForTimeout(150);
      // the explained cell and its copy (lesson-wide runs are a11y.test.mjs's)
      const res = await seriousViolations(page, ['[data-cell="c2"]', '[data-cell^="c2-fix"]']);
      for (const v of res) found.push({ where: `${lang} ${scheme}`, ...v });
    }
    if (scheme === "dark") {
      await c2.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, "errors-explained-both-dark.png") });
    }
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 1));
  assert.deepEqual(errors, []);
});

test("the time limit (the page's own stop) says what usually causes it, in both languages", async () => {
  await h?.close();
  const page = await openLesson({ query: "?timeLimit=2" });
  const c9 = await typeAndRun(page, "c9", "n = 0\nwhile True:\n    n += 1");
  const stopped = c9.locator(".stopped");
  await stopped.waitFor({ timeout: 20000 });
  assert.match(await stopped.locator(".lang-en").textContent(), /more than 2 s.*a loop that never ends/);
  assert.match(await stopped.locator(".lang-si").textContent(), /ලූපයක්/);
  assert.deepEqual(errors, []);
});
