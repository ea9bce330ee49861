// Parse-once running and the in-wasm benchmark (wasm/session.cpp, gradlab.mjs) under Node, as the
// page's speed panel uses them: Session.compile()/Compiled.run(), gl.benchmark() on a tiny
// workload (sane timings, the check after exactly one step), errors by section, no leaks, the
// workloads' check values against the native `gradlab bench --json`, the speed panel's
// helpers and reference figures (PEERS.md), and the workloads copied into build/web/bench/.
// Run: node --test tests/node/
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradlabNode, splitSections } from "../../wasm/gradlab-node.mjs";
import { PEERS, formatTime, speedOptions } from "../../web/src/speed.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = process.env.GRADLAB_SHARED_DIR || path.join(root, "..", "shared");
const workloadsDir = path.join(root, "bench/workloads");
const nativeCli = process.env.GRADLAB_NATIVE || path.join(root, "build/native/gradlab");
const workloadFiles = readdirSync(workloadsDir).filter((f) => /^W\d+_.*\.py$/.test(f)).sort();
const readWorkload = (f) => readFileSync(path.join(workloadsDir, f), "utf8");
const fast = { minReps: 1, maxReps: 1, seconds: 0, warmup: 0 };

let gl;
before(async () => {
  gl = await loadGradlabNode();
});

const TINY = {
  setup: "import torch\nx = torch.tensor(2.0, requires_grad=True)\n",
  step: "y = x * x\ny.backward()\n",
  check: "x.grad.item()\n",
};

describe("benchmark(): a tiny workload timed inside wasm", () => {
  test("sane timings and the check after exactly one step", () => {
    const r = gl.benchmark(TINY, { minReps: 5, maxReps: 50, seconds: 0.05, warmup: 2, filename: "tiny.py" });
    assert.equal(r.error, null, r.error?.text);
    assert.equal(r.section, null);
    // x.grad accumulates over steps: 4.0 after the first, so the check ran right after it.
    assert.equal(r.check, 4);
    assert.equal(r.check_repr, "4.0");
    assert.ok(r.reps >= 5 && r.reps <= 50, `reps ${r.reps}`);
    assert.ok(Number.isInteger(r.batch) && r.batch >= 1, `batch ${r.batch}`);
    // The batch doubles (as timeit's autorange) until it lasts 2 ms, twenty ticks of a browser's
    // coarse clock; how large it gets depends on the machine's speed and load, so the test checks
    // the rule, not a size.
    assert.equal(r.batch & (r.batch - 1), 0, `batch ${r.batch} is a power of two`);
    assert.ok(r.batch_ms >= 2 || r.batch === 1 << 14, `a batch of ${r.batch} took ${r.batch_ms} ms`);
    assert.ok(r.warmup >= 2);
    for (const k of ["median_us", "p10_us", "p90_us", "min_us", "mean_us", "first_us", "parse_us", "setup_us", "total_ms"]) {
      assert.ok(Number.isFinite(r[k]) && r[k] >= 0, `${k} = ${r[k]}`);
    }
    assert.ok(r.median_us > 0 && r.median_us < 10000, `two scalar ops and a backward: ${r.median_us} µs`);
    assert.ok(r.min_us <= r.p10_us && r.p10_us <= r.median_us && r.median_us <= r.p90_us, JSON.stringify(r));
    assert.ok(r.total_ms < 5000, `the budget holds: ${r.total_ms} ms`);
    assert.match(r.timing, /compiled once/);
  });

  test("repetition options: minReps = maxReps, no warm-up, no time budget", () => {
    const r = gl.benchmark(TINY, { minReps: 3, maxReps: 3, seconds: 0, warmup: 0 });
    assert.equal(r.reps, 3);
    assert.equal(r.warmup, 0);
    const one = gl.benchmark(TINY, fast);
    assert.equal(one.reps, 1);
    assert.equal(one.check, 4);
    // A slow step is timed one at a time.
    const slow = gl.benchmark({ setup: "import torch\n", step: "s = 0\nfor i in range(30000):\n    s = s + i\n", check: "s\n" }, fast);
    assert.equal(slow.error, null, slow.error?.text);
    assert.equal(slow.check_repr, "449985000");
  });

  test("a workload's text is split at its markers, tracebacks keep the file's lines", () => {
    const text = "# a workload\nimport torch\n\n# --- setup ---\na = 1\n# --- step ---\nb = a + 1\n# --- check ---\nb * 1.5\n";
    const s = splitSections(text);
    for (const sec of Object.values(s)) assert.equal(sec.split("\n").length, text.split("\n").length);
    assert.equal(s.setup, "# a workload\nimport torch\n\n\na = 1\n\n\n\n\n");
    assert.equal(s.step, "\n\n\n\n\n\nb = a + 1\n\n\n");
    assert.equal(s.check, "\n\n\n\n\n\n\n\nb * 1.5\n");
    assert.throws(() => splitSections("# --- teardown ---\n"), /unknown section marker/);
    const r = gl.benchmark(text, fast);
    assert.equal(r.check, 3);
    const bad = gl.benchmark(text.replace("b = a + 1", "b = a + undefined_name"), { ...fast, filename: "w.py" });
    assert.equal(bad.section, "step");
    assert.equal(bad.error.text, "NameError: name 'undefined_name' is not defined");
    assert.equal(bad.error.line, 7, "the line in the file, not in the section");
    assert.match(bad.error.traceback, /File "w.py", line 7/);
  });

  test("errors name their section; a non-number check gives check null", () => {
    const syntax = gl.benchmark({ ...TINY, step: "y = (x *\n" }, fast);
    assert.equal(syntax.section, "step");
    assert.equal(syntax.error.type, "SyntaxError");
    assert.equal(syntax.reps, 0);
    const setup = gl.benchmark({ ...TINY, setup: "import torch\nx = torch.tensor([1.0]) @ 3\n" }, fast);
    assert.equal(setup.section, "setup");
    assert.ok(setup.error.text.length > 0);
    const check = gl.benchmark({ ...TINY, check: "x.grad\n" }, fast);
    assert.equal(check.error, null);
    assert.equal(check.check, null);
    assert.equal(check.check_repr, "tensor(4.)");
    const nothing = gl.benchmark({ ...TINY, check: "z = 1\n" }, fast);
    assert.equal(nothing.error, null);
    assert.equal(nothing.check_repr, null);
  });

  test("each benchmark has a namespace of its own, and frees it", () => {
    gl.benchmark({ setup: "import torch\nleaked = 5\n", step: "pass\n", check: "1.0\n" }, fast);
    const r = gl.benchmark({ setup: "", step: "pass\n", check: "leaked\n" }, fast);
    assert.equal(r.section, "check");
    assert.match(r.error.text, /NameError: name 'leaked' is not defined/);
    gl.withSession((s) => assert.equal(s.run("leaked").error?.type, "NameError", "nor does a notebook session see it"));
  });

  test("no leaks: the wasm heap in use comes back to the same size", () => {
    const w2 = readWorkload("W2_mlp.py");
    const w4 = readWorkload("W4_elementwise.py");
    const once = () => {
      gl.benchmark(w2, { minReps: 3, maxReps: 3, seconds: 0, warmup: 1 });
      gl.benchmark(w4, { minReps: 2, maxReps: 2, seconds: 0, warmup: 0 });
      gl.benchmark(TINY, { minReps: 3, maxReps: 3, seconds: 0, warmup: 1 });
    };
    once(); // first use may fill the engine's caches
    const base = gl.heapInUse();
    assert.ok(base > 0, "heapInUse() reads malloc's figure");
    for (let i = 0; i < 3; i++) once();
    const grown = gl.heapInUse() - base;
    assert.ok(Math.abs(grown) < 64 * 1024, `heap in use changed by ${grown} bytes after three more rounds`);
  });
});

describe("Session.compile(): parse once, run many times", () => {
  test("a compiled cell runs again and again like run()", () => {
    gl.withSession((s) => {
      const setup = s.run("import torch\nx = torch.tensor(3.0, requires_grad=True)");
      assert.equal(setup.error, null);
      const c = s.compile("y = x ** 2\ny.backward()\nx.grad");
      assert.ok(c.id > 0);
      assert.equal(c.error, null);
      assert.equal(s.compiledCount, 1);
      assert.equal(c.run().result, "tensor(6.)");
      const r = c.run();
      assert.equal(r.result, "tensor(12.)", "the same namespace: grads accumulate as in a notebook");
      assert.deepEqual(r.focus, ["x", "y"]);
      assert.ok(r.graph?.nodes.length > 0, "the graph, as run() gives it");
      const quiet = s.compile("x.grad", "<cell>", { display: false });
      assert.equal(quiet.run().result, null);
      quiet.dispose();
      c.dispose();
      c.dispose(); // twice is fine
      assert.equal(s.compiledCount, 0);
      assert.throws(() => c.run(), /disposed/);
    });
  });

  test("a SyntaxError comes back at compile time; reset() and dispose() free compiled cells", () => {
    const s = gl.createSession();
    const bad = s.compile("y = (1 +\n", "cell.py");
    assert.equal(bad.id, 0);
    assert.equal(bad.error.type, "SyntaxError");
    assert.equal(bad.error.line, 1);
    assert.equal(bad.run().error.type, "SyntaxError");
    assert.equal(s.compiledCount, 0);
    const a = s.compile("1 + 1");
    const b = s.compile("2 + 2");
    assert.notEqual(a.id, b.id);
    assert.equal(s.compiledCount, 2);
    s.reset();
    assert.equal(s.compiledCount, 0);
    assert.match(a.run().error.text, /RuntimeError: no compiled cell/);
    const c = s.compile("3 + 3");
    assert.equal(c.run().result, "6");
    const heap = gl.heapInUse();
    s.dispose();
    assert.ok(gl.heapInUse() < heap, "disposing the session freed it and its compiled cell");
    c.dispose(); // after the session: harmless
  });
});

describe("the workloads (bench/workloads) in wasm match the native engine", () => {
  test("bench/workloads has W1–W6", () => {
    assert.deepEqual(workloadFiles.map((f) => f.split("_")[0]), ["W1", "W2", "W3", "W4", "W5", "W6"]);
  });

  const haveNative = existsSync(nativeCli);
  test("check values equal `gradlab bench --json`'s", { skip: haveNative ? false : `${nativeCli} not built` }, () => {
    const out = execFileSync(nativeCli, ["bench", "--json", "--mode", "script", "--seconds", "0.02", "--workloads", workloadsDir], {
      encoding: "utf8",
      timeout: 120000,
      env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" },
    });
    const native = JSON.parse(out).workloads;
    for (const f of workloadFiles) {
      const id = f.split("_")[0];
      const r = gl.benchmark(readWorkload(f), { ...fast, filename: f });
      assert.equal(r.error, null, `${id}: ${r.error?.traceback}`);
      const want = native[id].check;
      assert.ok(Number.isFinite(want), `native ${id} check ${want}`);
      // %.9g natively; float32 sums may round differently (wasm SIMD vs native kernels).
      const tol = 1e-5 * (1 + Math.abs(want));
      assert.ok(Math.abs(r.check - want) <= tol, `${id}: wasm ${r.check} vs native ${want}`);
      assert.ok(r.median_us > 0 && r.reps === 1, `${id}: ${JSON.stringify(r)}`);
    }
  });
});

describe("the speed panel's helpers (web/src/speed.js)", () => {
  test("formatTime picks µs, ms or s", () => {
    assert.equal(formatTime(3.6891), "3.69 µs");
    assert.equal(formatTime(56), "56.0 µs");
    assert.equal(formatTime(120), "120 µs");
    assert.equal(formatTime(1020), "1.02 ms");
    assert.equal(formatTime(74200), "74.2 ms");
    assert.equal(formatTime(395000), "395 ms");
    assert.equal(formatTime(2.5e6), "2.50 s");
    assert.equal(formatTime(null), "—");
    assert.equal(formatTime(NaN), "—");
  });

  test("URL parameters: ?speedReps=N and ?speedSeconds=S", () => {
    assert.deepEqual(speedOptions(""), { minReps: 5, maxReps: 20000, seconds: 1, warmup: 2 });
    assert.deepEqual(speedOptions("?speedReps=3&speedSeconds=0.2"), { minReps: 3, maxReps: 3, seconds: 0.2, warmup: 2 });
    assert.deepEqual(speedOptions("?speedReps=50"), { minReps: 5, maxReps: 50, seconds: 1, warmup: 2 });
    assert.deepEqual(speedOptions("?speedReps=x&speedSeconds=-1"), { minReps: 5, maxReps: 20000, seconds: 1, warmup: 2 });
  });

  const peersMd = path.join(sharedDir, "PEERS.md");
  test("the reference figures are PEERS.md's", { skip: existsSync(peersMd) ? false : `${peersMd} missing` }, () => {
    const lines = readFileSync(peersMd, "utf8").split("\n");
    const rowOf = (prefix) => {
      const line = lines.find((l) => l.startsWith(`| ${prefix}`));
      assert.ok(line, `PEERS.md row ${prefix}`);
      return line.split("|").slice(2, 7).map((c) => Number.parseFloat(c.trim()));
    };
    // Columns: W1 µs, W2 ms, W3 ms, W4 ms, W5 ms.
    const toUs = (cells) => Object.fromEntries(cells.map((v, i) => [`W${i + 1}`, i === 0 ? v : Math.round(v * 1000)]));
    assert.deepEqual(PEERS.tfjsChromium, toUs(rowOf("TF.js 4.22 wasm in Chromium")));
    assert.deepEqual(PEERS.torch1, toUs(rowOf("PyTorch 1.13 (python), 1 thread")));
  });
});

describe("the page build carries the workloads (tools/build-web.mjs)", () => {
  const webBench = path.join(process.env.GRADLAB_WEB_DIR || path.join(root, "build/web"), "bench");
  test("build/web/bench has W1–W6 as text and an index", { skip: existsSync(webBench) ? false : "build/web not built" }, () => {
    const index = JSON.parse(readFileSync(path.join(webBench, "index.json"), "utf8"));
    assert.deepEqual(index.map((w) => w.file), workloadFiles);
    for (const w of index) {
      assert.equal(w.id, w.file.split("_")[0]);
      assert.equal(readFileSync(path.join(webBench, w.file), "utf8"), readWorkload(w.file), `${w.file} copied as is`);
    }
  });
});
