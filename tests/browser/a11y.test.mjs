// Accessibility of the lesson page in real headless Chromium: axe-core (npm axe-core) over the
// lesson in English, Sinhala and both, light and dark, 1280×800 and 390×844, with the graph table
// open — no serious or critical violation; then a keyboard-only run: every cell, Run, Stop, the
// slider and the graph table, with focus kept where the learner was.
// Run: node --test tests/browser/a11y.test.mjs (after building the page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root, seriousViolations, axeSource } from "./harness.mjs";
import { SEED_LESSON, LESSONS, lessonHash } from "../../web/src/lessons/index.js";

const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);
const shots = path.join(root, "build", "screenshots");

let h, page;
const errors = [];

async function waitReady() {
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
  await page.locator("#graph svg").waitFor({ timeout: 30000 });
  await page.locator("#plot svg.plot").waitFor({ timeout: 30000 });
}

after(async () => {
  await h?.close();
});

test("axe-core: no serious or critical violation in any language, colour scheme or width", async () => {
  mkdirSync(shots, { recursive: true });
  // axe is injected into the page, so this run lets it past the page's CSP (hostile.test.mjs and
  // the keyboard run below keep the CSP)
  h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${h.url}${lessonHash(SEED_LESSON)}`);
  await waitReady();
  await page.evaluate(axeSource);
  // the graph table is part of the page too
  await page.locator("#graph-table-btn").click();
  await page.locator("#graph-table table").waitFor();
  const found = [];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const lang of ["en", "si", "both"]) {
        await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
        await page.waitForTimeout(150);
        const res = await seriousViolations(page);
        for (const v of res) found.push({ where: `${lang} ${scheme} ${viewport.width}x${viewport.height}`, ...v });
      }
      if (viewport.width === 1280) await page.screenshot({ path: path.join(shots, `a11y-both-${scheme}-1280x800.png`) });
    }
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 1));
  assert.deepEqual(errors, []);
  await h.close();
  h = null;
});

test("axe-core: the course map and every lesson, with their pictures, in every language and width", async () => {
  h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  const found = [];
  for (const [hash, id] of [["#/", "map"], ...LESSONS.map((l) => [lessonHash(l), l.id])]) {
    await page.goto(`${h.url}${hash}`);
    await page.reload();
    await page.waitForFunction((want) => document.documentElement.dataset.shown === want, id, { timeout: 60000 });
    await page.waitForFunction(() => [...document.querySelectorAll("[data-picture]")].every((p) => p.dataset.drawn === "1"), null, { timeout: 30000 });
    await page.evaluate(axeSource);
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      for (const lang of ["en", "si", "both"]) {
        await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
        await page.waitForTimeout(100);
        const res = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"] });
          return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }));
        });
        for (const v of res) found.push({ where: `${id} ${lang} ${viewport.width}`, ...v });
      }
    }
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 1));
  assert.deepEqual(errors, []);
  await h.close();
  h = null;
});

test("the graph is an image with a summary, its edges described, nodes labelled, the tip linked", async () => {
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${h.url}${lessonHash(SEED_LESSON)}`);
  await waitReady();
  const svg = page.locator("#graph svg");
  assert.equal(await svg.getAttribute("role"), "img");
  const name = await page.locator("#graph-svg-title").textContent();
  assert.match(name, /^Backward graph of y: \d+ nodes, \d+ edges\.$/);
  assert.match(await svg.getAttribute("aria-describedby"), /graph-tip/);
  const desc = await page.locator("#graph-svg-desc").textContent();
  assert.match(desc, /gradient flows from y to PowBackward0/);
  assert.match(desc, /y: y .*data = 16\./);
  assert.match(desc, /x: x .*leaf.*data = 4\./);
  const x = page.locator("#graph g.node", { hasText: "AccumulateGrad" });
  assert.equal(await x.getAttribute("aria-describedby"), "graph-tip");
  assert.match(await page.locator("#graph-caption").textContent(), /keyboard/);
  assert.equal(await page.locator("dialog#confirm").getAttribute("aria-labelledby"), "confirm-title");
});

test("the tangent plot follows x when one cell makes both x and y (no flat curve)", async () => {
  const c4 = page.locator('[data-cell="c4"]');
  await c4.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("x = torch.tensor(4.0, requires_grad=True)\ny=x**2\ny");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => /x = 4.*y = 16.*dy\/dx = 8/.test(document.querySelector("#plot-numbers")?.textContent ?? ""));
  await page.locator("#plot svg.plot path.curve").waitFor();
  const ys = await page.locator("#plot svg.plot path.curve").evaluate((p) => [...p.getAttribute("d").matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1])));
  assert.ok(Math.max(...ys) - Math.min(...ys) > 50, `the curve is not flat (${Math.min(...ys)}..${Math.max(...ys)})`);
  assert.equal(await page.locator("#slider-row").isHidden(), false, "the slider edits the cell that makes x");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("y=x**2\ny");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c4"]')?.dataset.state === "done");
  await page.locator("#btn-run-all").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(8.)\n");
});

/** Presses Tab (or Shift+Tab) until `pred(activeElement)` holds in the page; returns the presses. */
async function tabTo(pred, arg, { max = 200, back = false } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await page.evaluate(pred, arg)) return i;
  }
  throw new Error(`not reached by ${back ? "Shift+Tab" : "Tab"}: ${pred}`);
}

test("keyboard only: every cell, Run, Stop, the slider and the graph table", async () => {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
  // Tab walks through every cell's editor and Run button, in order
  const seen = [];
  for (let i = 0; i < 400 && seen.length < 15; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => (document.activeElement?.classList.contains("cm-content") ? document.activeElement.closest("[data-cell]")?.dataset.cell : null));
    if (id && !seen.includes(id)) seen.push(id);
  }
  assert.deepEqual(seen, Array.from({ length: 15 }, (_, i) => `c${i + 1}`));
  // Run by keyboard: Tab from an editor to its Run button and press Enter
  await page.locator('[data-cell="c9"] .cm-content').focus();
  await tabTo(() => document.activeElement?.matches('[data-cell="c9"] .run-btn'));
  const before = await page.locator('[data-cell="c9"] .prompt.in').textContent();
  await page.keyboard.press("Enter");
  await page.waitForFunction((b) => document.querySelector('[data-cell="c9"] .prompt.in').textContent !== b && document.querySelector('[data-cell="c9"]').dataset.state === "done", before);
  // Stop by keyboard: a runaway cell, its Stop button, and focus stays in that cell
  await page.locator('[data-cell="c9"] .cm-content').focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("while True:\n    pass");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"]').dataset.state === "running");
  await tabTo(() => document.activeElement?.matches('[data-cell="c9"] .stop-btn'));
  await page.keyboard.press("Enter");
  await page.locator('[data-cell="c9"] .stopped').waitFor();
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[data-cell="c9"]')), "focus stays in the stopped cell");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "run-btn");
  await page.locator('[data-cell="c9"] .cm-content').focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("x.grad.item() * 2");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => !document.body.classList.contains("is-running") && document.querySelector('[data-cell="c9"]').dataset.state === "done");
  // the slider at 1280×800 (the picture is beside the notebook): from the cell, Tab reaches
  // "Go to this cell's picture", Enter, then Tab reaches the slider; arrow keys move x
  await page.locator('[data-cell="c4"] .cm-content').focus();
  await tabTo(() => document.activeElement?.matches('[data-cell="c4"] a.to-picture'), null, { max: 5 });
  assert.ok(await page.locator('[data-cell="c4"] a.to-picture').isVisible(), "the link shows while focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "picture");
  await page.locator("#x-slider").waitFor();
  await tabTo(() => document.activeElement?.id === "x-slider", null, { max: 6 });
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => /torch\.tensor\(3\.9,/.test(document.querySelector('[data-cell="c2"]').gradlabCell.source), null, { timeout: 20000 });
  await page.waitForFunction(() => /x = 3\.9/.test(document.querySelector("#plot-numbers")?.textContent ?? ""), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "x-slider", "the slider keeps focus while the cells re-run");
  // the graph table: Shift+Tab back to its button, Enter opens it, Tab reaches the table
  await tabTo(() => document.activeElement?.id === "graph-table-btn", null, { max: 10, back: true });
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#graph-table-btn").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "graph-table");
  const table = await page.locator("#graph-table").innerText();
  assert.match(table, /PowBackward0/);
  assert.match(table, /3\.9/);
  await page.screenshot({ path: path.join(shots, "keyboard-graph-table.png") });
  // the Reset dialog by keyboard: Escape closes it without a change
  await page.locator("#btn-reset").focus();
  await page.keyboard.press("Enter");
  await page.locator("dialog#confirm[open]").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "confirm-no");
  await page.keyboard.press("Escape");
  await page.locator("dialog#confirm").waitFor({ state: "hidden" });
  assert.deepEqual(errors, []);
});
