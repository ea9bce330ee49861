// The page's pure logic on real engine output: which hint a mistake gets, how the graph is
// focused, labelled and explained, and when the tangent plot applies (web/src/*.js).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { loadGradlabNode } from "../../wasm/gradlab-node.mjs";
import { hintForNoneGrad, hintForAccumulation } from "../../web/src/hints.js";
import { explainError } from "../../web/src/error-help.js";
import { focusGraph, toDot, explainNode, scalarFunction, stripTensor, graphRows, ruleLines, evaluateFormula } from "../../web/src/graph.js";
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
    // a cell that makes x anew (lesson 2's cells one after another) has no old x.grad to add to
    assert.equal(hintForAccumulation("x = torch.tensor(4.0, requires_grad=True)\ny = x**2\ny.backward()", grads(first), grads(second)), null);
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
  // the rule comes from the engine's op table; a wasm build older than that has none
  if (pow.rule) assert.match(explainNode(g, pow).join("\n"), /∂\/∂x = 2·x\^\(2−1\) = 2·4\^\(2−1\) = 8/);
  else assert.match(explainNode(g, pow).join("\n"), /sends the incoming gradient back/);
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
  // The rule comes from the engine's op table; a wasm build older than that has none.
  if (g.nodes.find((n) => n.label === "PowBackward0").rule) assert.equal(pow.rule, "∂/∂x = 2·x^(2−1) = 2·4^(2−1) = 8");
  else assert.match(pow.rule, /sends the incoming gradient back/);
  assert.deepEqual(pow.next, ["AccumulateGrad"]);
  assert.match(explainNode(g, g.nodes.find((n) => n.name === "x")).join(" "), /data = 4\..*grad = 8\./);
});

// Hand-written graph descriptions in the engine's format (engine/graph_json.h), for the rule
// filling alone: tensors t*, op nodes f*, AccumulateGrad a*, edges the way gradients flow.
const leaf = (id, name, shape, data) => ({ id, kind: "tensor", name, shape, data, is_leaf: true, requires_grad: true });
const result = (id, name, shape, data) => ({ id, kind: "tensor", name, shape, data, is_leaf: false, requires_grad: true });
const opNode = (id, label, rule, needs, attrs = {}) => ({ id, kind: "op", label, op: label, rule, attrs, needs_input_grad: needs });
const acc = (id) => ({ id, kind: "op", label: "AccumulateGrad", op: "accumulate_grad", rule: "{a}.grad += G" });
const edges = (...pairs) => pairs.map(([from, to]) => ({ from, to }));

test("derivative rules: the engine's template filled with names, values and the number", () => {
  // y = x**2 at x = 4
  let g = {
    nodes: [result("t1", "y", [], [16]), opNode("f2", "PowBackward0", "∂/∂{a} = {p}·{a}^({p}−1)", [true], { exponent: 2, p: 2 }), acc("a3"), leaf("t4", "x", [], [4])],
    edges: edges(["t1", "f2"], ["f2", "a3"], ["a3", "t4"]),
  };
  assert.deepEqual(explainNode(g, g.nodes[1]), ["PowBackward0", "∂/∂x = 2·x^(2−1) = 2·4^(2−1) = 8"]);

  // z = x * y at x = 4, y = −3: each slot named, the values parenthesized where negative
  g = {
    nodes: [result("t1", "z", [], [-12]), opNode("f2", "MulBackward0", "∂/∂{a} = {b}; ∂/∂{b} = {a}", [true, true]), acc("a3"), leaf("t4", "x", [], [4]), acc("a5"), leaf("t6", "y", [], [-3])],
    edges: edges(["t1", "f2"], ["f2", "a3"], ["a3", "t4"], ["f2", "a5"], ["a5", "t6"]),
  };
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂x = y = −3", "∂/∂y = x = 4"]);

  // z = x / y: the edges skip a slot that needs no gradient (y a constant, not in the graph)
  g.nodes[1] = opNode("f2", "DivBackward0", "∂/∂{a} = 1/{b}; ∂/∂{b} = −{a}/{b}²", [true, false]);
  g.nodes = g.nodes.slice(0, 4);
  g.edges = edges(["t1", "f2"], ["f2", "a3"], ["a3", "t4"]);
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂x = 1/b"]);
  // ... and when the first slot is the constant (z = c / x), the leaf fills {b}, not {a}
  g.nodes[1].needs_input_grad = [false, true];
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂x = −a/x²"]);

  // z = x * 3: the number keeps its slot, without a gradient, and stands in the rule
  g.nodes[1] = opNode("f2", "MulBackward0", "∂/∂{a} = {b}; ∂/∂{b} = {a}", [true, false], { other: 3 });
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂x = 3"]);

  // a rule with words or G gets names only; G is explained once
  g = {
    nodes: [result("t1", "h", [2, 2], [1, 2, 3, 4]), opNode("f2", "MmBackward0", "∂/∂{a} = G @ {b}ᵀ; ∂/∂{b} = {a}ᵀ @ G", [true, true]), acc("a3"), leaf("t4", "W", [2, 2], [1, 0, 0, 1]), acc("a5"), leaf("t6", "v", [2, 2], [1, 2, 3, 4])],
    edges: edges(["t1", "f2"], ["f2", "a3"], ["a3", "t4"], ["f2", "a5"], ["a5", "t6"]),
  };
  assert.deepEqual(explainNode(g, g.nodes[1]), ["MmBackward0", "∂/∂W = G @ vᵀ", "∂/∂v = Wᵀ @ G", "G: the incoming gradient"]);
  g.nodes[1] = opNode("f2", "ReluBackward0", "∂/∂{a} = 1 where {a} > 0, else 0", [true]);
  g.nodes[3] = leaf("t4", "W", [], [2]);
  g.nodes = g.nodes.slice(0, 4);
  g.edges = edges(["t1", "f2"], ["f2", "a3"], ["a3", "t4"]);
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂W = 1 where W > 0, else 0"]);
  // non-scalar inputs get names only, and an unnamed input its letter
  g.nodes[1] = opNode("f2", "ExpBackward0", "∂/∂{a} = e^{a}", [true]);
  g.nodes[3] = leaf("t4", "W", [2], [1, 2]);
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂W = e^W"]);
  g.nodes[3] = leaf("t4", "", [], [1]);
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂a = e^a = e^1 = 2.7183"]);
  // {p}/{q} from the attributes, infinite clamp bounds as the engine writes them
  g.nodes[1] = opNode("f2", "ClampBackward1", "∂/∂{a} = 1 where {p} ≤ {a} ≤ {q}, else 0", [true], { p: 0.5, q: "∞" });
  assert.deepEqual(ruleLines(g, g.nodes[1]), ["∂/∂a = 1 where 0.5 ≤ a ≤ ∞, else 0"]);
});

test("derivative rules: only plain arithmetic is evaluated", () => {
  assert.equal(evaluateFormula("2·4^(2−1)"), 8);
  assert.equal(evaluateFormula("1/(2·√4)"), 0.25);
  assert.equal(evaluateFormula("−1/(−2)²"), -0.25);
  assert.equal(evaluateFormula("2^3·ln 2"), 8 * Math.log(2));
  assert.equal(evaluateFormula("1 − tanh²(0)"), 1);
  assert.equal(evaluateFormula("(2/√π)·e^(−0²)"), 2 / Math.sqrt(Math.PI));
  for (const text of ["1 where 4 > 0, else 0", "G @ 3", "2·(3", "Σ 4", "4 4", ""]) assert.equal(evaluateFormula(text), null, text);
});
