// The backward graph picture: the engine's graph description (engine/graph_json.h) → Graphviz
// DOT in torchviz's style (tensor boxes with value and grad, `…Backward0` nodes, AccumulateGrad
// into leaves; arrows the way gradients flow) → SVG from the Graphviz worker. Hovering or
// focusing a node shows its local derivative rule with the numbers filled in.
// The page only draws: every value shown comes from the engine's description.

/** Keeps the connected parts of `graph` that contain a tensor named in `focus`. */
export function focusGraph(graph, focus) {
  if (!graph || !graph.nodes?.length) return null;
  const adj = new Map(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    adj.get(e.from)?.push(e.to);
    adj.get(e.to)?.push(e.from);
  }
  const start = graph.nodes.filter((n) => n.kind === "tensor" && n.name && focus.includes(n.name));
  if (!start.length) return null;
  const keep = new Set(start.map((n) => n.id));
  const queue = [...keep];
  while (queue.length) {
    for (const m of adj.get(queue.pop()) ?? []) {
      if (!keep.has(m)) {
        keep.add(m);
        queue.push(m);
      }
    }
  }
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    passes: graph.passes, // the traced backward passes (stepper.js); steps name nodes by id
  };
}

/**
 * "tensor(4.)" → "4."; a multi-line repr loses "tensor(" and the 7-space indent that went with it
 * (the engine's data repr keeps that indent, as PyTorch prints it inside "tensor(").
 */
export function stripTensor(repr) {
  if (repr == null) return "None";
  const m = /^tensor\(([\s\S]*)\)$/.exec(repr);
  const body = m ? m[1] : repr;
  const lines = body.split("\n");
  if (lines.length > 1 && lines.slice(1).every((l) => l.startsWith("       ") || !l.trim())) {
    return lines.map((l, i) => (i === 0 ? l : l.slice(7))).join("\n");
  }
  return body;
}

const esc = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const shapeText = (shape) => (shape && shape.length ? `(${shape.join(", ")})` : "");

function htmlLines(text, cls) {
  return text
    .split("\n")
    .map((l) => `<TR><TD ALIGN="LEFT" BALIGN="LEFT"${cls ? "" : ""}>${esc(l).replace(/ /g, "&#160;")}</TD></TR>`)
    .join("");
}

/** DOT source for a graph description (already focused). */
export function toDot(graph) {
  const lines = [
    "digraph G {",
    'graph [rankdir=TB, nodesep=0.25, ranksep=0.28, bgcolor="transparent", pad=0.05];',
    'node [fontname="Courier", fontsize=11, margin="0.08,0.04"];',
    'edge [arrowsize=0.7];',
  ];
  for (const n of graph.nodes) {
    if (n.kind === "tensor") {
      const name = n.name || "";
      const head = `${name}${name && n.shape?.length ? " " : ""}${shapeText(n.shape)}` || "tensor";
      const value = stripTensor(n.value);
      const grad = n.grad == null ? "None" : stripTensor(n.grad);
      const field = (label, text) =>
        text.includes("\n")
          ? `<TR><TD ALIGN="LEFT">${label}</TD></TR>${htmlLines(text)}`
          : `<TR><TD ALIGN="LEFT">${label} ${esc(text).replace(/ /g, "&#160;")}</TD></TR>`;
      const rows =
        `<TR><TD ALIGN="LEFT"><B>${esc(head)}</B></TD></TR>` +
        field("data", value) +
        ((n.is_leaf && n.requires_grad) || n.grad != null ? field("grad", grad) : "");
      const cls = n.is_leaf ? (n.requires_grad ? "tensor leaf" : "tensor const") : "tensor output";
      lines.push(
        `"${n.id}" [id="g-${n.id}", class="${cls}", shape=box, style="rounded", label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows}</TABLE>>];`,
      );
    } else {
      const cls = n.op === "accumulate_grad" ? "op accumulate" : "op";
      lines.push(`"${n.id}" [id="g-${n.id}", class="${cls}", shape=box, style="rounded", label="${esc(n.label)}"];`);
    }
  }
  for (const e of graph.edges) lines.push(`"${e.from}" -> "${e.to}";`);
  lines.push("}");
  return lines.join("\n");
}

// ---- local derivative rules ---------------------------------------------------------------------
// Each op node carries its rule from the engine's op table (Note [Derivative rules],
// engine/ops/op_list.h): a template over {a} {b} {c} (the node's input slots), {p} {q} (its
// scalar attributes), {out} (its output) and G (the incoming gradient), one "; "-part per slot.
// The page only fills it in: names first, then, where every input used is a scalar, the values
// and the number they give.

/** A number for a formula: at most 4 decimals, no trailing zeros ("8", "0.25"). */
export function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toFixed(4)));
}

const mathNumber = (v) => fmt(v).replace(/^-/, "−");

const isScalar = (t) => t && (!t.shape || t.shape.length === 0 || t.shape.every((d) => d === 1));

/** The tensor node behind a graph node the gradient flows to: a leaf through its AccumulateGrad, else the named tensor whose grad_fn it is. */
function tensorBehind(graph, byId, next) {
  if (!next) return null;
  if (next.op === "accumulate_grad") {
    const leafEdge = graph.edges.find((f) => f.from === next.id);
    return leafEdge ? byId.get(leafEdge.to) ?? null : null;
  }
  const e = graph.edges.find((f) => f.to === next.id && byId.get(f.from)?.kind === "tensor");
  return e ? byId.get(e.from) : null;
}

/**
 * The input slots of op node `op`, in order: {needsGrad, tensor} where tensor is the graph's
 * tensor node for that input (null where the graph does not show it). The op's edges come in
 * slot order, skipping the slots that get no gradient (the engine's "needs_input_grad").
 */
function slotsOf(graph, op) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const targets = graph.edges.filter((e) => e.from === op.id).map((e) => tensorBehind(graph, byId, byId.get(e.to)));
  const needs = op.needs_input_grad ?? targets.map(() => true);
  let next = 0;
  return needs.map((needsGrad) => ({ needsGrad, tensor: needsGrad ? targets[next++] ?? null : null }));
}

/** The tensor an op node produced, where the graph shows it. */
function outputOf(graph, op) {
  const e = graph.edges.find((f) => f.to === op.id && graph.nodes.find((n) => n.id === f.from)?.kind === "tensor");
  return e ? graph.nodes.find((n) => n.id === e.from) : null;
}

const PLACEHOLDER = /\{(a|b|c|p|q|out)\}/g;
const SLOT_KEYS = ["a", "b", "c"];

/** Replaces each placeholder by `words[key]`; null when one of them has no word. */
function fillTemplate(template, words) {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (m, key) => {
    const w = words[key];
    if (w == null) missing = true;
    return w ?? m;
  });
  return missing ? null : text;
}

const FUNCTIONS = [
  ["tanh", Math.tanh], ["sinh", Math.sinh], ["cosh", Math.cosh], ["tan", Math.tan], ["sin", Math.sin],
  ["cos", Math.cos], ["ln", Math.log], ["σ", (x) => 1 / (1 + Math.exp(-x))], ["√", Math.sqrt],
];

/**
 * The value of a formula made only of numbers, + − · / ^ ², parentheses, π, e and elementary
 * functions ("2·4^(2−1)" → 8, "1/(2·√4)" → 0.25); null for anything else (words, G, sums, …).
 */
export function evaluateFormula(text) {
  const src = text.trim();
  let i = 0;
  const eat = (tok) => {
    while (src[i] === " ") i++;
    if (!src.startsWith(tok, i)) return false;
    i += tok.length;
    return true;
  };
  const expr = () => {
    let v = term();
    for (;;) {
      if (eat("+")) v += term();
      else if (eat("−") || eat("-")) v -= term();
      else return v;
    }
  };
  const term = () => {
    let v = unary();
    for (;;) {
      if (eat("·")) v *= unary();
      else if (eat("/")) v /= unary();
      else return v;
    }
  };
  const unary = () => (eat("−") || eat("-") ? -unary() : power());
  const power = () => {
    const base = postfix();
    return eat("^") ? base ** unary() : base;
  };
  const postfix = () => {
    let v = primary();
    while (eat("²")) v *= v;
    return v;
  };
  const primary = () => {
    while (src[i] === " ") i++;
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    if (eat("(")) {
      const v = expr();
      if (!eat(")")) throw new Error("unbalanced");
      return v;
    }
    if (eat("π")) return Math.PI;
    for (const [name, f] of FUNCTIONS) {
      if (eat(name)) {
        const squared = eat("²");
        const v = f(postfix());
        return squared ? v * v : v;
      }
    }
    if (eat("e")) return Math.E;
    throw new Error("not arithmetic");
  };
  try {
    const v = expr();
    while (src[i] === " ") i++;
    return i === src.length && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * The lines of an op node's rule, filled in: one per input slot that gets a gradient (the rule's
 * matching "; "-part), e.g. "∂/∂x = 2·x^(2−1) = 2·4^(2−1) = 8" for y = x**2 at x = 4.
 */
export function ruleLines(graph, node) {
  if (!node.rule) return [];
  const attrs = node.attrs ?? {};
  const slots = slotsOf(graph, node);
  const out = outputOf(graph, node);
  const attrWord = (v) => (v == null ? null : typeof v === "number" ? mathNumber(v) : String(v));
  const names = { p: attrWord(attrs.p) ?? "p", q: attrWord(attrs.q) ?? "q", out: out?.name || "out" };
  const values = { p: names.p, q: names.q, out: null };
  const valueOf = (t) => (isScalar(t) && t.data?.length && t.data[0] != null ? t.data[0] : null);
  const parenthesized = (v) => (v < 0 ? `(${mathNumber(v)})` : mathNumber(v));
  slots.forEach((slot, i) => {
    const key = SLOT_KEYS[i];
    if (!key) return;
    // a Python number operand (x * 2) keeps its slot, without a gradient: the number stands there
    const number = !slot.needsGrad && i === 1 && typeof attrs.other === "number" ? attrs.other : null;
    names[key] = slot.tensor?.name || (number != null ? mathNumber(number) : key);
    const v = number ?? valueOf(slot.tensor);
    values[key] = v == null ? null : parenthesized(v);
  });
  if (valueOf(out) != null) values.out = parenthesized(valueOf(out));
  for (const key of SLOT_KEYS) if (!(key in names)) names[key] = key;

  const parts = node.rule.split("; ");
  const shown = parts.length === 1 ? (slots.some((s) => s.needsGrad) || !slots.length ? parts : []) : parts.filter((_, i) => slots[i]?.needsGrad);
  return shown.map((part) => {
    const named = fillTemplate(part, names);
    const eq = part.indexOf(" = ");
    if (eq < 0) return named;
    const rhs = part.slice(eq + 3);
    const withValues = fillTemplate(rhs, values);
    if (withValues == null || withValues === fillTemplate(rhs, names)) return named;
    const v = evaluateFormula(withValues);
    if (v == null) return named;
    const result = mathNumber(v);
    // a bare value ("y = −3") is its own result
    return result === withValues || `(${result})` === withValues ? `${named} = ${result}` : `${named} = ${withValues} = ${result}`;
  });
}

const nameOf = (t, fallback) => (t && t.name) || fallback;
const oneLine = (repr) => stripTensor(repr).replace(/\n\s*/g, " ");
const nodeName = (n) => (n.kind === "tensor" ? n.name || "tensor" : n.label);

/**
 * One row per node for the graph's text alternative (the table and the SVG's description):
 * {id, kind, name, label, value, grad, rule, next: names the gradient flows on to, leaf}.
 */
export function graphRows(graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.nodes.map((n) => {
    const lines = explainNode(graph, n);
    const next = graph.edges.filter((e) => e.from === n.id).map((e) => byId.get(e.to)).filter(Boolean).map(nodeName);
    const tensor = n.kind === "tensor";
    return {
      id: n.id,
      kind: n.kind,
      name: nodeName(n),
      label: lines.join(", "),
      value: tensor && n.value != null ? oneLine(n.value) : null,
      grad: tensor ? (n.grad != null ? oneLine(n.grad) : n.is_leaf && n.requires_grad ? "None" : null) : null,
      rule: tensor ? lines.slice(1).filter((l) => !/^(data|grad) = /.test(l)).join("; ") : lines.slice(1).join("; "),
      next,
      leaf: tensor && !!n.is_leaf,
    };
  });
}

/** Text lines explaining node `node` of `graph`: its rule, with numbers where known. */
export function explainNode(graph, node) {
  if (node.kind === "tensor") {
    const lines = [`${node.name || "tensor"} ${shapeText(node.shape)} ${node.dtype ?? ""}`.trim()];
    lines.push(node.is_leaf ? (node.requires_grad ? "leaf: its gradient is accumulated in .grad" : "constant: no gradient") : "result of an operation (not a leaf)");
    if (node.value != null) lines.push(`data = ${oneLine(node.value)}`);
    if (node.grad != null) lines.push(`grad = ${oneLine(node.grad)}`);
    return lines;
  }
  if (node.op === "accumulate_grad") {
    const leafEdge = graph.edges.find((e) => e.from === node.id);
    const leaf = graph.nodes.find((n) => n.id === leafEdge?.to);
    const nm = nameOf(leaf, "x");
    return [
      "AccumulateGrad",
      `${nm}.grad += incoming gradient`,
      leaf?.grad != null ? `${nm}.grad = ${stripTensor(leaf.grad).replace(/\n\s*/g, " ")}` : `${nm}.grad is None until backward()`,
    ];
  }
  if (!node.rule) return [node.label, "sends the incoming gradient back to its inputs"];  // an engine without rules
  const lines = ruleLines(graph, node);
  if (lines.some((l) => /(^|[^\p{L}])G([^\p{L}]|$)/u.test(l))) lines.push("G: the incoming gradient");
  return [node.label, ...lines];
}

/**
 * When the focused graph is a scalar function of one scalar leaf (y = f(x)), returns
 * {x, y, xValue, yValue, grad} from the engine's description; else null.
 */
export function scalarFunction(graph) {
  if (!graph) return null;
  const tensors = graph.nodes.filter((n) => n.kind === "tensor");
  const leaves = tensors.filter((n) => n.is_leaf && n.requires_grad);
  const roots = tensors.filter((n) => !n.is_leaf && n.name && (n.shape?.length ?? 0) === 0);
  if (leaves.length !== 1 || roots.length < 1) return null;
  const [leaf] = leaves;
  if (!leaf.name || (leaf.shape?.length ?? 0) !== 0) return null;
  const root = roots[0];
  return {
    x: leaf.name,
    y: root.name,
    xValue: leaf.data?.[0],
    yValue: root.data?.[0],
    grad: leaf.grad_data?.[0] ?? null,
  };
}
