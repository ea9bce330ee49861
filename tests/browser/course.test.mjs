// The course in real headless Chromium: the course map (both languages), every lesson of the
// registry (web/src/lessons/index.js) opened by its deep link in English, Sinhala and both, run,
// its outputs equal to PyTorch's (the lesson's .expected.js), its pictures drawn; previous/next
// and the map's links; the language kept in the URL and across lessons. Screenshots of each lesson
// in both languages at 1280×800 and 390×844 go to build/screenshots/course-<n>-<id>-<lang>-<size>.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root } from "./harness.mjs";
import { LESSONS, loadLesson, lessonHash } from "../../web/src/lessons/index.js";

const shots = path.join(root, "build", "screenshots");
const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);

let h, page;
const errors = [];

/** Waits until the page shows `id` (a lesson id or "map") with every cell run. */
async function shown(id) {
  await page.waitForFunction((want) => document.documentElement.dataset.shown === want, id, { timeout: 60000 });
}

/** Opens lesson `n` by its deep link in a fresh page, waits until it has run and its pictures drew. */
async function openLesson(n, lang) {
  const l = LESSONS.find((x) => x.n === n);
  await page.goto(`${h.url}#/lesson/${n}?lang=${lang}`);
  await page.reload(); // a fresh page: the deep link alone opens the lesson
  await shown(l.id);
  await page.waitForFunction(() => [...document.querySelectorAll("[data-picture]")].every((p) => p.dataset.drawn === "1"), null, { timeout: 30000 });
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
});

after(async () => {
  await h?.close();
});

test("the landing page is the course map, in both languages, linking every lesson", async () => {
  await page.goto(`${h.url}#/?lang=both`);
  await shown("map");
  const links = page.locator(".map-item a");
  assert.equal(await links.count(), LESSONS.length);
  for (const [i, l] of LESSONS.entries()) {
    const a = links.nth(i);
    assert.equal(await a.getAttribute("href"), lessonHash(l));
    const text = await a.innerText();
    assert.ok(text.includes(l.title.en) && text.includes(l.title.si), `map entry ${l.n} shows both titles: ${text}`);
  }
  assert.equal(await page.locator("#picture-col").isVisible(), false, "no picture column on the map");
  await page.screenshot({ path: path.join(shots, "course-map-both-1280x800.png") });
  await page.goto(`${h.url}#/?lang=si`);
  await page.reload();
  await shown("map");
  assert.match(await page.locator(".course-map h1").innerText(), /[\u0D80-\u0DFF]/);
  await page.screenshot({ path: path.join(shots, "course-map-si-1280x800.png") });
  assert.deepEqual(errors, []);
});

for (const entry of LESSONS) {
  test(`lesson ${entry.n} (${entry.id}): deep link, outputs identical to PyTorch, pictures drawn, both languages`, async () => {
    const lesson = await loadLesson(entry);
    for (const lang of ["en", "si", "both"]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openLesson(entry.n, lang);
      assert.equal(await page.evaluate(() => document.body.dataset.lang), lang);
      assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/lesson/${entry.n}\\?lang=${lang}$`));
      for (const b of lesson.blocks.filter((b) => b.kind === "code")) {
        const c = page.locator(`[data-cell="${b.id}"]`);
        if (b.expected?.error) assert.ok((await c.locator("pre.error").innerText()).endsWith(`${b.expected.error.type}: ${b.expected.error.message}`), `${b.id} raised PyTorch's exception`);
        else assert.equal(await c.locator(".error").count(), 0, `${b.id} raised`);
        if (b.expected?.result != null) assert.equal(await c.locator("pre.result").innerText(), b.expected.result, `${b.id} Out`);
        if (b.expected?.output) assert.equal((await c.locator("pre.stdout").innerText()).trimEnd(), b.expected.output.trimEnd(), `${b.id} stdout`);
      }
      const withExp = lesson.blocks.filter((b) => b.expected).length;
      assert.match(await page.locator("#badge-match").innerText(), new RegExp(`${withExp} of ${withExp}|${withExp} න් ${withExp}`));
      // the backward graph of the current cell, and each picture of the lesson
      await page.waitForSelector("#graph svg", { timeout: 30000 });
      for (const p of lesson.blocks.filter((b) => b.kind === "picture")) {
        await page.waitForFunction((id) => document.querySelector(`[data-picture="${id}"]`)?.dataset.drawn === "1", p.id, { timeout: 30000 });
        assert.ok(await page.locator(`[data-picture="${p.id}"] svg`).count(), `picture ${p.id} drew`);
      }
      if (lang !== "both") {
        await page.screenshot({ path: path.join(shots, `course-${entry.n}-${entry.id}-${lang}-1280x800.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(shots, `course-${entry.n}-${entry.id}-${lang}-390x844.png`) });
      }
    }
    assert.deepEqual(errors, []);
  });
}

test("previous / next and the course map link move through the course; the language stays", async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${h.url}#/lesson/1?lang=si`);
  await page.reload();
  await shown(LESSONS[0].id);
  assert.equal(await page.locator(".lesson-nav [data-nav=prev]").count(), 0, "lesson 1 has no previous");
  for (const next of LESSONS.slice(1)) {
    await page.locator(".lesson-nav.bottom [data-nav=next]").click();
    await shown(next.id);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/lesson/${next.n}\\?lang=si$`));
    assert.equal(await page.evaluate(() => document.body.dataset.lang), "si");
    assert.match(await page.locator(".lesson-nav.top").innerText(), new RegExp(`${LESSONS.length} න් ${next.n}`));
  }
  assert.equal(await page.locator(".lesson-nav [data-nav=next]").count(), 0, "the last lesson has no next");
  await page.locator(".lesson-nav.bottom [data-nav=prev]").click();
  await shown(LESSONS.at(-2).id);
  await page.locator(".lesson-nav.top [data-nav=map]").click();
  await shown("map");
  await page.locator(`.map-item a[data-lesson="${LESSONS[1].id}"]`).click();
  await shown(LESSONS[1].id);
  // the browser's Back returns to the map
  await page.goBack();
  await shown("map");
  assert.deepEqual(errors, []);
});

test("the sliders of lesson 1's picture change the engine's numbers", async () => {
  await openLesson(1, "en");
  const pic = page.locator('[data-picture="secant"]');
  const before = await pic.locator(".secant-value").innerText();
  await pic.locator('input[type="range"]').nth(1).fill("7"); // h = 0.001
  await page.waitForFunction((b) => document.querySelector('[data-picture="secant"] .secant-value')?.textContent !== b, before);
  const q = Number((await pic.locator(".secant-value").innerText()).split("=").pop());
  const g = Number((await pic.locator(".tangent-value").innerText()).split("=").pop());
  assert.ok(Math.abs(q - g) < 0.01, `a small h brings the secant's gradient ${q} to x.grad ${g}`);
  assert.deepEqual(errors, []);
});

test("lesson 5's picture: Play replays the engine's steps, Pause stops them, a large learning rate diverges", async () => {
  await openLesson(5, "en");
  const pic = page.locator('[data-picture="fit"]');
  const lossAt = async () => Number((await pic.locator(".fit-loss").innerText()).split("=").pop());
  const step = () => pic.locator('input[id$="-step"]').inputValue().then(Number);
  const settled = await lossAt();
  assert.equal(await step(), 39, "opens on the last step");
  await pic.locator(".fit-play").click(); // from the start again
  await page.waitForFunction(() => Number(document.querySelector('[data-picture="fit"] input[id$="-step"]').value) >= 5);
  await pic.locator(".fit-play").click(); // pause (a slow machine may have played on to the end)
  const paused = await step();
  assert.ok(paused >= 5, `paused at step ${paused}`);
  await page.waitForTimeout(400);
  assert.equal(await step(), paused, "Pause keeps the step");
  await pic.locator('input[id$="-step"]').fill("0");
  assert.ok((await lossAt()) > settled, "step 0 has a larger loss than the last step");
  await pic.locator('input[id$="-lr"]').fill("1.2");
  await page.waitForFunction((p) => Number(document.querySelector('[data-picture="fit"] .fit-loss')?.textContent.split("=").pop()) > 1000, null, { timeout: 20000 });
  assert.deepEqual(errors, []);
});

test("lesson 6's picture: Play, Pause and Step through the engine's training; a new width trains again", async () => {
  await openLesson(6, "en");
  const pic = page.locator('[data-picture="classify"]');
  const stepNow = async () => Number((await pic.locator(".cls-step-n").innerText()).split("=").pop());
  const lossNow = async () => Number((await pic.locator(".cls-loss").innerText()).split("=").pop());
  assert.equal(await stepNow(), 200, "opens on the trained network");
  const trained = await lossNow();
  await pic.locator(".cls-reset").click();
  assert.equal(await stepNow(), 0);
  assert.ok((await lossNow()) > trained, "the untrained network has the larger loss");
  await pic.locator(".cls-step").click();
  assert.equal(await stepNow(), 10, "Step moves one frame (10 training steps)");
  await pic.locator(".cls-play").click();
  await page.waitForFunction(() => Number(document.querySelector('[data-picture="classify"] .cls-step-n').textContent.split("=").pop()) >= 50);
  await pic.locator(".cls-play").click(); // Pause
  const paused = await stepNow();
  await page.waitForTimeout(500);
  assert.equal(await stepNow(), paused, "Pause keeps the frame");
  await pic.locator("select[id$=-width]").selectOption("2");
  await page.waitForFunction(() => Number(document.querySelector('[data-picture="classify"] .cls-step-n')?.textContent.split("=").pop()) >= 20, null, { timeout: 30000 });
  assert.equal(await pic.getAttribute("data-drawn"), "1");
  assert.deepEqual(errors, []);
});

test("lesson 7's picture: the three optimizers' paths, played step by step", async () => {
  await openLesson(7, "en");
  const pic = page.locator('[data-picture="landscape"]');
  assert.equal(await pic.locator("polyline.land-path").count(), 3);
  // the picture's end points are the lesson cells' results (the same engine, the same steps)
  const at = async (name) => (await pic.locator(`[data-optimizer="${name}"]`).innerText()).match(/\(([-\d.]+), ([-\d.]+)\)/).slice(1).map(Number);
  const [mx, my] = await at("momentum");
  assert.ok(Math.abs(mx - 0.9335) < 0.001 && Math.abs(my - 0.8711) < 0.001, `momentum ends at (${mx}, ${my})`);
  await pic.locator('input[id$="-step"]').fill("0");
  const [sx, sy] = await at("SGD");
  assert.ok(sx === -1.5 && sy === 2, "step 0: every path at the start (-1.5, 2)");
  await pic.locator(".land-play").click();
  await page.waitForFunction(() => Number(document.querySelector('[data-picture="landscape"] input[id$="-step"]').value) >= 50);
  await pic.locator(".land-play").click(); // pause
  const k = Number(await pic.locator('input[id$="-step"]').inputValue());
  await page.waitForTimeout(300);
  assert.equal(Number(await pic.locator('input[id$="-step"]').inputValue()), k, "Pause keeps the step");
  assert.notDeepEqual(await at("SGD"), [-1.5, 2], "the paths moved");
  assert.deepEqual(errors, []);
});
