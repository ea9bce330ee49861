// gradlab.mjs — the thin, idiomatic JavaScript layer over the Embind module (bindings.cpp).
//
//   const gl = await loadGradlab(createGradlab, { wasmBinary });   // factory from gradlab_web.js
//   const s = gl.createSession();
//   const r = s.run("x = torch.tensor(4.0, requires_grad=True)\nx");
//   // r = { output, result, warnings, error: {type, message, line, column, traceback, text} | null,
//   //       graph: {nodes, edges, passes?, dropped_passes?} | null, focus: [names] }  (wasm/session.h)
//   s.dispose();                                                     // frees the C++ Session
//
//   const c = s.compile("y = x * 2\ny");   // parse once …
//   c.run(); c.run();                      // … run many times (same result object as run())
//   c.dispose();                           // frees it (s.reset() and s.dispose() free all)
//
//   gl.benchmark(workloadText, { maxReps: 50, seconds: 1 });        // one bench/workloads/*.py,
//   // timed in wasm in a fresh interpreter: { check, median_us, p10_us, p90_us, reps, … }
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

  /**
   * A preview of `name`.backward() for "Step through backward": the engine runs the pass without
   * changing anything (no .grad written, no hooks, the graph kept) and answers like run(), with
   * the traced pass (marked "preview") in `graph.passes`. With `expectedValue` (the tensor's
   * "value" in the cell's graph), a tensor that a later cell changed gives error type "StaleCell".
   */
  previewBackward(name, expectedValue = "") {
    return parseResult(this.#live().previewBackward(String(name), String(expectedValue)));
  }

  /**
   * Streams what a running cell prints: `fn(text)` gets the text printed since its previous
   * call, at most every 100 ms, while run()/runCompiled() runs; the result still has all of it.
   * null turns it off.
   */
  setProgressListener(fn) {
    this.#live().setProgressListener(fn ?? null);
  }

  /** Forgets every variable (a kernel restart) without making a new C++ object; frees compiled cells. */
  reset() {
    this.#live().reset();
  }

  /**
   * Parses and resolves `code` once; the returned Compiled runs it again and again in this session
   * (`display` as run(): the last expression's repr is `result`). A SyntaxError comes back as
   * `compiled.error` (and every run() of it returns that error). Dispose it, or reset()/dispose()
   * the session, to free it.
   */
  compile(code, filename = "<cell>", { display = true } = {}) {
    const r = JSON.parse(this.#live().compile(String(code), String(filename)));
    if (r.error) r.error.text = `${r.error.type}: ${r.error.message}`;
    return new Compiled(this, r.id, r.error, display);
  }

  /** How many compiled cells this session holds (the leak tests use it). */
  get compiledCount() {
    return this.#live().compiledCount();
  }

  /** @internal */
  _runCompiled(id, display) {
    return parseResult(this.#live().runCompiled(id, !!display));
  }
  /** @internal */
  _release(id) {
    return this.#native ? this.#native.release(id) : false;
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

/** A parsed cell held by its Session (Session.compile). */
export class Compiled {
  #session;
  #id;
  #display;
  constructor(session, id, error, display) {
    this.#session = session;
    this.#id = id;
    this.#display = display;
    this.error = error ?? null;
  }
  get id() {
    return this.#id;
  }
  /** Runs the parsed cell again; the same result object as Session.run(). */
  run() {
    if (this.error) {
      return { output: "", result: null, warnings: "", error: this.error, graph: null, focus: [] };
    }
    if (!this.#id) throw new Error("gradlab: this compiled cell was disposed");
    return this.#session._runCompiled(this.#id, this.#display);
  }
  /** Frees the parsed cell. Safe to call twice, and after its session was disposed. */
  dispose() {
    if (this.#id) this.#session._release(this.#id);
    this.#id = 0;
  }
  [Symbol.dispose]() {
    this.dispose();
  }
}

/**
 * A benchmark workload's sections, split at its `# --- setup/step/check ---` marker lines as
 * native/bench_script.cpp does: text before the first marker belongs to setup, and every section
 * keeps a (blank) line for every line of the file, so tracebacks give the file's line numbers.
 */
export function splitSections(text) {
  const sec = { setup: [], step: [], check: [] };
  let current = "setup";
  for (let line of String(text).split("\n")) {
    const m = /^[ \t]*# ---(.*)---[ \t\r]*$/.exec(line);
    if (m && line.trim().length > 8) {
      const name = m[1].trim();
      if (!(name in sec)) throw new Error(`unknown section marker: ${line}`);
      current = name;
      line = "";
    }
    for (const k of Object.keys(sec)) sec[k].push(k === current ? line : "");
  }
  return { setup: sec.setup.join("\n"), step: sec.step.join("\n"), check: sec.check.join("\n") };
}

/** Turns benchmark()'s JSON into an object; `error.text` is Python's last line. */
export function parseBenchmark(json) {
  const r = JSON.parse(json);
  if (r.error) r.error.text = `${r.error.type}: ${r.error.message}`;
  return r;
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
  /**
   * Times one workload in a fresh interpreter of its own, inside wasm. `workload`: the text of a
   * bench/workloads/*.py file (split at its markers) or {setup, step, check}. Options: minReps (5),
   * maxReps (20000), seconds (1: the timing budget), warmup (2 extra steps; 0: none),
   * filename (in tracebacks). Returns {check, check_repr, median_us, p10_us, p90_us, min_us,
   * mean_us, reps, batch (steps per timed sample), batch_ms (one batch's time when it was sized),
   * warmup, first_us, parse_us, setup_us, total_ms, timing, section, error}.
   */
  benchmark(workload, { minReps = 5, maxReps = 20000, seconds = 1, warmup = 2, filename = "<workload>" } = {}) {
    const w = typeof workload === "string" ? splitSections(workload) : workload;
    const int = (v, d) => (Number.isFinite(Number(v)) ? Math.max(0, Math.min(2 ** 31 - 1, Math.floor(Number(v)))) : d);
    const json = this.#module.benchmark(String(w.setup ?? ""), String(w.step ?? ""), String(w.check ?? ""), String(filename),
      int(minReps, 5), int(maxReps, 20000), Number.isFinite(Number(seconds)) ? Number(seconds) : 1, int(warmup, 2));
    return parseBenchmark(json);
  }
  /** Bytes of the wasm heap malloc has handed out and not taken back (leak checks). */
  heapInUse() {
    return this.#module.heapInUse();
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
