// "Step through backward": the engine's traced passes (Note [Backward trace], in the graph
// description a cell's run returns) against PyTorch 1.13.1's own backward, node by node
// (recorded with post hooks on every node by fixtures/backward-steps.py: backward-steps.json for
// small graphs of every kind, lesson-steps.json for every lesson cell that runs backward), and
// stepper.js's reading of them. Run: node --test tests/node/
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradlabNode, defaultWasmDir } from "../../wasm/gradlab-node.mjs";
import { LESSONS, loadLesson } from "../../web/src/lessons/index.js";
import { describeStep, flattenPasses, leafOf } from "../../web/src/stepper.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = JSON.parse(readFileSync(path.join(here, "fixtures", "backward-steps.json"), "utf8"));
const plainLabel = (l) => l.replace(/^torch::autograd::/, "");

let gl;
before(async () => {
  assert.ok(existsSync(path.join(defaultWasmDir, "gradlab_web.js")), `no wasm module in ${defaultWasmDir}`);
  gl = await loadGradlabNode();
});

describe("traced passes equal PyTorch's, step by step", () => {
  for (const [name, fx] of Object.entries(fixtures)) {
    test(name, () => {
      gl.withSession((s) => {
        const r = s.run(`import torch\n${fx.code}`);
        assert.equal(r.error, null, r.error?.text);
        assert.ok(r.graph?.passes, "a cell that ran backward returns its passes");
        samePasses(r.graph.passes, fx.passes, name);
        for (const pass of r.graph.passes) for (const st of pass.steps) for (const e of st.sent) assert.ok(e.grad.value.length > 0, "printed values");
      });
    });
  }
});

test("broadcast steps carry the gradient before its sum; leaves show .grad before and after", () => {
  gl.withSession((s) => {
    const r = s.run(`import torch\n${fixtures.broadcast_twice.code}`);
    const graph = r.graph;
    const [first, second] = graph.passes;
    const mul = first.steps.find((st) => st.label === "MulBackward0");
    assert.deepEqual(mul.sent[1].unreduced.data, [4, 16, 36]);
    assert.deepEqual(mul.sent[1].unreduced.shape, [3]);
    assert.equal(mul.sent[0].unreduced, null, "x was not broadcast");
    const facts = describeStep(graph, mul);
    assert.equal(facts.sent[1].from.shape, "(3,)");
    assert.equal(facts.sent[1].from.to, "()");
    assert.equal(facts.sent[1].grad, "56.");
    // the second backward() adds to the first: x.grad [8, 16, 24] → [16, 32, 48]
    const accX = second.steps.filter((st) => st.label === "AccumulateGrad").find((st) => leafOf(graph, st.node)?.name === "x");
    assert.ok(accX, "x's AccumulateGrad step names its leaf through the graph");
    assert.deepEqual(accX.before.data, [8, 16, 24]);
    assert.deepEqual(accX.after.data, [16, 32, 48]);
    const acc = describeStep(graph, accX).accumulate;
    assert.equal(acc.name, "x");
    assert.equal(acc.before, "[ 8., 16., 24.]");
    assert.equal(acc.after, "[16., 32., 48.]");
    assert.equal(flattenPasses(graph.passes).length, first.steps.length + second.steps.length);
    // every step of the last pass names a node of the picture
    for (const st of second.steps) assert.ok(graph.nodes.some((n) => n.id === st.node), `${st.label} is drawn`);
  });
});

test("a cell without backward() carries no passes; a loop keeps its last passes", () => {
  gl.withSession((s) => {
    const r = s.run("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3");
    assert.ok(r.graph);
    assert.equal(r.graph.passes, undefined);
    const loop = s.run("for i in range(20):\n    (x * x).backward()\nx.grad");
    assert.equal(loop.result, "tensor(80.)");
    assert.equal(loop.graph.passes.length, 8);
    assert.equal(loop.graph.dropped_passes, 12);
    assert.equal(s.run("y").graph.passes, undefined, "the trace belongs to the cell that ran it");
  });
});

test("focus names come from the resolver: a tensor used only in an f-string is focused", () => {
  gl.withSession((s) => {
    s.run("import torch\nw = torch.tensor(1.5, requires_grad=True)");
    const r = s.run('print(f"{w * 2}")');
    assert.deepEqual(r.focus, ["w"]);
    const attr = s.run("q = torch.tensor(1.0)\nq.w = 1" );
    assert.ok(!attr.focus.includes("w") || attr.error, "an attribute named w is not the variable w");
  });
});

const lessonSteps = JSON.parse(readFileSync(path.join(here, "fixtures", "lesson-steps.json"), "utf8"));

/** Asserts the engine's traced `passes` are PyTorch's `want` (backward-steps.py's form), step by step. */
function samePasses(got, want, where) {
  assert.equal(got.length, want.length, `${where}: passes`);
  want.forEach((w, p) => {
    const steps = got[p].steps;
    assert.deepEqual(steps.map((s) => s.label), w.map((s) => plainLabel(s.label)), `${where} pass ${p}: execution order`);
    w.forEach((ws, i) => {
      assert.deepEqual(steps[i].grad_in?.data ?? null, ws.grad_in, `${where} pass ${p} step ${i} (${ws.label}): gradient arriving`);
      assert.deepEqual(steps[i].sent.map((e) => e.grad.data), ws.sent, `${where} pass ${p} step ${i} (${ws.label}): gradients sent`);
    });
  });
}

describe("every lesson's backward passes equal PyTorch's (fixtures/lesson-steps.json, tools/lesson-steps.mjs)", () => {
  for (const entry of LESSONS) {
    test(`lesson ${entry.n} (${entry.id})`, async () => {
      const lesson = await loadLesson(entry);
      const want = lessonSteps[entry.id] ?? {};
      gl.withSession((s) => {
        let traced = 0;
        for (const b of lesson.blocks.filter((b) => b.kind === "code")) {
          const r = s.run(b.source);
          const w = want[b.id];
          if (!w) {
            assert.equal(r.graph?.passes, undefined, `${b.id}: PyTorch ran no backward here`);
            continue;
          }
          assert.equal(r.graph?.dropped_passes ?? 0, w.dropped, `${b.id}: passes before the kept ones`);
          samePasses(r.graph.passes, w.passes, b.id);
          traced++;
        }
        assert.equal(traced, Object.keys(want).length);
      });
    });
  }
});

describe("every lesson's backward passes: each .grad after a step is the .grad before plus what arrived", () => {
  for (const entry of LESSONS) {
    test(`lesson ${entry.n} (${entry.id})`, async () => {
      const lesson = await loadLesson(entry);
      gl.withSession((s) => {
        for (const b of lesson.blocks.filter((b) => b.kind === "code")) {
          const r = s.run(b.source);
          for (const pass of r.graph?.passes ?? []) {
            for (const st of pass.steps.filter((x) => x.label === "AccumulateGrad" && x.grad_in && x.after)) {
              const before = st.before?.data ?? st.after.data.map(() => 0);
              st.after.data.forEach((v, i) => {
                const sum = before[i] + st.grad_in.data[st.grad_in.data.length === 1 ? 0 : i];
                assert.ok(v === sum || v === Math.fround(sum), `${b.id}: .grad after = before + arriving (float64 or float32)`);
              });
            }
          }
        }
      });
    });
  }
});

test("a running cell's prints stream to a progress listener; the result still has all of them", () => {
  gl.withSession((s) => {
    const chunks = [];
    s.setProgressListener((text) => chunks.push(text));
    const r = s.run("for i in range(3):\n    print('line', i)\n'done'");
    assert.equal(r.output, "line 0\nline 1\nline 2\n");
    assert.equal(r.result, "'done'");
    assert.ok(chunks.length >= 1, "the first print goes out at once");
    assert.equal(chunks[0], "line 0\n");
    assert.ok(r.output.startsWith(chunks.join("")), "chunks are the output's beginning, in order");
    s.setProgressListener(null);
    const before = chunks.length;
    assert.equal(s.run("print('quiet')").output, "quiet\n", "off again: collected as before");
    assert.equal(chunks.length, before);
  });
});
