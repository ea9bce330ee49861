// The page's pure logic on real engine output: which hint a mistake gets, how the graph is
// focused, labelled and explained, and when the tangent plot applies (web/src/*.js).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { loadGradlabNode } from "../../wasm/gradlab-node.mjs";
import { hintForNoneGrad, hintForAccumulation } from "../../web/src/hints.js";
import { explainError } from "../../web/src/error-help.js";
import { focusGraph, toDot, explainNode, scalarFunction, stripTensor, graphRows } from "../../web/src/graph.js";
import { curveScript, parseCurve, withX } from "../../web/src/plot.js";
import { parseIpynb, ImportProblem } from "../../web/src/ipynb.js";
import { tBoth } from "../../web/src/i18n.js";

let gl;
before(async () => {
  gl = await loadGradlabNode();
});

const run = (cells) =>
  gl.withSession((s) => {
    let r;
    for (const c of cells) r = s.run(c);
    return r;
  });

test("hints for the common autograd mistakes, in both languages", () => {
  const cases = [
    [["import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x*x\ny.backward()", "y.backward()"], "backward-twice"],
    [["import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n(x*2).backward()"], "nonscalar-backward"],
    [["import torch\nx = torch.tensor(3, requires_grad=True)"], "int-requires-grad"],
    [["import torch\nx = torch.tensor(2.0, requires_grad=True)\nx.grad.zero_()"], "grad-none"],
  ];
  for (const [cells, id] of cases) {
    const r = run(cells);
    assert.ok(r.error, `${id}: expected an error`);
    const h = explainError(r.error, cells.at(-1));
    assert.equal(h?.id, id, `${id}: got ${h?.id} for ${r.error.text}`);
    assert.ok(h.en && /[\u0D80-\u0DFF]/.test(h.si));
  }
});

test(".grad of a non-leaf: None, with a hint", () => {
  const src = "y.grad";
  const r = run(["import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x*3\ny.backward()", src]);
  assert.equal(r.error, null);
  assert.equal(hintForNoneGrad(r, src)?.id, "grad-none");
  assert.equal(hintForNoneGrad({ result: "tensor(3.)", output: "", warnings: "" }, "x.grad"), null);
});

test("forgetting zero_(): the accumulation hint names the old and new grad", () => {
  const grads = (r) => new Map(r.graph.nodes.filter((n) => n.kind === "tensor" && n.is_leaf).map((n) => [n.name, n.grad]));
  gl.withSession((s) => {
    s.run("import torch\nx = torch.tensor(4.0, requires_grad=True)\ny = x**2");
    const first = s.run("y.backward()");
    s.run("y = x**2");
    const second = s.run("y.backward()");
    const h = hintForAccumulation("y.backward()", grads(first), grads(second));
    assert.equal(h?.id, "accumulate");
    assert.match(h.en, /tensor\(8\.\).*tensor\(16\.\)/);
    assert.equal(hintForAccumulation("x.grad.zero_()\ny.backward()", grads(first), grads(second)), null);
  });
});

test("graph helpers on the engine's description of y = x**2", () => {
  const r = run(["import torch\nx = torch.tensor(4.0, requires_grad=True)\nq = torch.tensor(1.0, requires_grad=True)\nw = q*2", "y=x**2\ny"]);
  const g = focusGraph(r.graph, r.focus);
  assert.ok(g.nodes.some((n) => n.name === "y") && g.nodes.some((n) => n.name === "x"));
  assert.ok(!g.nodes.some((n) => n.name === "q" || n.name === "w"), "unrelated graphs are left out");
  const dot = toDot(g);
  assert.match(dot, /PowBackward0/);
  assert.match(dot, /AccumulateGrad/);
  const pow = g.nodes.find((n) => n.label === "PowBackward0");
  assert.match(explainNode(g, pow).join("\n"), /d\(x²\)\/dx = 2x = 2·4 = 8/);
  assert.deepEqual(scalarFunction(g), { x: "x", y: "y", xValue: 4, yValue: 16, grad: null });
});

test("stripTensor: data reprs lose the tensor( indent", () => {
  assert.equal(stripTensor("tensor(4.)"), "4.");
  assert.equal(stripTensor("16."), "16.");
  assert.equal(stripTensor("[[1., 2.],\n        [3., 4.]]"), "[[1., 2.],\n [3., 4.]]");
  assert.equal(stripTensor(null), "None");
});

test("the tangent plot's curve comes from the engine", () => {
  const xs = [-1, 0, 1.5, 3];
  const r = gl.withSession((s) => s.runScript(curveScript({ x: "x", y: "y", fnSource: "y=x**3\ny", xs, x0: 2 }), "<plot>"));
  assert.equal(r.error, null, r.error?.text);
  const c = parseCurve(r.output, xs);
  assert.deepEqual(c.samples.map((p) => p.y), [-1, 0, 3.375, 27]);
  assert.deepEqual(c.point, { y: 8, grad: 12 });
});

test("the tangent plot is not flat when the cell makes x itself (x = torch.tensor(4.0); y = x**2)", () => {
  const xs = [-1, 0, 1.5, 3];
  const fnSource = "x = torch.tensor(4.0, requires_grad=True)\ny = x**2\ny";
  const r = gl.withSession((s) => s.runScript(curveScript({ x: "x", y: "y", fnSource, xs, x0: 2 }), "<plot>"));
  assert.equal(r.error, null, r.error?.text);
  const c = parseCurve(r.output, xs);
  assert.deepEqual(c.samples.map((p) => p.y), [1, 0, 2.25, 9]);
  assert.deepEqual(c.point, { y: 4, grad: 4 });
  assert.equal(withX("x = torch.tensor(4.0,requires_grad=True)\ny = x", "x", -1.5), "x = torch.tensor(-1.5,requires_grad=True)\ny = x");
});

test("import: nbformat 4 only, at most 2,000 cells and 5 MB, every malformed piece named", () => {
  const nb = (cells, extra = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra });
  const problem = (text) => {
    try {
      parseIpynb(text);
    } catch (e) {
      assert.ok(e instanceof ImportProblem, String(e));
      return [e.key, ...e.args];
    }
    return null;
  };
  assert.deepEqual(problem(JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [] })), ["oldVersion", "3"]);
  assert.deepEqual(problem(JSON.stringify({ worksheets: [] })), ["oldVersion", 3]);
  assert.deepEqual(problem("{"), ["notJson"]);
  assert.deepEqual(problem("[]"), ["notNotebook"]);
  assert.deepEqual(problem(nb(null)), ["noCells"]);
  assert.deepEqual(problem(nb([null])), ["badCell", 1, "null"]);
  assert.deepEqual(problem(nb([{ cell_type: "code", source: { a: 1 } }])), ["badSource", 1, "object"]);
  assert.deepEqual(problem(nb([{ cell_type: "code", source: 5 }])), ["badSource", 1, "number"]);
  assert.deepEqual(problem(nb([{ cell_type: "code", source: ["a", null] }])), ["badSourceLine", 1, 2, "null"]);
  assert.deepEqual(problem(nb([{ cell_type: "x" }])), ["badCellType", 1, "x"]);
  assert.deepEqual(problem(nb(Array.from({ length: 2001 }, () => ({ cell_type: "raw", source: "" })))), ["tooManyCells", 2001, 2000]);
  assert.equal(problem(nb([{ cell_type: "markdown", source: "x".repeat(5 * 1024 * 1024) }]))[0], "tooBig");
  // every problem has a message in both languages, and none leaks JavaScript words
  for (const key of ["oldVersion", "notJson", "notNotebook", "noCells", "badCell", "badSource", "badSourceLine", "badCellType", "tooManyCells", "tooBig", "readFailed"]) {
    const m = tBoth(key, 1, 2, 3);
    assert.ok(m.en && /[\u0D80-\u0DFF]/.test(m.si), key);
    assert.doesNotMatch(m.en, /undefined|\[object|TypeError/);
  }
  // only sources are kept
  const doc = parseIpynb(nb([{ cell_type: "markdown", source: ["# a\n", "b"] }, { cell_type: "code", source: "1" }, { cell_type: "raw", source: "<b>" }]), "n.ipynb");
  assert.deepEqual(doc.blocks, [{ kind: "markdown", md: "# a\nb" }, { kind: "code", id: "i1", source: "1" }, { kind: "raw", text: "<b>" }]);
});

test("graph rows: every node's value, gradient, rule and where its gradient goes", () => {
  const r = run(["import torch\nx = torch.tensor(4.0, requires_grad=True)", "y=x**2\ny.backward()"]);
  const g = focusGraph(r.graph, r.focus);
  const rows = graphRows(g);
  const x = rows.find((row) => row.name === "x");
  assert.equal(x.value, "4.");
  assert.equal(x.grad, "8.");
  const pow = rows.find((row) => row.name === "PowBackward0");
  assert.match(pow.rule, /2·4 = 8/);
  assert.deepEqual(pow.next, ["AccumulateGrad"]);
  assert.match(explainNode(g, g.nodes.find((n) => n.name === "x")).join(" "), /data = 4\..*grad = 8\./);
});
