// "Step through backward" in real headless Chromium: on the seed lesson's y = x**2 and on a cell
// the learner types (two backward() calls, a broadcast), the stepper walks the engine's traced
// passes in order, highlights each node of the picture, shows the gradients PyTorch computes
// (tests/node/stepper.test.mjs checks every traced number against PyTorch 1.13.1's own passes),
// works from the keyboard alone, speaks both languages and keeps axe-core clean.
// Screenshots: build/screenshots/stepper-<lang>-1280x800.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root, axeSource, seriousViolations, typeInto } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);
const shots = path.join(root, "build", "screenshots");

let h, page;
const errors = [];
const cell = (id) => page.locator(`[data-cell="${id}"]`);
const stepper = () => page.locator("#stepper-host .stepper");
const panel = () => page.locator("#stepper-host .step-panel");

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP: true }); // axe is injected
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${h.url}${lessonHash(SEED_LESSON)}`);
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
  await page.locator("#graph svg").waitFor({ timeout: 30000 });
});

after(async () => {
  await h?.close();
});

async function makeCurrent(id) {
  await cell(id).locator(".cm-content").click();
  await page.locator("#graph svg").waitFor();
}

test("the backward() cell of y = x**2 steps PowBackward0 then AccumulateGrad, with the engine's numbers", async () => {
  // y = x**2 ran no backward itself: its stepper asks the engine for a preview. After the whole
  // lesson ran, a later cell has made y another tensor: the page says so instead of guessing
  await makeCurrent("c4");
  const open = page.locator("#stepper-host .step-open");
  await open.click();
  await page.locator("#stepper-host .step-note").waitFor();
  assert.match(await page.locator("#stepper-host .step-note").textContent(), /a later cell changed y since this cell ran/);
  assert.equal(await stepper().isVisible(), false);
  // once c4 runs again, the preview shows what y.backward() would do — onto the x.grad of 8.
  // that c5 left: accumulation, before it happens
  await cell("c4").locator(".run-btn").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c4"] pre.result'));
  await open.click();
  await stepper().waitFor();
  assert.match(await panel().innerText(), /A preview of y\.backward\(\)/);
  await page.keyboard.press("ArrowRight");
  assert.match(await panel().innerText(), /x\.grad would become:\s*8\. \+ 8\. = 16\./);
  await page.keyboard.press("Escape");
  await makeCurrent("c5");
  await open.waitFor();
  assert.equal(await open.textContent(), "Step through backward");
  await open.click();
  await stepper().waitFor();
  assert.equal(await stepper().evaluate((e) => e === document.activeElement), true, "focus moves into the stepper");
  assert.match(await page.locator("#stepper-host .step-counter").textContent(), /Step 1 of 2 · backward pass 1 of 1/);
  let text = await panel().innerText();
  assert.match(text, /PowBackward0/);
  assert.match(text, /Gradient arriving:\s*1\./);
  assert.match(text, /Sent to AccumulateGrad → x:\s*8\./);
  assert.match(text, /Local derivative:/);
  assert.equal(await page.locator("#graph g.node.step-now").count(), 1);
  assert.match(await page.locator("#graph g.node.step-now").textContent(), /PowBackward0/);
  await page.screenshot({ path: path.join(shots, "stepper-en-1280x800.png") });

  await page.keyboard.press("ArrowRight");
  text = await panel().innerText();
  assert.match(text, /AccumulateGrad → x/);
  assert.match(text, /x\.grad accumulates:\s*None \+ 8\. = 8\./);
  assert.match(await page.locator("#graph g.node.step-now").textContent(), /AccumulateGrad/);
  assert.equal(await page.locator("#graph g.node.step-done").count(), 1, "the step before stays marked");
  assert.equal(await page.locator("#stepper-host .step-next").isDisabled(), true, "the last step");
  await page.keyboard.press("ArrowLeft");
  assert.match(await panel().innerText(), /PowBackward0/);

  // Sinhala: the same step, every label translated, numbers unchanged
  await page.locator('input[name="lang"][value="si"]').check({ force: true });
  await page.waitForTimeout(200);
  text = await panel().innerText();
  assert.match(text, /පැමිණෙන අනුක\u0DCA\u200Dරමණය:\s*1\./);
  assert.match(text, /AccumulateGrad → x වෙත යවන ලද්දේ:\s*8\./);
  assert.match(await page.locator("#stepper-host .step-counter").textContent(), /පියවර 2 න් 1/);
  await page.screenshot({ path: path.join(shots, "stepper-si-1280x800.png") });

  // axe-core over the open stepper, in both languages
  await page.evaluate(axeSource);
  for (const lang of ["si", "en"]) {
    await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
    await page.waitForTimeout(150);
    assert.deepEqual(await seriousViolations(page, ["#picture"]), [], `axe (${lang})`);
  }

  await stepper().focus(); // the language switch took the focus
  await page.keyboard.press("Escape");
  assert.equal(await stepper().isVisible(), false, "Esc closes the steps");
  assert.equal(await open.evaluate((e) => e === document.activeElement), true, "focus returns to the button");
  assert.equal(await page.locator("#graph g.node.step-now").count(), 0);
});

test("a typed cell: two backward() calls accumulate, and a broadcast input's gradient is summed back", async () => {
  const code = "w = torch.tensor([1., 2., 3.], requires_grad=True)\nb = torch.tensor(2., requires_grad=True)\nq = (w * b).pow(2).sum()\nq.backward(retain_graph=True)\nq.backward()";
  await typeInto(page, "c9", code);
  await page.keyboard.press("Control+Enter");
  await page.locator("#stepper-host .step-open").waitFor({ timeout: 30000 });
  await page.locator("#stepper-host .step-open").click();
  assert.match(await page.locator("#stepper-host .step-counter").textContent(), /Step 1 of 10 · backward pass 1 of 2/);
  // Play walks on by itself
  await page.locator("#stepper-host .step-play").click();
  await page.waitForFunction(() => /Step 3 of/.test(document.querySelector("#stepper-host .step-counter").textContent), null, { timeout: 10000 });
  await page.locator("#stepper-host .step-play").click(); // pause
  await page.locator("#stepper-host .stepper").focus();
  while (!/Step 3 of/.test(await page.locator("#stepper-host .step-counter").textContent())) await page.keyboard.press("ArrowLeft");
  let text = await panel().innerText();
  assert.match(text, /MulBackward0/);
  assert.match(text, /Sent to AccumulateGrad → w:\s*\[ 8\., 16\., 24\.\]/);
  assert.match(text, /Sent to AccumulateGrad → b:\s*56\./);
  assert.match(text, /shape \(3,\) was summed back to shape \(\); before the sum:\s*\[ 4\., 16\., 36\.\]/);
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  assert.match(await page.locator("#stepper-host .step-counter").textContent(), /Step 9 of 10 · backward pass 2 of 2/);
  text = await panel().innerText();
  assert.match(text, /w\.grad accumulates:\s*\[ 8\., 16\., 24\.\] \+ \[ 8\., 16\., 24\.\] = \[16\., 32\., 48\.\]/);
  await page.keyboard.press("ArrowRight");
  assert.match(await panel().innerText(), /b\.grad accumulates:\s*56\. \+ 56\. = 112\./);
  assert.equal(await cell("c9").evaluate((e) => e.gradlabCell.source), code, "the learner's code is untouched");
  assert.deepEqual(errors, []);
});

test("a cell that built a graph without backward(): a preview that changes nothing", async () => {
  await typeInto(page, "c9", "a = torch.tensor(3.0, requires_grad=True)\nr = a * a + a");
  await page.keyboard.press("Control+Enter");
  const open = page.locator("#stepper-host .step-open");
  await open.waitFor({ timeout: 30000 });
  await open.click();
  await stepper().waitFor();
  let text = await panel().innerText();
  assert.match(text, /A preview of r\.backward\(\)/);
  assert.match(text, /AddBackward0/);
  assert.match(await page.locator("#graph g.node.step-now").textContent(), /AddBackward0/);
  while (!(await page.locator("#stepper-host .step-next").isDisabled())) await page.keyboard.press("ArrowRight");
  text = await panel().innerText();
  assert.match(text, /a\.grad would become:\s*None \+ 7\. = 7\./, "d(a·a + a)/da = 2a + 1 = 7");
  await page.keyboard.press("Escape");
  // nothing changed: a.grad is still None, and a real backward still works (the graph was kept)
  await typeInto(page, "c10", "print(a.grad)\nr.backward()\nprint(a.grad)");
  await page.keyboard.press("Control+Enter");
  await cell("c10").locator("pre.stdout").waitFor();
  assert.equal(await cell("c10").locator("pre.stdout").textContent(), "None\ntensor(7.)\n");
  assert.deepEqual(errors, []);
});
