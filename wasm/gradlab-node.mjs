// gradlab-node.mjs — loads the Embind module in Node (tests, scripts).
// Emscripten 3.1.6 + Node 20's global fetch fail to load the .wasm by URL, so we hand it the
// bytes (TOOLCHAIN.md). The classic MODULARIZE output is loaded with require().
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradlab } from "./gradlab.mjs";

export * from "./gradlab.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWasmDir = path.resolve(process.env.GRADLAB_WASM_DIR || path.join(here, "..", "build", "wasm"));

export async function loadGradlabNode(dir = defaultWasmDir) {
  const require = createRequire(import.meta.url);
  dir = path.resolve(dir);
  const factory = require(path.join(dir, "gradlab_web.js"));
  const wasmBinary = readFileSync(path.join(dir, "gradlab_web.wasm"));
  return loadGradlab(factory, { wasmBinary, print: () => {}, printErr: () => {} });
}
