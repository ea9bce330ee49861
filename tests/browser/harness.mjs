// Shared by the browser test and the page benchmark: serve build/web on a free port and drive
// Debian's Chromium with playwright-core (never a downloaded browser), flags from TOOLCHAIN.md.
import { mkdtempSync, rmSync, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../tools/serve.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const webDir = process.env.GRADLAB_WEB_DIR || path.join(root, "build/web");
export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser tests cannot run here, or null. */
export function missing() {
  if (!existsSync(path.join(webDir, "index.html"))) return `${webDir}/index.html missing (build the page first)`;
  if (!existsSync(chromiumPath)) return `${chromiumPath} missing (apt-get install chromium)`;
  return null;
}

/** Starts the static server and a persistent Chromium context. Call close() when done. */
export async function open({ viewport = { width: 1280, height: 800 }, colorScheme = "light", offline = true, bypassCSP = false } = {}) {
  const { server, url } = await serve(webDir, { port: 0 });
  const profile = mkdtempSync(path.join(os.tmpdir(), "gradlab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    bypassCSP, // only the axe-core run sets it, to inject axe into the page
  });
  const external = [];
  if (offline) {
    // The page must work from its own folder: refuse (and record) any request elsewhere.
    await context.route((u) => !u.href.startsWith(url), (route) => {
      external.push(route.request().url());
      route.abort();
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url,
    context,
    page,
    external,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * axe-core's serious and critical violations on the page (axe already injected), each with up to
 * four places and why; `include` (selectors) limits the run to parts of the page.
 */
/** axe-core's source, to inject into a page opened with bypassCSP (npm axe-core). */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Replaces the code of cell `id` as a learner would: click into it, select all, type. */
export async function typeInto(page, id, text) {
  await page.locator(`[data-cell="${id}"] .cm-content`).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

export function seriousViolations(page, include = null) {
  return page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: include.map((s) => [s]) } : document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} — ${n.failureSummary.split("\n").slice(1, 2).join("")}`) }));
  }, include);
}
