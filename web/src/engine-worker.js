// The engine's Web Worker: loads the Embind module (gradlab_web.js/.wasm, copied beside this
// script) and runs cells for the page, so a runaway cell never freezes the page — the page ends
// it by terminating this worker and starting a fresh one.
//
// Messages in:  {id, op: "run", code} | {id, op: "reset"} | {id, op: "script", code}
//               | {id, op: "preview", code: name, name: expected value}  (a preview of name.backward())
//               | {id, op: "bench", code, name, options}
//   "run" uses the notebook's session; "script" runs in a separate scratch session (reset first),
//   used for the tangent plot so the notebook's own variables are never touched. "bench" times a
//   benchmark workload (the text of bench/W*.py) in a fresh interpreter of its own, inside wasm
//   (gradlab.mjs benchmark(); options: minReps, maxReps, seconds, warmup). The speed panel runs
//   it in a second instance of this worker, so a benchmark never holds up the lesson's cells.
// Messages out: {type: "ready", version} | {type: "failed", message} | {id, ok, result|message}
//               | {id, type: "progress", text}  (what a running "run" cell printed so far, streamed)
import { loadGradlab } from "../../wasm/gradlab.mjs";

importScripts("gradlab_web.js"); // defines the global createGradlab (classic MODULARIZE output)

let running = null; // the id of the "run" message being answered (its printed text streams)
const ready = loadGradlab(self.createGradlab, { print: () => {}, printErr: () => {} }).then(
  (gl) => {
    const main = gl.createSession();
    main.setProgressListener((text) => running && self.postMessage({ id: running, type: "progress", text }));
    self.postMessage({ type: "ready", version: gl.version });
    return { gl, main, scratch: null };
  },
  (err) => {
    self.postMessage({ type: "failed", message: String(err && err.message ? err.message : err) });
    throw err;
  },
);

self.onmessage = async (ev) => {
  const { id, op, code, name, options } = ev.data;
  let state;
  try {
    state = await ready;
  } catch (err) {
    self.postMessage({ id, ok: false, message: String(err) });
    return;
  }
  try {
    let result = null;
    if (op === "run") {
      running = id;
      try {
        result = state.main.run(code);
      } finally {
        running = null;
      }
    } else if (op === "preview") {
      result = state.main.previewBackward(code, name ?? "");
    } else if (op === "reset") {
      state.main.reset();
    } else if (op === "script") {
      state.scratch ??= state.gl.createSession();
      state.scratch.reset();
      result = state.scratch.runScript(code, "<plot>");
    } else if (op === "bench") {
      result = state.gl.benchmark(code, { ...options, filename: name || "<workload>" });
    } else {
      throw new Error(`unknown op ${op}`);
    }
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, message: String(err && err.message ? err.message : err) });
  }
};
