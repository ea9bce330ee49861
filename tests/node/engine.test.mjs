// The Embind module (build/wasm/gradlab_web.{js,wasm}) under Node, through wasm/gradlab.mjs:
// every shared golden case through runScript(), the lesson cells through run(), graph
// descriptions, reset, error objects and disposal. Run: node --test tests/node/
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradlabNode, defaultWasmDir } from "../../wasm/gradlab-node.mjs";
import { LESSONS, loadLesson } from "../../web/src/lessons/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = process.env.GRADLAB_SHARED_DIR || path.join(root, "..", "shared");
const goldenDir = path.join(sharedDir, "golden", "cases");

let gl;
before(async () => {
  assert.ok(existsSync(path.join(defaultWasmDir, "gradlab_web.js")), `no wasm module in ${defaultWasmDir}: build target gradlab_web first`);
  gl = await loadGradlabNode();
});

describe("golden cases (shared/golden/cases) through runScript()", () => {
  const cases = existsSync(goldenDir) ? readdirSync(goldenDir).filter((f) => f.endsWith(".py")).sort() : [];
  test("the golden directory has cases", () => assert.ok(cases.length > 0, `no cases in ${goldenDir}`));
  for (const file of cases) {
    const name = file.slice(0, -3);
    test(name, () => {
      const code = readFileSync(path.join(goldenDir, file), "utf8");
      const want = readFileSync(path.join(goldenDir, `${name}.out`), "utf8");
      const errPath = path.join(goldenDir, `${name}.err`);
      gl.withSession((s) => {
        const r = s.runScript(code, file);
        assert.equal(r.output, want, "stdout differs from PyTorch's");
        assert.equal(r.result, null, "a script shows no Out value");
        if (existsSync(errPath)) {
          assert.ok(r.error, "PyTorch raised here; the engine did not");
          assert.equal(r.error.text, readFileSync(errPath, "utf8").trim());
          assert.ok(r.error.line > 0, "the error carries its line");
        } else {
          assert.equal(r.error, null, r.error && `unexpected ${r.error.text}`);
        }
      });
    });
  }
});

describe("every lesson's cells through run() (Jupyter semantics)", () => {
  for (const entry of LESSONS) test(`lesson ${entry.n} (${entry.id}): every cell's Out value and stdout match PyTorch's (${entry.id}.expected.js)`, async () => {
    const lesson = await loadLesson(entry);
    assert.ok(lesson.blocks.some((b) => b.expected), "the lesson has outputs to compare");
    gl.withSession((s) => {
      for (const b of lesson.blocks.filter((b) => b.kind === "code")) {
        const r = s.run(b.source);
        const exp = b.expected ?? {};
        // only a cell PyTorch raised in may raise, with PyTorch's exception
        if (exp.error) assert.deepEqual(r.error && { type: r.error.type, message: r.error.message }, exp.error, `${b.id} exception`);
        else assert.equal(r.error, null, `${b.id}: ${r.error?.text}`);
        assert.equal(r.result, exp.result ?? null, `${b.id} Out`);
        assert.equal(r.output, exp.output ?? "", `${b.id} stdout`);
      }
    });
  });

  test("x**3 instead of x**2 gives x.grad = 48", () => {
    gl.withSession((s) => {
      s.run("import torch\nx = torch.tensor(4.0,requires_grad=True)");
      assert.equal(s.run("y=x**3\ny").result, "tensor(64., grad_fn=<PowBackward0>)");
      s.run("y.backward()");
      assert.equal(s.run("print(x.grad)").output, "tensor(48.)\n");
    });
  });

  test("a statement shows no Out; the last expression does", () => {
    gl.withSession((s) => {
      assert.equal(s.run("a = 3").result, null);
      assert.equal(s.run("a * 2").result, "6");
      const p = s.run("print(a)");
      assert.equal(p.output, "3\n");
      assert.equal(p.result, null, "print() returns None, which Jupyter does not show");
    });
  });
});

/** Nodes by id, and a check that every edge goes from earlier to later in node order. */
function index(graph) {
  const byId = new Map(graph.nodes.map((n, i) => [n.id, { ...n, order: i }]));
  for (const e of graph.edges) {
    assert.ok(byId.has(e.from) && byId.has(e.to), `edge ${e.from}→${e.to} names unknown nodes`);
  }
  return byId;
}

describe("graph description", () => {
  test("y = x**2: y → PowBackward0 → AccumulateGrad → x, with x.grad after backward", () => {
    gl.withSession((s) => {
      s.run("import torch\nx = torch.tensor(4.0, requires_grad=True)");
      const r1 = s.run("y = x**2");
      assert.ok(r1.graph, "a cell that builds a graph returns it");
      assert.deepEqual([...r1.focus].sort(), ["x", "y"]);
      const r = s.run("y.backward()");
      assert.deepEqual(r.focus, ["y"]);
      const g = index(r.graph);
      const y = [...g.values()].find((n) => n.kind === "tensor" && n.name === "y");
      const x = [...g.values()].find((n) => n.kind === "tensor" && n.name === "x");
      assert.ok(y && x);
      assert.equal(y.is_leaf, false);
      assert.equal(x.is_leaf, true);
      assert.deepEqual(x.shape, []);
      assert.equal(x.dtype, "torch.float32");
      assert.deepEqual(x.data, [4]);
      assert.deepEqual(x.grad_data, [8]);
      assert.match(x.grad, /^(tensor\()?8\.\)?$/);
      const pow = [...g.values()].find((n) => n.label === "PowBackward0");
      const acc = [...g.values()].find((n) => n.label === "AccumulateGrad");
      assert.ok(pow && acc);
      assert.equal(pow.op, "pow");
      assert.equal(pow.attrs.exponent, 2);
      const has = (a, b) => r.graph.edges.some((e) => e.from === a.id && e.to === b.id);
      assert.ok(has(y, pow), "y → PowBackward0");
      assert.ok(has(pow, acc), "PowBackward0 → AccumulateGrad");
      assert.ok(has(acc, x), "AccumulateGrad → x");
      assert.ok(pow.order < acc.order, "nodes come in backward order");
    });
  });

  test("the seed's matrix: AddBackward0 over two PowBackward0, SumBackward0, leaf grads", () => {
    gl.withSession((s) => {
      s.run("import torch\nlst=[[2.,3.,1.],[4.,5.,3.],[7.,6.,4.]]\ntorch_input = torch.tensor(lst,requires_grad=True)");
      s.run("y = torch_input**3 +torch_input**2\nz=y.sum()");
      const r = s.run("z.backward()");
      const g = index(r.graph);
      const labels = r.graph.nodes.filter((n) => n.kind === "op").map((n) => n.label);
      assert.deepEqual(labels.filter((l) => l === "PowBackward0").length, 2);
      for (const l of ["SumBackward0", "AddBackward0", "AccumulateGrad"]) assert.ok(labels.includes(l), l);
      assert.equal(labels.filter((l) => l === "AccumulateGrad").length, 1, "one AccumulateGrad per leaf");
      const leaf = [...g.values()].find((n) => n.name === "torch_input");
      assert.deepEqual(leaf.shape, [3, 3]);
      assert.deepEqual(leaf.grad_data, [16, 33, 5, 56, 85, 33, 161, 120, 56]);
      const sum = [...g.values()].find((n) => n.label === "SumBackward0");
      const add = [...g.values()].find((n) => n.label === "AddBackward0");
      assert.ok(sum.order < add.order, "SumBackward0 runs before AddBackward0");
      for (const e of r.graph.edges) {
        const a = g.get(e.from), b = g.get(e.to);
        if (a.kind === "op" && b.kind === "op") assert.ok(a.order < b.order, `${a.label} before ${b.label}`);
      }
    });
  });

  test("no graph for cells without autograd", () => {
    gl.withSession((s) => {
      assert.equal(s.run("import torch").graph, null);
      assert.equal(s.run("3*2**2+2*2").graph, null);
      assert.equal(s.run("a = torch.tensor([1.0, 2.0])\na").graph, null);
    });
  });
});

describe("session", () => {
  test("reset() forgets every variable", () => {
    gl.withSession((s) => {
      s.run("import torch\nx = torch.tensor(4.0)");
      assert.equal(s.run("x").result, "tensor(4.)");
      s.reset();
      const r = s.run("x");
      assert.ok(r.error);
      assert.equal(r.error.type, "NameError");
      assert.equal(r.error.text, "NameError: name 'x' is not defined");
    });
  });

  test("random numbers: a seed gives PyTorch's draws; every session, and reset(), start from the same seed", () => {
    gl.withSession((s) => {
      assert.equal(s.run("import torch\ntorch.manual_seed(42)\ntorch.randn(3)").result, "tensor([0.3367, 0.1288, 0.2345])");
      s.reset();
      const first = s.run("import torch\ntorch.rand(2)").result;
      assert.equal(first, "tensor([0.2673, 0.8725])");
      assert.notEqual(s.run("torch.rand(2)").result, first, "the stream moves on");
      s.reset();
      assert.equal(s.run("import torch\ntorch.rand(2)").result, first, "reset() restarts the generator");
    });
    const other = gl.createSession();
    try {
      assert.equal(other.run("import torch\ntorch.rand(2)").result, "tensor([0.2673, 0.8725])");
    } finally {
      other.dispose();
    }
  });

  test("sessions are independent", () => {
    const a = gl.createSession(), b = gl.createSession();
    try {
      a.run("v = 1");
      assert.equal(b.run("v").error?.type, "NameError");
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  test("dispose() frees the C++ object; using it afterwards throws", () => {
    const s = gl.createSession();
    s.dispose();
    s.dispose();
    assert.equal(s.disposed, true);
    assert.throws(() => s.run("1"), /disposed/);
  });

  test("version()", () => assert.match(gl.version, /\S/));
});

describe("training in notebook cells", () => {
  test("a Module, its loss and optimizer, then a training loop, each in its own cell, print PyTorch's losses", () => {
    const dir = path.join(root, "tests", "golden", "cases");
    const cells = readFileSync(path.join(dir, "train_loop_cells.py"), "utf8").split("# --- cell ---\n");
    assert.equal(cells.length, 3, "the case has three cells");
    const want = readFileSync(path.join(dir, "train_loop_cells.out"), "utf8");
    gl.withSession((s) => {
      let printed = "";
      for (const cell of cells) {
        const r = s.run(cell);
        assert.equal(r.error, null, r.error && `unexpected ${r.error.text}`);
        printed += r.output;
      }
      assert.equal(printed, want);
    });
  });
});

describe("error objects", () => {
  test("RuntimeError with type, message, line and a traceback", () => {
    gl.withSession((s) => {
      s.run("import torch");
      const r = s.run("a = 1\nc = torch.tensor(3, requires_grad=True)");
      assert.equal(r.error.type, "RuntimeError");
      assert.equal(r.error.message, "Only Tensors of floating point and complex dtype can require gradients");
      assert.equal(r.error.line, 2);
      assert.equal(typeof r.error.column, "number");
      assert.equal(typeof r.error.traceback, "string");
    });
  });

  test("backward twice and non-scalar backward", () => {
    gl.withSession((s) => {
      s.run("import torch\nx = torch.tensor(4.0, requires_grad=True)\ny = x**2\ny.backward()");
      const r = s.run("y.backward()");
      assert.equal(r.error.type, "RuntimeError");
      assert.match(r.error.message, /^Trying to backward through the graph a second time/);
      const v = s.run("w = torch.tensor([1.0, 2.0], requires_grad=True)\n(w * 2).backward()");
      assert.equal(v.error.text, "RuntimeError: grad can be implicitly created only for scalar outputs");
      assert.equal(v.error.line, 2);
    });
  });

  test("stdout before an error is kept", () => {
    gl.withSession((s) => {
      const r = s.run("print('before')\nundefined_name");
      assert.equal(r.output, "before\n");
      assert.equal(r.error.text, "NameError: name 'undefined_name' is not defined");
      assert.equal(r.error.line, 2);
    });
  });

  test("SyntaxError carries line and column", () => {
    gl.withSession((s) => {
      const r = s.run("x = 1\ny = (2 +\n");
      assert.equal(r.error.type, "SyntaxError");
      assert.ok(r.error.line >= 2, `line ${r.error.line}`);
    });
  });
});
