// "Predict, then run" (web/src/exercise.js): the checker per kind — right, wrong, a known
// misconception, a malformed prediction — and every lesson's exercises against PyTorch's own
// output of their cell (the lesson's .expected.js): the stored right answer is judged right, each
// misconception's example answer wrong with its own hint, at least three exercises per lesson.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check, printedItems, parsePrediction, countRight } from "../../web/src/exercise.js";
import { LESSONS, loadLesson } from "../../web/src/lessons/index.js";

const lessons = await Promise.all(LESSONS.map(loadLesson));
const hint = { en: "general", si: "සාමාන්‍ය" };
const runOf = ({ result = null, output = "", error = null }) => ({ result, output, error });

test("printed values: tensors, sizes, numbers, None, inside tuples and beside grad_fn", () => {
  const items = printedItems("(tensor([-1.1129,  1.2464]), 4.470449447631836)");
  assert.deepEqual(items.map((i) => i.type), ["tensor", "number"]);
  assert.deepEqual(items[0].shape, [2]);
  assert.deepEqual(items[0].values.map((v) => v.v), [-1.1129, 1.2464]);
  const grad = printedItems("tensor(12.5000, grad_fn=<AddBackward0>) tensor([-155.,  -50.])\n");
  assert.deepEqual(grad.map((i) => i.shape), [[], [2]]);
  assert.equal(grad[0].values[0].decimals, 4);
  assert.deepEqual(printedItems("torch.Size([3, 1]) torch.Size([1, 3])\n").map((i) => i.shape), [[3, 1], [1, 3]]);
  assert.deepEqual(printedItems("tensor(24.)\nNone\n").map((i) => i.type), ["tensor", "none"]);
  assert.deepEqual(printedItems("tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)")[0].shape, [2, 2]);
  assert.deepEqual(printedItems("torch.int64\n"), [], "a dtype's digits are not a number");
});

test("number: right to the digits given, a misconception's hint, the general hint, malformed", () => {
  const ex = { kind: "number", mistakes: [{ answer: "16", en: "that is y", si: "එය y ය" }], hint };
  const run = runOf({ result: "tensor(-1.8845)" });
  assert.equal(check(ex, run, "-1.88").verdict, "right");
  assert.equal(check(ex, run, "tensor(-1.8845)").verdict, "right");
  assert.equal(check(ex, run, "-1.8845").verdict, "right");
  assert.equal(check(ex, run, "-1.89").verdict, "wrong", "-1.8845 rounds to -1.88");
  assert.equal(check(ex, run, "-1.9").verdict, "wrong", "two decimals at least when PyTorch printed four");
  assert.equal(check(ex, run, "-2").verdict, "wrong");
  assert.deepEqual(check(ex, run, "16").hint, { id: "mistake-0", en: "that is y", si: "එය y ය" });
  assert.equal(check(ex, run, "15").hint.id, "general");
  for (const bad of ["abc", "1.2.3", "[1, 2", "8 9"]) assert.equal(check(ex, run, bad).verdict, "malformed", bad);
  assert.equal(check(ex, run, "   ").verdict, "empty");
  // a whole number printed as 10. accepts 10 and 10.0 but not 11 or 10.4
  const ten = runOf({ result: "tensor(10.)" });
  for (const ok of ["10", "10.0", "10."]) assert.equal(check(ex, ten, ok).verdict, "right", ok);
  for (const no of ["11", "10.4", "9.6"]) assert.equal(check(ex, ten, no).verdict, "wrong", no);
  // decimals: 0 lets "about 3" be right for 3.1918
  const w = { kind: "number", decimals: 0, from: "output", hint };
  assert.equal(check(w, runOf({ output: "tensor([3.1918], requires_grad=True) tensor([0.5694])\n" }), "3").verdict, "right");
  assert.equal(check(w, runOf({ output: "tensor([3.1918], requires_grad=True) tensor([0.5694])\n" }), "3.5").verdict, "wrong");
});

test("number: None for a .grad that is None, and a number predicted for it", () => {
  const ex = { kind: "number", from: "output", item: -1, mistakes: [{ answer: "12", en: "not a leaf", si: "පත්‍ර නොවේ" }], hint };
  const run = runOf({ output: "tensor(24.)\nNone\n" });
  assert.equal(check(ex, run, "None").verdict, "right");
  assert.equal(check(ex, run, "none").verdict, "right");
  assert.equal(check(ex, run, "12").hint.en, "not a leaf");
  assert.equal(check(ex, run, "24").hint.id, "general");
  assert.equal(check(ex, runOf({ output: "tensor(24.)\ntensor(12.)\n" }), "None").verdict, "wrong");
});

test("tensor: values and shape, the shape hint for right numbers in the wrong shape, malformed lists", () => {
  const ex = { kind: "tensor", from: "output", item: 0, mistakes: [{ answer: "[[10., 20., 30.]]", en: "that is b", si: "එය b ය" }], hint };
  const run = runOf({ output: "tensor([[60.],\n        [60.],\n        [60.]])\ntensor([[6., 6., 6.]])\n" });
  for (const ok of ["[[60.], [60.], [60.]]", "[[60],[60],[60]]", "tensor([[60.], [60.], [60.]])"]) assert.equal(check(ex, run, ok).verdict, "right", ok);
  assert.equal(check(ex, run, "[[10, 20, 30]]").hint.en, "that is b");
  assert.equal(check(ex, run, "[60, 60, 60]").hint.id, "shape");
  assert.equal(check(ex, run, "[[60, 60, 60]]").hint.id, "shape");
  assert.equal(check(ex, run, "[[6.], [6.], [6.]]").hint.id, "general");
  for (const bad of ["[[60.], [60.]", "[[60], [60, 60]]", "sixty", "[60; 60]"]) assert.equal(check(ex, run, bad).verdict, "malformed", bad);
  const zeroD = { kind: "tensor", hint };
  assert.equal(check(zeroD, runOf({ result: "tensor(1.)" }), "1").verdict, "right", "a 0-d tensor is a number");
  assert.equal(check(zeroD, runOf({ result: "tensor([0.5000, 1.0000, 1.5000])" }), "[0.5, 1, 1.5]").verdict, "right");
  assert.equal(check(zeroD, runOf({ result: "tensor([0.5000, 1.0000, 1.5000])" }), "[0, 1, 1]").verdict, "wrong");
});

test("shape: every way of writing it, from torch.Size or from a printed tensor", () => {
  const ex = { kind: "shape", mistakes: [{ answer: "(3,)", en: "keepdim", si: "keepdim" }], hint };
  const run = runOf({ result: "tensor([[21.],\n        [22.],\n        [23.]])" });
  for (const ok of ["(3, 1)", "[3, 1]", "torch.Size([3, 1])", "3x1", "3 × 1", "3, 1"]) assert.equal(check(ex, run, ok).verdict, "right", ok);
  assert.equal(check(ex, run, "(3,)").hint.en, "keepdim");
  assert.equal(check(ex, run, "[3]").hint.en, "keepdim");
  assert.equal(check(ex, run, "(1, 3)").hint.id, "general");
  for (const bad of ["(3, 1", "three", "(3.5, 1)", "None"]) assert.equal(check(ex, run, bad).verdict, "malformed", bad);
  const size = { kind: "shape", from: "output", item: 1, hint };
  assert.equal(check(size, runOf({ output: "torch.Size([200, 2]) torch.Size([200])\n" }), "(200,)").verdict, "right");
  assert.deepEqual(parsePrediction("shape", "()"), { type: "shape", shape: [] });
});

test("error: the exception's type against the run's; an error predicted where none came, and back", () => {
  const ex = { kind: "error", mistakes: [{ answer: "no error", en: "ints cannot require grad", si: "int" }], hint };
  const raised = runOf({ error: { type: "RuntimeError", message: "Only Tensors of floating point and complex dtype can require gradients" } });
  for (const ok of ["RuntimeError", "error: RuntimeError", "runtimeerror", "Error: RuntimeError"]) assert.equal(check(ex, raised, ok).verdict, "right", ok);
  assert.equal(check(ex, raised, "TypeError").hint.id, "general");
  assert.equal(check(ex, raised, "no error").hint.en, "ints cannot require grad");
  assert.equal(check(ex, raised, "it breaks").verdict, "malformed");
  assert.equal(check(ex, runOf({ result: "tensor(4)" }), "no error").verdict, "right");
  assert.equal(check(ex, runOf({ result: "tensor(4)" }), "RuntimeError").verdict, "wrong");
  // in the other kinds an error is a prediction too, and a number is wrong when the cell raised
  const num = { kind: "number", hint };
  assert.equal(check(num, raised, "RuntimeError").verdict, "right");
  assert.equal(check(num, raised, "4").verdict, "wrong");
  assert.equal(check(num, runOf({ result: "tensor(4.)" }), "RuntimeError").verdict, "wrong");
});

for (const l of lessons) {
  test(`lesson ${l.n} (${l.id}): at least three exercises, both languages, each checked against PyTorch's output`, () => {
    const cells = l.blocks.filter((b) => b.kind === "code" && b.exercise);
    assert.ok(cells.length >= 3, `${cells.length} exercises`);
    assert.deepEqual(countRight(l.blocks, {}), { right: 0, all: cells.length });
    for (const b of cells) {
      const ex = b.exercise;
      const where = `${l.id} ${b.id}`;
      assert.ok(["number", "tensor", "shape", "error"].includes(ex.kind), where);
      for (const text of [ex.prompt, ex.hint, ...ex.mistakes]) {
        assert.ok(text.en.trim(), where);
        assert.match(text.si, /[\u0D80-\u0DFF]/, `${where}: Sinhala`);
      }
      assert.ok(b.expected, `${where}: the cell has PyTorch output to check against`);
      const pytorch = runOf(b.expected);
      assert.equal(check(ex, pytorch, ex.answer).verdict, "right", `${where}: ${ex.answer}`);
      assert.ok(ex.mistakes.length >= 1, `${where}: a misconception`);
      for (const [i, m] of ex.mistakes.entries()) {
        const r = check(ex, pytorch, m.answer);
        assert.equal(r.verdict, "wrong", `${where}: ${m.answer} is wrong`);
        assert.equal(r.hint.id, `mistake-${i}`, `${where}: ${m.answer} shows its own hint`);
      }
      // and a prediction far from every answer gets the general hint
      const other = check(ex, pytorch, { number: "123456", tensor: "[123456]", shape: "(7, 7, 7)", error: "KeyError" }[ex.kind]);
      assert.equal(other.hint.id === "general" || other.hint.id === "shape", true, where);
    }
  });
}

test("the misconceptions the course teaches with exercises", () => {
  const hints = lessons.flatMap((l) => l.blocks.filter((b) => b.exercise).flatMap((b) => b.exercise.mistakes.map((m) => m.en))).join("\n");
  for (const topic of [/accumulate/, /not a leaf/, /integer tensor/, /paths meet/, /summed back/, /needs a scalar/, /torch\.no_grad\(\)/, /floating point tensors/]) assert.match(hints, topic);
  const kinds = new Set(lessons.flatMap((l) => l.blocks.filter((b) => b.exercise).map((b) => b.exercise.kind)));
  assert.deepEqual([...kinds].sort(), ["error", "number", "shape", "tensor"]);
});
