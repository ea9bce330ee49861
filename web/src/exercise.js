// "Predict, then run": checking a learner's prediction against what the engine printed for a cell.
// Pure (no DOM), so Node tests it. An exercise is data on a lesson's code block:
//   exercise: { kind: "number" | "tensor" | "shape" | "error",
//               from: "result" | "output",   which text of the run holds the answer (default result)
//               item: k,                     the k-th printed value in it (negative: from the end)
//               decimals: d,                 fewest decimals a number must give (default: as printed, at most 2)
//               prompt: {en, si}, answer,    a right prediction (the tests check it against PyTorch)
//               mistakes: [{answer, en, si}] wrong answers that show a misconception, with its hint
//               hint: {en, si} }             the hint for any other wrong answer
// Note [Checked against the engine]: the right answer is never stored for the page to compare
// with; the prediction is compared with the cell's actual run (its Out value, stdout or
// exception), so an engine that printed something else would mark a right prediction wrong.

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf|nan)`;
const NUMBER_AT = new RegExp(`^${NUMBER}`);
const NUMBER_ONLY = new RegExp(`^${NUMBER}$`);

/** The number a printed token stands for, and how many decimals it was written with. */
function num(text) {
  const v = text === "inf" || text === "+inf" ? Infinity : text === "-inf" ? -Infinity : /nan/.test(text) ? NaN : Number(text);
  const m = /\.(\d*)/.exec(text.replace(/[eE].*$/, ""));
  let decimals = m ? m[1].length : 0;
  const exp = /[eE]([-+]?\d+)/.exec(text);
  if (exp) decimals = Math.max(0, decimals - Number(exp[1]));
  return { v, decimals };
}

/** The index just past the bracket that closes the one at `start`, or -1. */
function closing(text, start) {
  const open = text[start], close = open === "(" ? ")" : "]";
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * A nested list of numbers ("[[1., 2.], [3., 4.]]" or "5.") as {shape, values: [{v, decimals}]};
 * null when it is not one (ragged lists included).
 */
export function parseNested(text) {
  let i = 0;
  const s = text.trim();
  const skip = () => {
    while (i < s.length && /[\s,]/.test(s[i])) i++;
  };
  const values = [];
  function item() {
    skip();
    if (s[i] === "[") {
      i++;
      const shapes = [];
      for (;;) {
        skip();
        if (i >= s.length) return null;
        if (s[i] === "]") {
          i++;
          break;
        }
        const sh = item();
        if (!sh) return null;
        shapes.push(sh);
      }
      if (shapes.some((sh) => sh.join() !== shapes[0].join())) return null;
      return [shapes.length, ...(shapes[0] ?? [])];
    }
    const m = NUMBER_AT.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    values.push(num(m[0]));
    return [];
  }
  const shape = item();
  skip();
  return shape && i === s.length ? { shape, values } : null;
}

/**
 * The values printed in `text`, in order: tensors (shape and values), torch.Size, numbers, None,
 * True/False — what a learner could be asked about. Other words and punctuation are skipped.
 */
export function printedItems(text) {
  const items = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let m;
    if (rest.startsWith("tensor(")) {
      const end = closing(text, i + 6);
      if (end < 0) break;
      const inner = text.slice(i + 7, end - 1);
      const body = inner.startsWith("[") ? inner.slice(0, closing(inner, 0)) : inner.split(",")[0];
      const t = parseNested(body);
      if (t) items.push({ type: "tensor", ...t });
      i = end;
    } else if (rest.startsWith("torch.Size(")) {
      const end = closing(text, i + 10);
      if (end < 0) break;
      items.push({ type: "shape", shape: (text.slice(i + 11, end - 1).match(/\d+/g) ?? []).map(Number) });
      i = end;
    } else if ((m = /^(None|True|False)\b/.exec(rest)) && !/\w/.test(text[i - 1] ?? "")) {
      items.push(m[1] === "None" ? { type: "none" } : { type: "number", value: num(m[1] === "True" ? "1" : "0") });
      i += m[0].length;
    } else if ((m = NUMBER_AT.exec(rest)) && !/[\w.]/.test(text[i - 1] ?? "")) {
      items.push({ type: "number", value: num(m[0]) });
      i += m[0].length;
    } else {
      i += /^\w+/.exec(rest)?.[0].length || 1; // a word (grad_fn=<...>, Parameter) or punctuation
    }
  }
  return items;
}

/** What the run says for `exercise`: {error: type} for an exception, else the printed item (or null). */
export function actualOf(exercise, run) {
  if (run.error || exercise.kind === "error") return { error: run.error?.type ?? null };
  const text = (exercise.from === "output" ? run.output : run.result) ?? "";
  const items = printedItems(text);
  const k = exercise.item ?? 0;
  return items.at(k) ?? null;
}

/** The learner's prediction as a value of the exercise's kind, or {malformed: true}. */
export function parsePrediction(kind, input) {
  let s = String(input ?? "").trim().replace(/\s+/g, " ");
  if (!s) return { empty: true };
  // "error: RuntimeError", "RuntimeError" or "no error" are predictions in every kind
  const err = /^(?:error\s*:?\s*)?([A-Za-z]*(?:Error|Exception))$/i.exec(s);
  if (err) return { error: err[1] };
  if (kind === "error") return /^(no error|none|nothing|no exception|ok)$/i.test(s) ? { error: null } : { malformed: true };
  if (/^None$/i.test(s) && kind !== "shape") return { type: "none" };
  if (kind === "shape") {
    s = s.replace(/^torch\.Size\s*\((.*)\)$/, "$1").trim();
    if (/^[([]?\s*[)\]]?$/.test(s)) return { type: "shape", shape: [] };
    if (!/^[([]?\s*\d+(\s*[,x×*]\s*\d+)*\s*,?\s*[)\]]?$/.test(s) || (/^[([]/.test(s) && !/[)\]]$/.test(s))) return { malformed: true };
    return { type: "shape", shape: s.match(/\d+/g).map(Number) };
  }
  const bare = s.replace(/^tensor\s*\((.*)\)$/, "$1").replace(/,\s*(requires_grad|grad_fn|dtype)=.*$/, "").trim();
  if (kind === "number") {
    return NUMBER_ONLY.test(bare) ? { type: "number", value: num(bare) } : { malformed: true };
  }
  // tensor: a nested list, or a single number for a 0-d tensor
  const t = parseNested(bare);
  return t ? { type: "tensor", ...t } : { malformed: true };
}

/** The numbers of a printed or predicted value, and its shape ([] for a number). */
function asTensor(x) {
  if (x.type === "tensor") return x;
  if (x.type === "number") return { shape: [], values: [x.value] };
  return null;
}

/** Does the predicted number agree with the printed one to the digits the learner gave? */
function closeTo(pred, actual, minDecimals) {
  if (Number.isNaN(actual.v)) return Number.isNaN(pred.v);
  if (!Number.isFinite(actual.v)) return pred.v === actual.v;
  const d = Math.max(pred.decimals, minDecimals ?? Math.min(actual.decimals, 2));
  return Math.abs(pred.v - actual.v) <= 0.5 * 10 ** -d + 1e-9 * Math.abs(actual.v);
}

/** True when `pred` (a parsed prediction) is the value `actual` (a printed item or {error}). */
export function same(kind, pred, actual, minDecimals) {
  if (actual == null) return false;
  if ("error" in pred || "error" in actual) return "error" in pred && "error" in actual && (pred.error ?? "").toLowerCase() === (actual.error ?? "").toLowerCase();
  if (pred.type === "none" || actual.type === "none") return pred.type === actual.type;
  if (kind === "shape") {
    const shape = actual.type === "shape" ? actual.shape : asTensor(actual)?.shape;
    return !!shape && pred.shape.join() === shape.join();
  }
  const a = asTensor(actual), p = asTensor(pred);
  if (!a || !p) return false;
  if (kind === "number") return a.values.length === 1 && p.values.length === 1 && closeTo(p.values[0], a.values[0], minDecimals);
  return p.shape.join() === a.shape.join() && p.values.every((v, i) => closeTo(v, a.values[i], minDecimals));
}

// Feedback that is not about the lesson's content: how to write a prediction of each kind.
const FORMAT = {
  number: { en: "Write one number, for example 8 or -1.88 (or None, or the error's name such as RuntimeError).", si: "එක් සංඛ්‍යාවක් ලියන්න, උදා: 8 හෝ -1.88 (නැතහොත් None, හෝ RuntimeError වැනි දෝෂයේ නම)." },
  tensor: { en: "Write the values as a list, for example [[1., 2.], [3., 4.]] (rows inside brackets), or tensor([1., 2.]).", si: "අගයන් ලැයිස්තුවක් ලෙස ලියන්න, උදා: [[1., 2.], [3., 4.]] (පේළි වරහන් තුළ), නැතහොත් tensor([1., 2.])." },
  shape: { en: "Write the shape as sizes in brackets, for example (3, 1), (20,) or torch.Size([3, 1]).", si: "හැඩය වරහන් තුළ ප්‍රමාණ ලෙස ලියන්න, උදා: (3, 1), (20,) හෝ torch.Size([3, 1])." },
  error: { en: "Write the exception's name, for example RuntimeError, or “no error”.", si: "exception එකේ නම ලියන්න, උදා: RuntimeError, නැතහොත් “no error”." },
};
const SHAPE_WRONG = {
  id: "shape",
  en: "The numbers are right but the shape is not: count the brackets of the printed tensor — each level of [ ] is one dimension.",
  si: "සංඛ්‍යා නිවැරදි නමුත් හැඩය වැරදිය: මුද්‍රණය කළ ටෙන්සරයේ වරහන් ගණන් කරන්න — [ ] එක් මට්ටමක් එක් මානයකි.",
};

/**
 * Judges `input` for `exercise` against the cell's `run` ({result, output, error}):
 * {verdict: "right" | "wrong" | "malformed" | "empty", hint: {id, en, si} | null}.
 */
export function check(exercise, run, input) {
  const kind = exercise.kind;
  const pred = parsePrediction(kind, input);
  if (pred.empty) return { verdict: "empty", hint: null };
  if (pred.malformed) return { verdict: "malformed", hint: { id: "format", ...FORMAT[kind] } };
  const actual = actualOf(exercise, run);
  if (same(kind, pred, actual, exercise.decimals)) return { verdict: "right", hint: null };
  for (const [i, m] of (exercise.mistakes ?? []).entries()) {
    const wrong = parsePrediction(kind, m.answer);
    if (!wrong.malformed && same(kind, pred, wrong, exercise.decimals)) return { verdict: "wrong", hint: { id: `mistake-${i}`, en: m.en, si: m.si } };
  }
  if (kind === "tensor" && pred.type === "tensor" && actual?.type === "tensor") {
    const flat = (t) => ({ type: "tensor", shape: [t.values.length], values: t.values });
    if (same(kind, flat(pred), flat(actual), exercise.decimals)) return { verdict: "wrong", hint: SHAPE_WRONG };
  }
  return { verdict: "wrong", hint: { id: "general", ...exercise.hint } };
}

/** How many of a lesson's exercises (`blocks`) the stored `progress` ({cellId: {right}}) has right. */
export function countRight(blocks, progress) {
  const ids = blocks.filter((b) => b.kind === "code" && b.exercise).map((b) => b.id);
  return { right: ids.filter((id) => progress[id]?.right === true).length, all: ids.length };
}
