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

const SUP = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", ".": "·" };
const sup = (p) => String(p).split("").map((c) => SUP[c] ?? c).join("");

/** A number for a formula: at most 4 decimals, no trailing zeros ("8", "0.25"). */
export function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toFixed(4)));
}

/** The tensor each input of op node `op` comes from (null where the graph does not name it). */
function inputsOf(graph, op) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges
    .filter((e) => e.from === op.id)
    .map((e) => {
      const next = byId.get(e.to);
      if (!next) return null;
      if (next.op === "accumulate_grad") {
        const leafEdge = graph.edges.find((f) => f.from === next.id);
        return leafEdge ? byId.get(leafEdge.to) : null;
      }
      // a named intermediate tensor points at its own grad_fn
      const t = graph.edges.map((f) => byId.get(f.from)).find((n, i) => n?.kind === "tensor" && graph.edges[i].to === next.id);
      return t ?? null;
    });
}

const scalarOf = (t) => (t && t.data && t.data.length >= 1 ? t.data[0] : null);
const isScalar = (t) => t && (!t.shape || t.shape.length === 0 || t.shape.every((d) => d === 1));
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
  const ins = inputsOf(graph, node);
  const [a, b] = ins;
  const an = nameOf(a, "a"), bn = nameOf(b, "b");
  const av = scalarOf(a), bv = scalarOf(b);
  const each = (t) => (isScalar(t) ? "" : " (elementwise; numbers for the first entry)");
  const attrs = node.attrs ?? {};
  const lines = [node.label];
  switch (node.op) {
    case "pow": {
      const p = attrs.exponent;
      if (p == null) {
        lines.push(`d(${an}ᵖ)/d${an} = p·${an}ᵖ⁻¹`);
        break;
      }
      const rule = p === 2 ? `2${an}` : `${p}·${an}${sup(p - 1)}`;
      let s = `d(${an}${sup(p)})/d${an} = ${rule}`;
      if (av != null) s += p === 2 ? ` = 2·${fmt(av)} = ${fmt(2 * av)}` : ` = ${p}·${fmt(av)}${sup(p - 1)} = ${fmt(p * av ** (p - 1))}`;
      lines.push(s + each(a));
      break;
    }
    case "add":
    case "sub": {
      const sign = node.op === "add" ? "+" : "−";
      const alpha = attrs.alpha ?? 1;
      lines.push(`∂(${an} ${sign} ${b ? bn : "c"})/∂${an} = 1`);
      if (b) lines.push(`∂(${an} ${sign} ${bn})/∂${bn} = ${node.op === "add" ? fmt(alpha) : fmt(-alpha)}`);
      break;
    }
    case "mul":
      if (b) {
        lines.push(`∂(${an}·${bn})/∂${an} = ${bn}${bv != null ? ` = ${fmt(bv)}` : ""}${each(b)}`);
        lines.push(`∂(${an}·${bn})/∂${bn} = ${an}${av != null ? ` = ${fmt(av)}` : ""}`);
      } else {
        lines.push(`∂(${an}·c)/∂${an} = c${attrs.other != null ? ` = ${fmt(attrs.other)}` : ""}`);
      }
      break;
    case "div":
      lines.push(`∂(${an}/${bn})/∂${an} = 1/${bn}${bv != null ? ` = ${fmt(1 / bv)}` : ""}`);
      if (b) lines.push(`∂(${an}/${bn})/∂${bn} = −${an}/${bn}²${av != null && bv != null ? ` = ${fmt(-av / (bv * bv))}` : ""}`);
      break;
    case "neg":
      lines.push(`d(−${an})/d${an} = −1`);
      break;
    case "sum":
      lines.push(`∂(Σ ${an})/∂${an}ᵢ = 1: the incoming gradient is copied to every entry`);
      break;
    case "mean": {
      const n = a?.shape?.reduce((p, d) => p * d, 1);
      lines.push(`∂(mean ${an})/∂${an}ᵢ = 1/n${n ? ` = 1/${n} = ${fmt(1 / n)}` : ""}`);
      break;
    }
    case "exp":
      lines.push(`d(e^${an})/d${an} = e^${an}${av != null ? ` = ${fmt(Math.exp(av))}` : ""}${each(a)}`);
      break;
    case "log":
      lines.push(`d(ln ${an})/d${an} = 1/${an}${av != null ? ` = ${fmt(1 / av)}` : ""}${each(a)}`);
      break;
    case "sigmoid":
      lines.push(`dσ(${an})/d${an} = σ(${an})·(1 − σ(${an}))`);
      break;
    case "tanh":
      lines.push(`d tanh(${an})/d${an} = 1 − tanh²(${an})`);
      break;
    case "relu":
      lines.push(`d relu(${an})/d${an} = 1 where ${an} > 0, else 0`);
      break;
    case "sqrt":
      lines.push(`d√${an}/d${an} = 1/(2√${an})`);
      break;
    case "sin":
      lines.push(`d sin(${an})/d${an} = cos(${an})`);
      break;
    case "cos":
      lines.push(`d cos(${an})/d${an} = −sin(${an})`);
      break;
    case "abs":
      lines.push(`d|${an}|/d${an} = sign(${an})`);
      break;
    case "clamp":
      lines.push(`d clamp(${an})/d${an} = 1 inside [${attrs.min ?? "−∞"}, ${attrs.max ?? "∞"}], else 0`);
      break;
    case "rsub":
      lines.push(`∂(c − ${an})/∂${an} = −1`);
      break;
    case "reciprocal":
      lines.push(`d(1/${an})/d${an} = −1/${an}²${av != null ? ` = ${fmt(-1 / (av * av))}` : ""}${each(a)}`);
      break;
    case "max":
    case "maximum":
      lines.push(`the gradient goes to the largest entry (1 there, 0 elsewhere)`);
      break;
    case "t":
    case "transpose":
    case "permute":
    case "view":
    case "reshape":
    case "squeeze":
    case "squeeze_":
    case "unsqueeze":
    case "expand":
    case "select":
    case "slice":
    case "clone":
    case "to":
      lines.push(`moves values without changing them: the gradient is moved back to the input’s layout (local derivative 1)`);
      break;
    case "dot":
    case "mv":
    case "matmul":
    case "mm":
      lines.push(`∂(${an} @ ${bn})/∂${an} = G @ ${bn}ᵀ`, `∂(${an} @ ${bn})/∂${bn} = ${an}ᵀ @ G   (G: incoming gradient)`);
      break;
    default:
      lines.push(`sends the incoming gradient back to its input${ins.length === 1 ? "" : "s"} (${node.op})`);
  }
  return lines;
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
