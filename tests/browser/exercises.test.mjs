// "Predict, then run" in real headless Chromium: an exercise cell's output is covered until the
// learner predicts; a wrong prediction shows the misconception's hint (English and Sinhala), a
// right one is marked and uncovers the output; after a reload the prediction and the progress are
// still there and the course map counts it; a storage failure is said at once; keyboard only; axe
// finds no serious or critical violation with the feedback shown, in both languages.
// Screenshots: build/screenshots/exercises-*.png.
// Run: node --test tests/browser/exercises.test.mjs (after building the page).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root, seriousViolations, axeSource } from "./harness.mjs";
import { LESSONS, loadLesson, lessonHash } from "../../web/src/lessons/index.js";

const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);
const shots = path.join(root, "build", "screenshots");
mkdirSync(shots, { recursive: true });

const entry = LESSONS.find((l) => l.id === "chain-rule");
const lesson = await loadLesson(entry);
const exercises = lesson.blocks.filter((b) => b.exercise);
const accumulate = lesson.blocks.find((b) => b.id === "c10");
const nonLeaf = lesson.blocks.find((b) => b.id === "c11");

// axe is injected into the page, so this context lets it past the page's CSP (as a11y.test.mjs)
const h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
const page = h.page;
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
after(() => h.close());

const cell = (id) => page.locator(`[data-cell="${id}"]`);
const box = (id) => cell(id).locator(".exercise");
const shown = (id) => page.waitForFunction((want) => document.documentElement.dataset.shown === want, id, { timeout: 60000 });
const setLang = async (lang) => {
  await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
  await page.waitForFunction((l) => document.body.dataset.lang === l, lang);
};
/** The text of the feedback as the learner sees it (only the shown language). */
const feedback = (id) => box(id).locator(".ex-feedback").innerText();

async function predict(id, text) {
  const input = box(id).locator("input");
  await input.fill(text);
  await input.press("Enter");
}

async function axe() {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  return seriousViolations(page);
}

test("a wrong prediction shows the misconception's hint in English and Sinhala; a right one is marked", async () => {
  await page.goto(`${h.url}${lessonHash(entry)}?lang=en`);
  await shown(entry.id);
  assert.equal(await page.locator(".exercise").count(), exercises.length);
  // the output is there (the engine ran the cell) but covered, and hidden from screen readers
  await page.waitForFunction(() => document.querySelector('[data-cell="c10"] pre.result')?.textContent === "tensor(12.)");
  assert.ok(await cell("c10").evaluate((e) => e.classList.contains("ex-covered-output") && [...e.querySelector(".outputs").children].every((o) => o.inert)));
  // the field is labelled
  const input = box("c10").locator("input");
  assert.equal(await input.evaluate((e) => e.labels[0].innerText.trim()), "Your prediction");

  await predict("c10", "6");
  await box("c10").locator(".ex-hint").waitFor();
  const en = await feedback("c10");
  assert.match(en, /Not quite/);
  assert.ok(en.includes(accumulate.exercise.mistakes[0].en), `the accumulation hint: ${en}`);
  assert.equal(await box("c10").locator(".ex-feedback").getAttribute("aria-live"), "polite");
  assert.equal(await cell("c10").evaluate((e) => e.classList.contains("ex-covered-output")), false, "checking uncovers the output");
  await cell("c10").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "exercises-wrong-en-1280x800.png") });

  await setLang("si");
  const si = await feedback("c10");
  assert.ok(si.includes(accumulate.exercise.mistakes[0].si), `the accumulation hint in Sinhala: ${si}`);
  assert.doesNotMatch(si, /Not quite/, "only the Sinhala shows in Sinhala mode");
  await page.screenshot({ path: path.join(shots, "exercises-wrong-si-1280x800.png") });

  // a number predicted for a non-leaf's .grad (None): the leaf hint, in Sinhala
  await predict("c11", "12");
  await box("c11").locator(".ex-hint").waitFor();
  assert.ok((await feedback("c11")).includes(nonLeaf.exercise.mistakes[0].si));
  await setLang("en");

  // a malformed prediction says how to write one
  await predict("c10", "twelve");
  assert.match(await feedback("c10"), /could not be read[\s\S]*Write one number/);

  // right: marked, announced
  await predict("c10", "12");
  await page.waitForFunction(() => document.querySelector('[data-cell="c10"] .exercise')?.dataset.verdict === "right");
  assert.match(await feedback("c10"), /Right/);
  assert.equal(await box("c10").locator(".ex-solved").isVisible(), true);
  await page.screenshot({ path: path.join(shots, "exercises-right-en-1280x800.png") });
  assert.deepEqual(errors, []);
});

test("after a reload the predictions and progress are kept, and the course map shows them", async () => {
  await page.reload();
  await shown(entry.id);
  assert.equal(await box("c10").locator("input").inputValue(), "12", "the prediction is kept");
  assert.equal(await box("c11").locator("input").inputValue(), "12", "a wrong prediction is kept too");
  assert.equal(await box("c10").locator(".ex-solved").isVisible(), true);
  assert.equal(await cell("c10").evaluate((e) => e.classList.contains("ex-covered-output")), false, "a solved exercise's output shows");
  assert.equal(await cell("c11").evaluate((e) => e.classList.contains("ex-covered-output")), true, "an unsolved one stays covered");

  await page.goto(`${h.url}#/?lang=en`);
  await shown("map");
  const progress = page.locator(`.map-item a[data-lesson="${entry.id}"] .map-progress`);
  await page.waitForFunction(() => [...document.querySelectorAll("[data-progress]")].every((e) => e.dataset.all));
  assert.equal(await progress.innerText(), `1 / ${exercises.length} exercises predicted right`);
  // every other lesson shows its count, none right yet
  for (const l of LESSONS.filter((x) => x !== entry)) {
    assert.match(await page.locator(`[data-progress="${l.id}"]`).innerText(), /^0 \/ [3-9] exercises/, l.id);
  }
  await page.screenshot({ path: path.join(shots, "exercises-map-en-1280x800.png") });
  await setLang("si");
  assert.equal(await progress.innerText(), `අභ්‍යාස ${exercises.length} න් 1 ක් නිවැරදිව අනුමාන කළා`);
  await page.screenshot({ path: path.join(shots, "exercises-map-si-1280x800.png") });
  assert.deepEqual(errors, []);
});

test("keyboard only: Tab reaches the prediction, Enter checks it, Show the output uncovers", async () => {
  await page.goto(`${h.url}${lessonHash(entry)}?lang=en`);
  await shown(entry.id);
  await cell("c11").locator(".cm-content").focus();
  let reached = false;
  for (let i = 0; i < 8 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.matches('[data-cell="c11"] .ex-input'));
  }
  assert.ok(reached, "Tab from the editor reaches the prediction field");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("None");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c11"] .exercise')?.dataset.verdict === "right");
  // Show the output, by keyboard, on an exercise not answered yet
  await box("c8").locator(".ex-input").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.activeElement?.matches('[data-cell="c8"] .ex-show')));
  await page.keyboard.press("Enter");
  assert.equal(await cell("c8").evaluate((e) => e.classList.contains("ex-covered-output")), false);
  assert.deepEqual(errors, []);
});

test("an error exercise: “no error” for a two-number y.backward() shows the scalar hint; RuntimeError is right", async () => {
  const c12 = lesson.blocks.find((b) => b.id === "c12");
  await page.waitForFunction(() => /RuntimeError: grad can be implicitly created only for scalar outputs$/.test(document.querySelector('[data-cell="c12"] pre.error')?.textContent ?? ""));
  await predict("c12", "no error");
  await box("c12").locator(".ex-hint").waitFor();
  assert.ok((await feedback("c12")).includes(c12.exercise.mistakes[0].en));
  await predict("c12", "error: RuntimeError");
  await page.waitForFunction(() => document.querySelector('[data-cell="c12"] .exercise')?.dataset.verdict === "right");
  assert.ok(await cell("c12").locator(".match").isVisible(), "the cell raised PyTorch's exception: = PyTorch");
  await cell("c12").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "exercises-error-en-1280x800.png") });
  assert.deepEqual(errors, []);
});

test("axe-core: no serious or critical violation with exercises answered (and an error cell), in English, Sinhala and both, light and dark", async () => {
  await predict("c9", "2");
  await box("c9").locator(".ex-hint").waitFor();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const lang of ["en", "si", "both"]) {
      await setLang(lang);
      assert.deepEqual(await axe(), [], `${lang} ${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await setLang("si");
  await cell("c9").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "exercises-hint-si-1280x800.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await box("c9").evaluate((e) => e.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: path.join(shots, "exercises-hint-si-390x844.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(errors, []);
});

test("when the browser refuses to save a prediction, the page says so at once", async () => {
  await setLang("en");
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await box("c8").locator("input").fill("[0.5, 1, 1.5]");
  await page.locator("#notice").waitFor();
  assert.match(await page.locator("#notice").innerText(), /storage is full/);
  assert.equal(await box("c8").locator("input").inputValue(), "[0.5, 1, 1.5]", "the typed prediction stays in the field");
});
