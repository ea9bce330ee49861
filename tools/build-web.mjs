#!/usr/bin/env node
// Builds the page into build/web/: a static folder that works offline from any static host.
//   node tools/build-web.mjs [--wasm-dir build/wasm] [--out build/web] [--dev]
// Bundles web/src with esbuild (main page as ESM with lazy chunks, the two workers as classic
// scripts), copies index.html, the Noto Sans Sinhala font files, the engine (gradlab_web.js +
// gradlab_web.wasm from the wasm build) and the benchmark workloads (bench/workloads/W*.py →
// bench/, listed in bench/index.json) that the speed panel fetches as text.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = path.resolve(root, arg("--out", "build/web"));
const wasmDir = path.resolve(root, arg("--wasm-dir", process.env.GRADLAB_WASM_DIR || "build/wasm"));
const dev = process.argv.includes("--dev");

for (const f of ["gradlab_web.js", "gradlab_web.wasm"]) {
  if (!existsSync(path.join(wasmDir, f))) {
    console.error(`build-web: ${path.join(wasmDir, f)} is missing — build the wasm module first:\n` +
      `  emcmake cmake --preset wasm && cmake --build build/wasm --target gradlab_web`);
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "assets"), { recursive: true });

// CodeMirror adds its styles as a <style> element: the CSP allows it by this build's nonce
// (imported markdown can never add a <style>: DOMPurify removes them).
const styleNonce = randomBytes(18).toString("base64");

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? "inline" : false,
  target: ["chrome100", "firefox100", "safari15.4"],
  legalComments: "none",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"', __STYLE_NONCE__: JSON.stringify(styleNonce) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { main: path.join(root, "web/src/main.js") },
    outdir: path.join(out, "assets"),
    format: "esm",
    splitting: true,
    chunkNames: "chunk-[hash]",
    assetNames: "fonts/[name]",
    loader: { ".woff2": "file", ".woff": "file" },
  }),
  build({
    ...common,
    entryPoints: [path.join(root, "web/src/engine-worker.js")],
    outfile: path.join(out, "engine-worker.js"),
    format: "iife",
  }),
  build({
    ...common,
    entryPoints: [path.join(root, "web/src/markdown-worker.js")],
    outfile: path.join(out, "assets/markdown-worker.js"),
    format: "iife",
  }),
  build({
    ...common,
    entryPoints: [path.join(root, "web/src/graph-worker.js")],
    outfile: path.join(out, "assets/graph-worker.js"),
    format: "iife",
  }),
]);

// index.html's Content-Security-Policy allows its one inline script by hash: compute it here so
// an edit to that script can never be silently blocked (or need 'unsafe-inline').
{
  let page = readFileSync(path.join(root, "web/index.html"), "utf8");
  const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length !== 1 || !page.includes("'sha256-BOOT_HASH'")) {
    console.error("build-web: index.html must have exactly one inline <script> and the CSP placeholder 'sha256-BOOT_HASH'");
    process.exit(1);
  }
  page = page.replace("'sha256-BOOT_HASH'", `'sha256-${createHash("sha256").update(inline[0]).digest("base64")}'`);
  if (!page.includes("'nonce-STYLE_NONCE'")) {
    console.error("build-web: index.html's CSP lacks the style-src placeholder 'nonce-STYLE_NONCE'");
    process.exit(1);
  }
  page = page.replace("'nonce-STYLE_NONCE'", `'nonce-${styleNonce}'`);
  writeFileSync(path.join(out, "index.html"), page);
}
for (const f of ["gradlab_web.js", "gradlab_web.wasm"]) cpSync(path.join(wasmDir, f), path.join(out, f));
// The speed panel's workloads: the very files `gradlab bench` times natively.
const workloadsDir = path.join(root, "bench/workloads");
const workloads = readdirSync(workloadsDir).filter((f) => /^W\d+_[\w-]+\.py$/.test(f)).sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1)));
if (!workloads.length) {
  console.error(`build-web: no workloads (W*.py) in ${workloadsDir}`);
  process.exit(1);
}
mkdirSync(path.join(out, "bench"), { recursive: true });
const index = workloads.map((file) => {
  cpSync(path.join(workloadsDir, file), path.join(out, "bench", file));
  const first = readFileSync(path.join(workloadsDir, file), "utf8").split("\n")[0];
  return { id: file.split("_")[0], file, title: first.replace(/^#\s*/, "").trim() };
});
writeFileSync(path.join(out, "bench/index.json"), JSON.stringify(index, null, 1) + "\n");

writeFileSync(path.join(out, "LICENSES.txt"),
  "gradlab page bundle. Third-party parts: CodeMirror 6 (MIT), @hpcc-js/wasm-graphviz (Apache-2.0; Graphviz EPL),\n" +
  "marked (MIT), DOMPurify (Apache-2.0 or MPL-2.0), Noto Sans Sinhala via @fontsource (SIL OFL 1.1).\n");

// The page must not reach outside its folder: no http(s) resources in what it loads.
const html = readFileSync(path.join(out, "index.html"), "utf8");
if (/<(script|link)[^>]+(src|href)="https?:/.test(html)) {
  console.error("build-web: index.html refers to an external resource");
  process.exit(1);
}
console.log(`build-web: wrote ${path.relative(process.cwd(), out) || "."}`);
