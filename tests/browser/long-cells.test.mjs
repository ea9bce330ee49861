// A long cell streams what it prints while it runs (issue 16's "Running long cells"): the page
// shows a training loop's progress before the result comes, Stop ends it at once and keeps what
// it printed, and the learner's code stays. Screenshot: build/screenshots/long-cell-streaming.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root, typeInto } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);
const shots = path.join(root, "build", "screenshots");

let h, page;
const errors = [];
const cell = (id) => page.locator(`[data-cell="${id}"]`);

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${h.url}?timeLimit=60${lessonHash(SEED_LESSON)}`);
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
});

after(async () => {
  await h?.close();
});

test("a running loop's prints appear while it runs; Stop keeps them and the code", async () => {
  const code = "i = 0\nwhile True:\n    i += 1\n    if i % 5000 == 0:\n        print('step', i)";
  await typeInto(page, "c9", code);
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"]')?.dataset.state === "running");
  // progress arrives while the cell is still running
  await page.waitForFunction(() => /step 15000\n/.test(document.querySelector('[data-cell="c9"] pre.stdout.live')?.textContent ?? ""), null, { timeout: 20000 });
  assert.equal(await cell("c9").getAttribute("data-state"), "running");
  const live = await cell("c9").locator("pre.stdout.live").textContent();
  assert.match(live, /^step 5000\nstep 10000\nstep 15000\n/, "in order, from the first print");
  await cell("c9").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "long-cell-streaming.png") });
  await cell("c9").locator(".stop-btn").click();
  await cell("c9").locator(".stopped").waitFor();
  const kept = await cell("c9").locator("pre.stdout").textContent();
  assert.ok(kept.startsWith(live), "what it printed before Stop stays");
  assert.equal(await cell("c9").evaluate((e) => e.gradlabCell.source), code);
  assert.deepEqual(errors, []);
});

test("a finished cell shows its whole output once, not the streamed copy", async () => {
  await page.waitForFunction(() => !document.body.classList.contains("is-running"), null, { timeout: 30000 });
  await typeInto(page, "c9", "for k in range(3):\n    print('k =', k)\nk");
  await page.keyboard.press("Control+Enter");
  await cell("c9").locator("pre.result").waitFor();
  assert.equal(await cell("c9").locator("pre.stdout").count(), 1);
  assert.equal(await cell("c9").locator("pre.stdout").textContent(), "k = 0\nk = 1\nk = 2\n");
  assert.equal(await cell("c9").locator("pre.result").textContent(), "2");
});
