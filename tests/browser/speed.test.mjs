// The speed panel (issue 6) in headless Chromium: opened from the toolbar by keyboard, W1 and W5
// timed in the speed worker (few repetitions: ?speedReps=&speedSeconds=), numbers and the
// reference columns shown, Stop ends a run while the lesson's engine keeps working, phone width.
// Run: node --test tests/browser/   (after building the page). Screenshots: build/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { open, missing, root } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const shots = path.join(root, "build", "screenshots");
const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);

let h, page;
const errors = [];
const notFound = [];
const shot = (name, opts = {}) => page.screenshot({ path: path.join(shots, `${name}.png`), ...opts });
const row = (id) => page.locator(`#speed tr[data-workload="${id}"]`);

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  if (process.env.GRADLAB_DEBUG) page.on("console", (m) => console.error(`console.${m.type()}: ${m.text()}`));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && notFound.push(new URL(r.url()).pathname));
  await page.goto(`${h.url}?speedReps=5&speedSeconds=0.2${lessonHash(SEED_LESSON)}`);
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
});

after(async () => {
  await h?.close();
});

test("the Speed button opens the panel from the keyboard; the reference columns are labelled", async () => {
  const btn = page.locator("#btn-speed");
  assert.equal(await btn.textContent(), "Speed");
  assert.equal(await btn.getAttribute("aria-expanded"), "false");
  await btn.focus();
  await page.keyboard.press("Enter");
  await page.locator("#speed").waitFor({ state: "visible" });
  assert.equal(await btn.getAttribute("aria-expanded"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "speed-title", "focus moves to the panel");
  await page.locator('#speed tr[data-workload="W6"]').waitFor();
  assert.equal(await page.locator("#speed tbody tr").count(), 6, "W1–W6 listed (bench/index.json)");
  const head = await page.locator("#speed thead").innerText();
  assert.match(head, /measured on a 2-vCPU server, not your machine/);
  assert.match(head, /TF\.js 4\.22 wasm · Chromium/);
  assert.match(head, /the fair comparison/);
  assert.match(head, /PyTorch 1\.13/);
  // PEERS.md figures, formatted.
  assert.match(await row("W1").innerText(), /120 µs[\s\S]*56\.0 µs/);
  assert.match(await row("W3").innerText(), /395 ms[\s\S]*8\.33 ms/);
  assert.match(await row("W5").innerText(), /330 ms[\s\S]*74\.2 ms/);
  // W6 has no peer figure in PEERS.md: its reference cells say so with a dash.
  assert.match(await row("W6").innerText(), /100 training steps[\s\S]*—[\s\S]*—/);
  // Escape closes and gives focus back to the button; Enter opens again.
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#speed").isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "btn-speed");
  await page.keyboard.press("Enter");
  await page.locator("#speed").waitFor({ state: "visible" });
});

test("W1 and W5 run in the speed worker and their times appear", async () => {
  for (const id of ["W1", "W5"]) {
    // Keyboard: Tab to the row's Run button and press it.
    await row(id).locator(".speed-run-one").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((w) => {
      const s = document.querySelector(`#speed tr[data-workload="${w}"]`)?.dataset.state;
      return s === "done" || s === "error";
    }, id, { timeout: 60000 });
    assert.equal(await row(id).getAttribute("data-state"), "done", await row(id).innerText());
    assert.equal(await page.evaluate(() => document.activeElement?.closest("tr")?.dataset.workload), id, "focus back on the row's Run button");
  }
  const median = async (id) => row(id).locator(".speed-median .speed-time").textContent();
  const spread = async (id) => row(id).locator(".speed-spread .speed-range").textContent();
  const us = (s) => {
    const m = /^([\d.]+) (µs|ms|s)$/.exec(s.trim());
    assert.ok(m, `a time: ${s}`);
    return Number(m[1]) * { µs: 1, ms: 1e3, s: 1e6 }[m[2]];
  };
  const w1 = us(await median("W1"));
  const w5 = us(await median("W5"));
  assert.ok(w1 > 0.1 && w1 < 50000, `W1 ${w1} µs`);
  assert.ok(w5 > 100 && w5 < 30e6, `W5 ${w5} µs`);
  assert.ok(w5 > w1, "10,000 scalar ops take longer than the seed's dozen");
  const [lo, hi] = (await spread("W5")).split(" – ").map(us);
  assert.ok(lo <= w5 && w5 <= hi, `p10 ≤ median ≤ p90: ${lo} ${w5} ${hi}`);
  assert.equal(await row("W1").getAttribute("data-check"), "573.0", "W1's check value (x.grad + sum of grads)");
  assert.equal(await row("W5").getAttribute("data-check"), "6.0");
  assert.match(await row("W5").locator(".speed-spread small").textContent(), /^\d+( × \d+)? runs$/);
  assert.equal(await row("W2").getAttribute("data-state"), "idle", "only the asked-for rows ran");
  assert.match(await page.locator("#speed .speed-status").textContent(), /Done: 1 workload in [\d.]+ s\./);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("speed-1280x800");
  await page.locator("#speed").screenshot({ path: path.join(shots, "speed-panel-1280.png") });
});

test("Stop ends a run at once; the lesson's engine keeps working", async () => {
  await page.locator("#speed .speed-run").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#speed .speed-run").isDisabled(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), "speed-stop", "Stop takes the focus");
  // The lesson's cells still run while the speed worker works (a worker of their own).
  await page.locator('[data-cell="c9"] .run-btn').click();
  // W3 (three 512×512 matmuls a step) runs for a while: stop it there, as soon as it starts, so
  // that a busy machine cannot let it finish first.
  await page.waitForFunction(() => document.querySelector('#speed tr[data-workload="W3"]')?.dataset.state === "running", null, { timeout: 60000, polling: 10 });
  await page.locator("#speed .speed-stop").click();
  assert.equal(await row("W2").getAttribute("data-state"), "done");
  assert.match(await page.locator("#speed .speed-status").textContent(), /Stopped\./);
  assert.equal(await row("W3").getAttribute("data-state"), "stopped");
  assert.equal(await row("W4").getAttribute("data-state"), "idle", "not reached: back to how it was");
  assert.equal(await row("W5").getAttribute("data-state"), "done", "not reached: the earlier result stays");
  assert.equal(await row("W5").getAttribute("data-check"), "6.0");
  assert.equal(await page.locator("#speed .speed-run").isEnabled(), true);
  assert.equal(await page.locator("#speed .speed-stop").isDisabled(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), "speed-run", "focus on Run after Stop");
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"]')?.dataset.state === "done", null, { timeout: 30000 });
  assert.equal(await page.locator('[data-cell="c9"] pre.result').textContent(), "16");
  // A fresh speed worker after the stop: W1 runs again.
  await row("W1").locator(".speed-run-one").click();
  await page.waitForFunction(() => document.querySelector('#speed tr[data-workload="W1"]')?.dataset.state === "done", null, { timeout: 60000 });
  assert.equal(await row("W1").getAttribute("data-check"), "573.0");
  await page.locator("#speed").scrollIntoViewIfNeeded();
  await shot("speed-stopped-1280x800");
});

test("Sinhala labels keep their zero width joiners; both languages side by side", async () => {
  await page.locator('input[name="lang"][value="si"]').check({ force: true });
  const head = await page.locator("#speed thead").innerText();
  assert.match(head, /මධ්\u200Dයස්ථය/);
  assert.match(head, /ඔබගේ පරිගණකයේ නොව, 2-vCPU server එකක මැනූ ඒවා/);
  assert.equal(await page.locator("#btn-speed").textContent(), "වේගය");
  assert.match(await row("W3").innerText(), /න්\u200Dයාස ගුණිතය/);
  await shot("speed-si-1280x800");
  await page.locator('input[name="lang"][value="both"]').check({ force: true });
  const intro = await page.locator("#speed .speed-intro").innerText();
  assert.match(intro, /Web Worker of their own/);
  assert.match(intro, /වෙනම Web Worker එකක/);
  await page.locator('input[name="lang"][value="en"]').check({ force: true });
});

test("phone width: the table becomes cards with labelled values", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#speed").scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  const label = await row("W1").locator("td.speed-ref").first().evaluate((e) => getComputedStyle(e, "::before").content);
  assert.match(label, /TF\.js.*2-vCPU server/);
  await row("W1").scrollIntoViewIfNeeded();
  await shot("speed-390x844");
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("dark mode", async () => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator("#speed").scrollIntoViewIfNeeded();
  await shot("speed-dark-1280x800");
  await page.emulateMedia({ colorScheme: "light" });
});

test("nothing was loaded from outside the page's folder; no page errors", () => {
  assert.deepEqual(h.external, []);
  assert.deepEqual(notFound, []);
  assert.deepEqual(errors, []);
});
