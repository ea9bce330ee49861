// Share links and teacher options in real headless Chromium (share.js, share-view.js): a learner
// edits a cell, moves a picture's slider and copies a link; the link opens on a page with other
// saved work and shows the shared cells, slider and language without touching that work; "Back
// to my version" and "Keep this version as mine" do what they say; the teacher options lock
// cells, hide outputs and start on a cell; hostile links give the notice and change nothing; the
// dialog and the shared view are keyboard-usable and axe-clean in both languages.
// Screenshots: build/screenshots/share-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { open, missing, root, axeSource } from "./harness.mjs";
import { lessonByNumber, lessonHash, editsKey } from "../../web/src/lessons/index.js";

const shots = path.join(root, "build", "screenshots");
const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);

const LESSON = lessonByNumber(1); // derivatives: cells c1..c7, the secant picture with x and h sliders
const EDITS = editsKey(LESSON);
const SHARED = `gradlab.v1.shared.${LESSON.id}`;
const TEACHER_C3 = "# the derivative by hand: f'(x) = 3x² - 2\ndef df(x):\n    return 3*x**2 - 2\n\ndf(3.0)";
const VISITOR_C3 = "# mine\ndef df(x):\n    return 3*x**2 - 2\n\ndf(5.0)";
const MINE_AGAIN = VISITOR_C3.replace("# mine", "# mine again");

let h, page;
const errors = [];
const cell = (id) => page.locator(`[data-cell="${id}"]`);
const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`) });
const source = (id) => cell(id).evaluate((e) => e.gradlabCell.source);
const stored = (key) => page.evaluate((k) => localStorage.getItem(k), key);
const waitResult = (id, text) => page.waitForFunction(([id, text]) => document.querySelector(`[data-cell="${id}"] pre.result`)?.textContent === text, [id, text], { timeout: 30000 });

async function waitReady() {
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
}
/**
 * Sets the visitor's saved work from the course map (a lesson page would save its own cells
 * over it when it unloads).
 */
async function setStorage(items) {
  await load(`${h.url}#/`);
  await page.evaluate((items) => {
    for (const [k, v] of Object.entries(items)) v == null ? localStorage.removeItem(k) : localStorage.setItem(k, v);
  }, items);
}
/** A fresh load of `url` (not a hash change), ready when its cells have run. */
async function load(url) {
  await page.goto("about:blank");
  await page.goto(url);
  await waitReady();
}
async function setCode(id, text) {
  await cell(id).locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}
async function secantDrawn() {
  await page.waitForFunction(() => document.querySelector('figure[data-picture="secant"]')?.dataset.drawn === "1", null, { timeout: 30000 });
}
/** Opens the share dialog with the keyboard alone and resolves the link it shows. */
async function openDialogByKeyboard() {
  await page.locator("#btn-share").focus();
  await page.keyboard.press("Enter");
  await page.locator("#share-dialog[open]").waitFor();
  await page.waitForFunction(() => document.querySelector("#share-link")?.value.includes("&share="));
  return page.locator("#share-link").inputValue();
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await h.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(h.url).origin });
  await page.goto(`${h.url}${lessonHash(LESSON)}?lang=en`);
  await waitReady();
});

after(async () => {
  await h?.close();
});

let link;

test("a learner edits a cell, moves a slider and copies a link (keyboard only, Clipboard API)", async () => {
  await setCode("c3", TEACHER_C3);
  await page.keyboard.press("Control+Enter");
  await waitResult("c3", "25.0");
  await secantDrawn();
  await page.locator("#secant-x").evaluate((s) => ((s.value = "1.5"), s.dispatchEvent(new Event("input", { bubbles: true }))));
  await page.locator("#secant-h").evaluate((s) => ((s.value = "5"), s.dispatchEvent(new Event("input", { bubbles: true }))));
  await page.locator('label:has(input[value="si"])').click();
  link = await openDialogByKeyboard();
  assert.match(link, new RegExp(`^${h.url.replace(/[/.]/g, "\\$&")}#/lesson/1\\?lang=si&share=[A-Za-z0-9_-]+$`));
  // the dialog is labelled and takes the keyboard: Tab reaches the options, the link and Copy
  assert.equal(await page.locator("#share-dialog").getAttribute("aria-labelledby"), "share-title");
  assert.match(await page.locator("#share-title").textContent(), /බෙදා ගන්න/);
  await page.locator("#share-copy").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#share-status")?.textContent);
  assert.equal(await page.locator("#share-status").getAttribute("role"), "status");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await shot("share-dialog-si");
  // the language switch sits behind the modal dialog: switch it as its change event would
  await page.evaluate(() => {
    const en = document.querySelector('input[name="lang"][value="en"]');
    en.checked = true;
    en.dispatchEvent(new Event("change"));
  });
  await page.waitForFunction(() => document.querySelector("#share-title")?.textContent === "Share this lesson");
  await shot("share-dialog-en");
  await page.keyboard.press("Escape");
  await page.locator("#share-dialog").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "btn-share", "focus returns to the Share button");
});

test("without the Clipboard API the link is selected for Ctrl+C and the dialog says so", async () => {
  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
  await openDialogByKeyboard();
  await page.locator("#share-copy").click();
  await page.waitForFunction(() => /Ctrl\+C/.test(document.querySelector("#share-status")?.textContent ?? ""));
  const sel = await page.evaluate(() => {
    const f = document.activeElement;
    return f?.id === "share-link" && f.selectionStart === 0 && f.selectionEnd === f.value.length && f.readOnly;
  });
  assert.ok(sel, "the read-only link field has focus with its whole text selected");
  await page.keyboard.press("Escape");
});

test("the link opens on a page with other saved work: shared cells, slider and language; that work is untouched", async () => {
  // the visitor: their own edit of the lesson saved, English remembered
  await setStorage({ [EDITS]: JSON.stringify({ c3: VISITOR_C3 }), "gradlab.v1.lang": "en", [SHARED]: null });
  await load(link);
  assert.equal(await page.locator("body").getAttribute("data-lang"), "si");
  await page.locator("#share-banner").waitFor();
  assert.match(await page.locator("#share-banner").textContent(), /බෙදා ගත් අනුවාදය/);
  assert.equal(await source("c3"), TEACHER_C3);
  await waitResult("c3", "25.0");
  await secantDrawn();
  assert.equal(await page.locator("#secant-x").inputValue(), "1.5");
  assert.equal(await page.locator("#secant-h").inputValue(), "5");
  await page.waitForFunction(() => /h = 0\.05\b/.test(document.querySelector('figure[data-picture="secant"] .plot-numbers')?.textContent ?? ""));
  assert.match(page.url(), /&share=/, "the URL keeps the link, so a reload shows it again");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("share-view-si");
  // an edit in the shared version is saved apart from the visitor's own work
  await setCode("c4", "print('edited in the shared version')");
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes("edited in the shared version"), SHARED);
  assert.deepEqual(JSON.parse(await stored(EDITS)), { c3: VISITOR_C3 });
  // ... and comes back on a reload of the link
  await load(link);
  assert.equal(await source("c4"), "print('edited in the shared version')");
  await page.locator('label:has(input[value="en"])').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("share-view-en");
  // Reset in a shared version drops its edits (not the visitor's own work) and shows the link's
  await page.locator("#btn-reset").click();
  await page.locator("#confirm-yes").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c4"]')?.gradlabCell.source.startsWith("x0 = 2.0"));
  await page.locator("#share-banner").waitFor();
  assert.equal(await source("c3"), TEACHER_C3);
  assert.equal(await stored(SHARED), null);
  assert.deepEqual(JSON.parse(await stored(EDITS)), { c3: VISITOR_C3 });
  // back to my version: the visitor's own cell, the banner gone, the link out of the URL
  await page.locator("#share-banner .share-mine").click();
  await page.waitForFunction(() => !document.querySelector("#share-banner") && !location.hash.includes("share="));
  await waitResult("c3", "73.0");
  assert.equal(await source("c3"), VISITOR_C3);
  assert.equal(await source("c4"), "x0 = 2.0\nfor h in [1.0, 0.1, 0.01, 0.001, 0.0001]:\n    print(h, (f(x0 + h) - f(x0)) / h)");
  assert.deepEqual(JSON.parse(await stored(EDITS)), { c3: VISITOR_C3 });
});

test("keep this version as mine asks first, then makes the shared cells the learner's own", async () => {
  await load(link);
  await setCode("c4", "print('edited in the shared version')");
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes("edited in the shared version"), SHARED);
  await page.locator("#share-banner .share-keep").click();
  await page.locator("#confirm[open]").waitFor();
  await page.locator("#confirm-no").click();
  assert.deepEqual(JSON.parse(await stored(EDITS)), { c3: VISITOR_C3 }, "Cancel keeps the visitor's work");
  await page.locator("#share-banner .share-keep").click();
  await page.locator("#confirm-yes").click();
  await page.waitForFunction(() => !document.querySelector("#share-banner") && !location.hash.includes("share="));
  await waitResult("c3", "25.0");
  const mine = JSON.parse(await stored(EDITS));
  assert.equal(mine.c3, TEACHER_C3);
  assert.equal(mine.c4, "print('edited in the shared version')");
  assert.equal(await stored(SHARED), null);
  await setStorage({ [EDITS]: JSON.stringify({ c3: MINE_AGAIN }) });
});

let teacherLink;
test("teacher options: locked cells are read only, outputs hidden until run, the page starts on cell N", async () => {
  await load(`${h.url}${lessonHash(LESSON)}?lang=en`);
  await openDialogByKeyboard();
  await page.locator("#share-hide").check();
  await page.locator("#share-lock").fill("2-9");
  await page.waitForFunction(() => document.querySelector("#share-lock-error")?.textContent.includes("1 to 7"));
  assert.equal(await page.locator("#share-lock").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#share-link").inputValue(), "", "no link while an option is not valid");
  await page.locator("#share-lock").fill("2-3");
  await page.locator("#share-start").fill("5");
  await page.waitForFunction(() => document.querySelector("#share-link")?.value.includes("&share=") && !document.querySelector("#share-lock-error")?.textContent);
  teacherLink = await page.locator("#share-link").inputValue();
  await page.keyboard.press("Escape");

  await load(teacherLink);
  // starts on cell 5: the current cell, focused and on screen
  await page.waitForFunction(() => document.activeElement?.closest('[data-cell="c5"]'));
  assert.ok(await cell("c5").evaluate((e) => e.classList.contains("is-current")));
  assert.ok(await cell("c5").isVisible());
  // the current cell's picture (its graph holds the values) is hidden with its outputs
  assert.ok(await page.locator("#share-picture-hidden").isVisible());
  assert.equal(await page.locator("#graph").isVisible(), false);
  await shot("share-teacher-en");
  for (const id of ["c2", "c3"]) {
    assert.ok(await cell(id).evaluate((e) => e.classList.contains("is-locked")));
    assert.equal(await cell(id).locator(".cm-content").getAttribute("aria-readonly"), "true");
    assert.match(await cell(id).locator(".share-locked").textContent(), /Locked by the teacher/);
  }
  const before = await source("c3");
  await cell("c3").locator(".cm-content").click();
  await page.keyboard.insertText("oops");
  await page.keyboard.press("Backspace");
  assert.equal(await source("c3"), before, "a locked cell cannot be edited");
  assert.equal(await cell("c4").locator(".cm-content").getAttribute("aria-readonly"), null, "cell 4 is not locked");
  // outputs hidden: the cells ran (c5's value is there) but no output shows until the learner runs it
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.result')?.textContent === "tensor(10.)");
  assert.equal(await cell("c6").locator("pre.result").isVisible(), false);
  assert.ok(await cell("c6").locator(".share-hidden").isVisible());
  // Ctrl+Enter in cell 5 runs it and shows its output; "Show output" shows cell 6's
  assert.equal(await cell("c5").locator("pre.result").isVisible(), false);
  await cell("c5").locator(".cm-content").click();
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c5"] pre.result')?.checkVisibility());
  assert.equal(await cell("c5").locator(".share-hidden").count(), 0);
  assert.ok(await page.locator("#graph").isVisible());
  assert.equal(await page.locator("#share-picture-hidden").isVisible(), false);
  await cell("c6").locator(".share-show").focus();
  await page.keyboard.press("Enter");
  assert.ok(await cell("c6").locator("pre.result").isVisible());
  assert.ok(await page.evaluate(() => document.activeElement?.matches('[data-cell="c6"] .outputs')), "the focus lands on what was shown");
  assert.equal(await cell("c7").locator("pre.stdout").isVisible(), false);
  await page.locator('label:has(input[value="si"])').click();
  assert.match(await cell("c2").locator(".share-locked").textContent(), /ගුරුවරයා/);
  await cell("c3").evaluate((e) => e.scrollIntoView({ block: "center" }));
  await shot("share-teacher-si");
  assert.deepEqual(JSON.parse(await stored(EDITS)), { c3: MINE_AGAIN }, "the visitor's work is untouched");
});

test("other pictures' settings travel too: lesson 4's reduction and lesson 5's learning rate and step", async () => {
  await setStorage({ "gradlab.v1.lang": "en" });
  await load(`${h.url}${lessonHash(lessonByNumber(4))}?lang=en`);
  await page.locator('figure[data-picture="shapes"] button[data-reduction="dim1"]').click();
  const link4 = await openDialogByKeyboard();
  await page.keyboard.press("Escape");
  await load(`${h.url}${lessonHash(lessonByNumber(5))}?lang=en`);
  await page.waitForFunction(() => document.querySelector('figure[data-picture="fit"]')?.dataset.drawn === "1", null, { timeout: 30000 });
  await page.locator("#fit-lr").evaluate((s) => ((s.value = "0.5"), s.dispatchEvent(new Event("input", { bubbles: true }))));
  await page.locator("#fit-step").evaluate((s) => ((s.value = "3"), s.dispatchEvent(new Event("input", { bubbles: true }))));
  const link5 = await openDialogByKeyboard();
  await page.keyboard.press("Escape");

  await load(link4);
  await page.waitForFunction(() => document.querySelector('figure[data-picture="shapes"] button[data-reduction="dim1"]')?.getAttribute("aria-pressed") === "true", null, { timeout: 30000 });
  assert.equal(await page.locator('figure[data-picture="shapes"] button[data-reduction="dim0"]').getAttribute("aria-pressed"), "false");
  await load(link5);
  await page.waitForFunction(() => document.querySelector("#fit-lr")?.value === "0.5" && document.querySelector("#fit-step")?.value === "3", null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('figure[data-picture="fit"]')?.dataset.drawn === "1", null, { timeout: 30000 });
  assert.equal(await page.locator('figure[data-picture="fit"] output[for="fit-lr"]').textContent(), "0.5");
});

const HOSTILE = [
  ["not base64", "!!!<img src=x onerror=alert(1)>"],
  ["cut short", () => teacherLink.split("&share=")[1].slice(0, 40)],
  ["a zip bomb", () => Buffer.from(deflateRawSync(Buffer.alloc(48 * 1024 * 1024, 32), { level: 9 })).toString("base64url")],
  ["another lesson's cells with script-like text", () => Buffer.from(deflateRawSync(Buffer.from(JSON.stringify({ v: 1, lesson: "backprop", cells: ["<script>document.title='pwned'</script>"] })))).toString("base64url")],
  ["the wrong number of cells", () => Buffer.from(deflateRawSync(Buffer.from(JSON.stringify({ v: 1, lesson: LESSON.id, cells: ["print('pwned')"] })))).toString("base64url")],
];

test("hostile links show the notice in the page's language, run nothing of theirs and change nothing", async () => {
  const own = await stored(EDITS);
  for (const [what, make] of HOSTILE) {
    const text = typeof make === "function" ? make() : make;
    for (const lang of ["en", "si"]) {
      await load(`${h.url}${lessonHash(LESSON)}?lang=${lang}&share=${encodeURIComponent(text)}`);
      await page.locator("#notice:not([hidden])").waitFor({ timeout: 10000 });
      const notice = await page.locator("#notice").textContent();
      assert.match(notice, lang === "en" ? /This share link could not be opened: .*Your own work is unchanged/ : /සබැඳිය විවෘත කළ නොහැකි විය/, `${what} (${lang})`);
      assert.equal(await page.locator("#notice .notice-export").count(), 0);
      assert.equal(await page.locator("#share-banner").count(), 0, what);
      assert.equal(await source("c3"), MINE_AGAIN, `${what}: the learner's own version is shown`);
      assert.doesNotMatch(await page.locator("#notebook").innerText(), /pwned/, what);
      assert.notEqual(await page.title(), "pwned");
      assert.equal(await stored(EDITS), own, what);
      assert.doesNotMatch(page.url(), /share=/, `${what}: the bad link leaves the URL`);
      if (what === "a zip bomb") await shot(`share-hostile-${lang}`);
    }
  }
  // a link to a lesson the course does not have: the course map, with the notice
  await load(`${h.url}#/lesson/99?lang=en&share=${teacherLink.split("&share=")[1]}`);
  await page.locator("#notice:not([hidden])").waitFor({ timeout: 10000 });
  assert.match(await page.locator("#notice").textContent(), /could not be opened: it names no lesson of this course/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.shown), "map");
  assert.doesNotMatch(page.url(), /share=/);
  await load(`${h.url}${lessonHash(LESSON)}?lang=en`);
  // the page still answers: a cell runs
  await cell("c3").locator(".run-btn").click();
  await waitResult("c3", "73.0");
  assert.deepEqual(errors, []);
});

test("axe-core: the share dialog and a shared view with teacher options, in English and Sinhala", async () => {
  await h.close();
  h = await open({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  page = h.page;
  const found = [];
  const axe = async (where) => {
    const res = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }));
    });
    for (const v of res) found.push({ where, ...v });
  };
  await page.goto(teacherLink.replace(/^http:\/\/[^/]+\//, h.url));
  await waitReady();
  await page.locator("#share-banner").waitFor();
  await page.evaluate(axeSource);
  for (const lang of ["en", "si"]) {
    await page.locator(`input[name="lang"][value="${lang}"]`).check({ force: true });
    await axe(`shared view ${lang}`);
    await page.locator("#btn-share").click();
    await page.locator("#share-lock").fill(""); // the dialog keeps its options between openings
    await page.waitForFunction(() => document.querySelector("#share-link")?.value.includes("&share="));
    await axe(`share dialog ${lang}`);
    await page.locator("#share-lock").fill("x");
    await page.waitForFunction(() => document.querySelector("#share-lock-error")?.textContent);
    await axe(`share dialog with a wrong option ${lang}`);
    await page.keyboard.press("Escape");
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 1));
  // on a phone the banner and the dialog fit the width
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("#btn-share").click();
  await page.locator("#share-lock").fill("1-2");
  await page.waitForFunction(() => document.querySelector("#share-link")?.value.includes("&share="));
  const box = await page.locator("#share-dialog").boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the dialog fits (${box.x}, ${box.width})`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling");
  await shot("share-dialog-si-390x844");
  await page.keyboard.press("Escape");
  await page.locator("#share-banner").screenshot({ path: path.join(shots, "share-banner-si-390x844.png") });
});
