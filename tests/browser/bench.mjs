#!/usr/bin/env node
// Page benchmark: navigation → first live result (an engine-computed Out shown in a cell) in
// headless Chromium, and the gzipped size of the wasm + JS the page loads (fonts aside).
//   node tests/browser/bench.mjs [--runs 5] [--check]
// Targets: first live result < 1000 ms; wasm + JS before the first result ≤ 600 KB gzipped.
// The Graphviz worker (graph layout) is loaded after the first result and reported apart.
// Writes build/bench/page.json. --check exits 1 when a target is missed.
import { readFileSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { open, missing, root, webDir } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf("--runs") + 1]) || 5;
const check = argv.includes("--check");
const why = missing();
if (why) {
  console.error(`bench: ${why}`);
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const samples = [];
let loaded = new Map(); // path → ms after navigation start when requested
for (let i = 0; i < runs; i++) {
  const h = await open({ viewport: { width: 1280, height: 800 } });
  const requested = new Map();
  const t0 = Date.now();
  h.page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (r.url().startsWith(h.url) && !requested.has(p)) requested.set(p, Date.now() - t0);
  });
  await h.page.goto(`${h.url}${lessonHash(SEED_LESSON)}`);
  await h.page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
  await h.page.waitForSelector("#graph svg", { timeout: 30000 }).catch(() => {});
  const m = await h.page.evaluate(() => {
    const d = document.documentElement.dataset;
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      firstResultMs: Number(d.firstResultMs),
      lessonReadyMs: Number(d.lessonReadyMs),
      engineReadyMs: Number(d.engineReadyMs),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
    };
  });
  samples.push(m);
  loaded = requested;
  await h.close();
}

// Sizes of what the page loaded, from the files themselves.
const sizes = { critical: { raw: 0, gz: 0, files: [] }, deferred: { raw: 0, gz: 0, files: [] }, css: { raw: 0, gz: 0, files: [] }, fonts: { raw: 0, gz: 0, files: [] }, html: { raw: 0, gz: 0, files: [] } };
for (const p of loaded.keys()) {
  const file = path.join(webDir, p === "/" ? "index.html" : decodeURIComponent(p));
  let buf;
  try {
    if (!statSync(file).isFile()) continue;
    buf = readFileSync(file);
  } catch {
    continue;
  }
  const ext = path.extname(file);
  const kind = /\.(woff2?|ttf)$/.test(ext) ? "fonts" : ext === ".css" ? "css" : ext === ".html" ? "html" : /graph-worker/.test(p) ? "deferred" : "critical";
  const gz = gzipSync(buf, { level: 9 }).length;
  sizes[kind].raw += buf.length;
  sizes[kind].gz += gz;
  sizes[kind].files.push({ path: p, raw: buf.length, gz });
}

const result = {
  runs,
  firstResultMs: median(samples.map((s) => s.firstResultMs)),
  lessonReadyMs: median(samples.map((s) => s.lessonReadyMs)),
  engineReadyMs: median(samples.map((s) => s.engineReadyMs)),
  domContentLoadedMs: median(samples.map((s) => s.domContentLoadedMs)),
  samples,
  sizes,
  targets: { firstResultMs: 1000, criticalGzKB: 600 },
};
mkdirSync(path.join(root, "build/bench"), { recursive: true });
writeFileSync(path.join(root, "build/bench/page.json"), JSON.stringify(result, null, 2) + "\n");

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`page benchmark, headless Chromium, median of ${runs} cold loads (build/bench/page.json)`);
console.log(`  navigation → first live result : ${result.firstResultMs} ms   (target < 1000 ms)`);
console.log(`  navigation → whole lesson run  : ${result.lessonReadyMs} ms`);
console.log(`  navigation → engine ready      : ${result.engineReadyMs} ms`);
console.log(`  wasm + JS before first result  : ${kb(sizes.critical.gz)} gzipped (${kb(sizes.critical.raw)} raw)   (target ≤ 600 KB)`);
for (const f of sizes.critical.files) console.log(`      ${f.path.padEnd(40)} ${kb(f.gz).padStart(10)} gz ${kb(f.raw).padStart(10)} raw`);
console.log(`  Graphviz worker, after results : ${kb(sizes.deferred.gz)} gzipped (${kb(sizes.deferred.raw)} raw)`);
console.log(`  CSS ${kb(sizes.css.gz)} gz, HTML ${kb(sizes.html.gz)} gz, fonts ${kb(sizes.fonts.raw)} (woff2, not counted)`);
const ok = result.firstResultMs < 1000 && sizes.critical.gz <= 600 * 1024;
console.log(ok ? "targets met" : "targets MISSED");
if (check && !ok) process.exit(1);
