// gradlab.mjs — the thin, idiomatic JavaScript layer over the Embind module (bindings.cpp).
//
//   const gl = await loadGradlab(createGradlab, { wasmBinary });   // factory from gradlab_web.js
//   const s = gl.createSession();
//   const r = s.run("x = torch.tensor(4.0, requires_grad=True)\nx");
//   // r = { output, result, warnings, error: {type, message, line, column, traceback, text} | null,
//   //       graph: {nodes, edges} | null, focus: [names] }
//   s.dispose();                                                     // frees the C++ Session
//
// Only the Session crosses the boundary as a C++ object; every result is a JSON string, parsed
// here. A Session must be disposed (or used with `using` / `withSession`) or its C++ memory leaks.
// Works in the browser (Web Worker), and in Node through gradlab-node.mjs.

export class Session {
  #module;
  #native;

  constructor(module) {
    this.#module = module;
    this.#native = new module.Session();
  }

  /** Runs a notebook cell; a final expression's repr comes back as `result` (Jupyter's Out). */
  run(code) {
    return parseResult(this.#live().run(String(code)));
  }

  /** Runs a whole script like `python file.py`: no `result`, errors as Python reports them. */
  runScript(code, filename = "<script>") {
    return parseResult(this.#live().runScript(String(code), String(filename)));
  }

  /** Forgets every variable (a kernel restart) without making a new C++ object. */
  reset() {
    this.#live().reset();
  }

  get disposed() {
    return this.#native === null;
  }

  /** Frees the C++ Session. Safe to call twice. */
  dispose() {
    if (this.#native) {
      this.#native.delete();
      this.#native = null;
    }
  }

  [Symbol.dispose]() {
    this.dispose();
  }

  #live() {
    if (!this.#native) throw new Error("gradlab: this Session was disposed");
    return this.#native;
  }
}

/** Turns the engine's JSON reply into a plain object; `error.text` is Python's last line. */
export function parseResult(json) {
  const r = JSON.parse(json);
  const out = {
    output: r.output ?? "",
    result: r.result ?? null,
    warnings: r.warnings ?? "",
    error: r.error ?? null,
    graph: r.graph ?? null,
    focus: r.focus ?? [],
  };
  if (out.error) out.error.text = `${out.error.type}: ${out.error.message}`;
  return out;
}

export class Gradlab {
  #module;
  constructor(module) {
    this.#module = module;
  }
  /** The engine version the module was built from. */
  get version() {
    return this.#module.version();
  }
  createSession() {
    return new Session(this.#module);
  }
  /** Runs `fn(session)` and always frees the session afterwards. */
  withSession(fn) {
    const s = this.createSession();
    try {
      return fn(s);
    } finally {
      s.dispose();
    }
  }
}

/**
 * Instantiates the Embind module. `factory` is `createGradlab` from build/wasm/gradlab_web.js
 * (a classic MODULARIZE script); `options` go to it (e.g. `wasmBinary`, `locateFile`).
 */
export async function loadGradlab(factory, options = {}) {
  const module = await factory(options);
  return new Gradlab(module);
}
