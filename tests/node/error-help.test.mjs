// The error explainer (web/src/error-help.js) against real messages: every row matches a golden
// error PyTorch printed (tests/golden/cases and shared/golden/cases, the .err files), so a
// message that changes in PyTorch or in gradlab breaks this test; every row's example cell raises
// its error in the wasm engine and gets that row; where a row has a fix, the fixed copy runs
// without an error. Run: node --test tests/node/
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradlabNode, defaultWasmDir } from "../../wasm/gradlab-node.mjs";
import { ERROR_HELP, TIME_LIMIT_HELP, errorHelpRow, explainError } from "../../web/src/error-help.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = process.env.GRADLAB_SHARED_DIR || path.join(root, "..", "shared");
const GOLDEN_DIRS = [path.join(root, "tests/golden/cases"), path.join(sharedDir, "golden/cases")];

/** Every golden error: {file, type, message, source} from `Type: message` (the last stderr line). */
function goldenErrors() {
  const out = [];
  for (const dir of GOLDEN_DIRS) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".err"))) {
      const text = readFileSync(path.join(dir, f), "utf8").trim();
      const cut = text.indexOf(": ");
      const py = path.join(dir, f.replace(/\.err$/, ".py"));
      if (cut > 0) out.push({ file: f, type: text.slice(0, cut), message: text.slice(cut + 2), source: existsSync(py) ? readFileSync(py, "utf8") : "" });
    }
  }
  return out;
}

// A broken cell for every row: it raises the row's error in gradlab, and its fix (if any) runs.
const EXAMPLES = {
  "backward-twice": "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\ny.backward()\ny.backward()\nprint(x.grad)",
  "nonscalar-backward": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * 2\ny.backward()\nprint(x.grad)",
  "int-requires-grad": "import torch\nx = torch.tensor(4, requires_grad=True)\ny = x ** 2\ny.backward()\nprint(x.grad)",
  "no-grad-fn": "import torch\nx = torch.tensor(2.0)\ny = x ** 2\ny.backward()",
  "leaf-inplace": "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nw -= 0.1 * w\nprint(w)",
  "saved-tensor-modified": "import torch\nx = torch.ones(3, requires_grad=True)\ny = x.exp()\ny.add_(1)\ny.sum().backward()\nprint(x.grad)",
  "grad-none": "import torch\nx = torch.tensor(2.0, requires_grad=True)\nx.grad.zero_()",
  "grad-unused": "import torch\nx = torch.tensor(1.0, requires_grad=True)\nz = torch.tensor(2.0, requires_grad=True)\ny = x * 2\ntorch.autograd.grad(y, [x, z])",
  "no-derivative": "import torch\nx = torch.tensor([3.0], requires_grad=True)\ny = torch.floor_divide(x, 2)\ny.sum().backward()",
  "optimizer-non-leaf": "import torch\nw = torch.ones(3, requires_grad=True) * 0.5\nopt = torch.optim.SGD([w], lr=0.1)",
  "optimizer-empty": "import torch\nopt = torch.optim.SGD([], lr=0.1)",
  "no-grad-parentheses": "import torch\nx = torch.ones(3, requires_grad=True)\nwith torch.no_grad:\n    y = x * 2\nprint(y)",
  "matmul-shapes": "import torch\na = torch.ones(2, 3)\nb = torch.ones(2, 3)\na @ b",
  "broadcast-mismatch": "import torch\ntorch.ones(3) + torch.ones(4)",
  "expand-size": "import torch\ntorch.ones(3).expand(2, 4)",
  "view-non-contiguous": "import torch\nx = torch.arange(6.0).reshape(2, 3).t()\nx.view(6)",
  "reshape-size": "import torch\ntorch.arange(6.0).reshape(4, 2)",
  "cat-stack-sizes": "import torch\ntorch.stack([torch.ones(2), torch.ones(3)])",
  "ragged-list": "import torch\ntorch.tensor([[1, 2], [3]])",
  "negative-dimension": "import torch\ntorch.ones(-1)",
  "cross-entropy-target-dtype": "import torch\nimport torch.nn.functional as F\nlogits = torch.randn(3, 4)\ntarget = torch.tensor([0.0, 1.0, 2.0])\nF.cross_entropy(logits, target)",
  "batch-size-mismatch": "import torch\nimport torch.nn.functional as F\nF.cross_entropy(torch.randn(3, 4), torch.tensor([0, 1]))",
  "target-out-of-bounds": "import torch\nimport torch.nn.functional as F\nF.cross_entropy(torch.randn(2, 3), torch.tensor([0, 5]))",
  "dtype-mismatch": "import torch\na = torch.ones(2, 2)\nb = torch.ones(2, 2, dtype=torch.float64)\na @ b",
  "integer-mean": "import torch\nx = torch.tensor([1, 2, 3])\nx.mean()",
  "dtype-not-implemented": "import torch\ntorch.softmax(torch.tensor([1, 2]), dim=0)",
  "item-many-elements": "import torch\nx = torch.tensor([1.0, 2.0])\nx.item()",
  "bool-ambiguous": "import torch\nx = torch.tensor([1.0, -2.0])\nif x > 0:\n    print('yes')",
  "index-out-of-bounds": "import torch\nx = torch.ones(3)\nx[5]",
  "list-index": "a = [1, 2, 3]\na[3]",
  "dimension-out-of-range": "import torch\ntorch.ones(3).sum(dim=1)",
  "key-error": "d = {'lr': 0.1}\nd['momentum']",
  "name-not-defined": "x = torch.ones(3)\nx",
  "unbound-local": "count = 0\ndef step():\n    count += 1\nstep()",
  "tensor-no-attribute": "import torch\ntorch.ones(3).foo()",
  "module-no-attribute": "import torch\ntorch.foo(3)",
  "not-callable": "import torch\nx = torch.ones(3)\nx.shape()",
  "call-arguments": "def f(a, b):\n    return a + b\nf(1)",
  "operand-types": "1 + 'a'",
  "indent-expected": "x = 1\nif x > 0:\nprint(x)",
  "indent-unexpected": "x = 1\n    y = 2",
  "unindent-mismatch": "if True:\n        a = 1\n    b = 2",
  "tab-error": "if True:\n\ta = 1\n        b = 2",
  "syntax-colon": "for i in range(3)\n    print(i)",
  "syntax-unclosed": "print((1 + 2)",
  "syntax-invalid": "x = = 1",
  "zero-division": "1 / 0",
  "recursion": "def f(n):\n    return f(n + 1)\nf(0)",
  "module-not-found": "import no_such_module_here",
  "grad-input-no-grad": "import torch\nx = torch.tensor(1.0, requires_grad=True)\nz = torch.tensor(2.0)\ntorch.autograd.grad(x * 2, [z])",
  "grad-output-shape": "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\ny.backward(torch.ones(3))",
  "hook-no-grad": "import torch\nx = torch.ones(2)\nx.register_hook(lambda g: g)",
  "missing-forward": "import torch\nimport torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(2, 1)\n    def foward(self, x):\n        return self.fc(x)\nNet()(torch.ones(2))",
  "needs-matrix": "import torch\ntorch.addmm(torch.ones(2), torch.ones(3), torch.ones(3, 2))",
  "mask-shape": "import torch\nx = torch.ones(2)\nx[torch.tensor([True])]",
  "cross-entropy-target-shape": "import torch\nimport torch.nn.functional as F\nF.cross_entropy(torch.randn(3, 4), torch.tensor([[0], [1], [2]]))",
  "loss-target-size": "import torch\nimport torch.nn.functional as F\nF.binary_cross_entropy(torch.full((4, 1), 0.5), torch.ones(4))",
  "bce-not-probability": "import torch\nimport torch.nn.functional as F\nF.binary_cross_entropy(torch.tensor([2.0, -1.0]), torch.tensor([1.0, 0.0]))",
  "reduction-value": "import torch\nimport torch.nn.functional as F\nF.mse_loss(torch.ones(2), torch.ones(2), reduction='avg')",
  "in-place-cast": "import torch\nx = torch.tensor([1, 2])\nx += 0.5",
  "bool-arithmetic": "import torch\nm = torch.tensor([True, False])\n-m",
  "out-of-memory": "import torch\ntorch.zeros(100000000000000)",
  "argument-type": "import torch\ntorch.atan2(torch.ones(2), 1.0)",
  "not-subscriptable": "n = 5\nn[0]",
  "immutable-item": "t = (1, 2)\nt[0] = 3",
  "unhashable": "d = {}\nd[[1, 2]] = 3",
  "int-literal": "int('a')",
  "gradlab-numpy": "import torch\nx = torch.ones(3, requires_grad=True)\nx.detach().numpy()",
  "gradlab-not-supported": "import torch\ntorch.fft.fft(torch.ones(4))",
};

let gl;
before(async () => {
  assert.ok(existsSync(path.join(defaultWasmDir, "gradlab_web.js")), `no wasm module in ${defaultWasmDir}`);
  gl = await loadGradlabNode();
});

test("at least 30 patterns, each keyed by type and message, each explained in English and Sinhala", () => {
  assert.ok(ERROR_HELP.length >= 30, `only ${ERROR_HELP.length} patterns`);
  assert.equal(new Set(ERROR_HELP.map((r) => r.id)).size, ERROR_HELP.length, "ids are unique");
  for (const r of [...ERROR_HELP, TIME_LIMIT_HELP]) {
    assert.ok(r.en?.trim().length > 20, `${r.id}: English text`);
    assert.match(r.si ?? "", /[\u0D80-\u0DFF]/, `${r.id}: Sinhala text`);
    assert.ok(r.si.length > 20, `${r.id}: Sinhala text`);
  }
  for (const r of ERROR_HELP) {
    assert.ok(r.type && r.message instanceof RegExp, `${r.id}: type and message pattern`);
    assert.ok(!r.message.flags.includes("g"), `${r.id}: a global RegExp keeps state between test() calls`);
  }
});

test("every pattern explains at least one golden error PyTorch printed (a changed message is caught)", () => {
  const golden = goldenErrors();
  assert.ok(golden.length > 150, `only ${golden.length} golden errors found`);
  const missing = [];
  for (const r of ERROR_HELP.filter((r) => !r.gradlab)) {
    const hits = golden.filter((g) => errorHelpRow(g, g.source) === r);
    if (!hits.length) missing.push(r.id);
  }
  assert.deepEqual(missing, [], "patterns with no golden error explained by them");
});

test("gradlab's own limits: no golden PyTorch error says 'not supported by gradlab'", () => {
  for (const g of goldenErrors()) assert.ok(!errorHelpRow(g, g.source)?.gradlab, `${g.file}: PyTorch printed a gradlab-only message?`);
});

test("every pattern has an example cell", () => {
  assert.deepEqual(ERROR_HELP.map((r) => r.id).filter((id) => !EXAMPLES[id]), []);
});

for (const r of ERROR_HELP) {
  test(`${r.id}: the broken cell raises it in the engine${r.fix ? "; the fixed copy runs cleanly" : ""}`, () => {
    const src = EXAMPLES[r.id];
    const err = gl.withSession((s) => s.run(src).error);
    assert.ok(err, `${r.id}: the example raised nothing`);
    const help = explainError(err, src);
    assert.equal(help?.id, r.id, `${r.id}: ${err.type}: ${err.message} got ${help?.id}`);
    if (!r.fix) return assert.equal(help.fixed, null);
    assert.ok(help.fixed && help.fixed !== src, `${r.id}: the fix changes the cell`);
    const after = gl.withSession((s) => s.run(help.fixed));
    assert.equal(after.error, null, `${r.id}: the fixed copy still raises ${after.error?.type}: ${after.error?.message}\n${help.fixed}`);
  });
}

test("a fix that has nothing to work on offers no copy", () => {
  // backward twice across cells: this cell has one backward(), so there is nothing to add to it
  assert.equal(explainError({ type: "RuntimeError", message: "Trying to backward through the graph a second time (or ...)", line: 1 }, "y.backward()").fixed, null);
  assert.equal(explainError({ type: "NameError", message: "name 'wieght' is not defined", line: 1 }, "wieght").fixed, null);
  assert.equal(explainError({ type: "ValueError", message: "only one element tensors can be converted to Python scalars", line: 1 }, "torch.tensor([a, b])").fixed, null);
});

test("the cross-entropy row needs a loss in the cell; elsewhere the general dtype row explains", () => {
  const e = { type: "RuntimeError", message: "expected scalar type Long but found Float", line: 1 };
  assert.equal(explainError(e, "F.cross_entropy(x, t)").id, "cross-entropy-target-dtype");
  assert.equal(explainError(e, "a @ b").id, "dtype-mismatch");
});
