// "Step through backward": replays the backward passes a cell ran, in the engine's real order.
// The engine traced them (Note [Backward trace], engine/autograd/backward_trace.h) and put them in
// the graph description as `passes`: per step the node, the gradient that arrived, what it sent
// along each edge (and, for a broadcast input, the gradient before it was summed back), and at a
// leaf its .grad before and after. This file only shows them: nothing is recomputed here.
// Keys ← / → move between steps (when the stepper has focus), Play walks through them.
import { el } from "./cell.js";
import { t } from "./i18n.js";
import { explainNode, stripTensor } from "./graph.js";

const PLAY_MS = 1400;

/** The steps of every pass, flattened: [{pass, index, step}] in execution order. */
export function flattenPasses(passes) {
  const out = [];
  (passes ?? []).forEach((pass, p) => pass.steps.forEach((step, i) => out.push({ pass: p, index: i, step })));
  return out;
}

/** The leaf tensor an AccumulateGrad node `id` feeds, from the graph's edges (or null). */
export function leafOf(graph, id) {
  const edge = graph.edges.find((e) => e.from === id);
  const node = edge && graph.nodes.find((n) => n.id === edge.to);
  return node?.kind === "tensor" ? node : null;
}

const shapeText = (shape) => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
const valueText = (v) => (v == null ? "None" : stripTensor(v.value));

/**
 * The facts of one step as plain data (what the panel shows and the screen reader hears):
 * {title, arrives, rule[], sent[{to, grad, from?}], accumulate?: {name, before, after}}.
 */
export function describeStep(graph, step) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = step.node ? byId.get(step.node) : null;
  const nameOf = (id, label) => {
    const n = id ? byId.get(id) : null;
    if (n && n.op === "accumulate_grad") {
      const leaf = leafOf(graph, n.id);
      return leaf?.name ? `${label} → ${leaf.name}` : label;
    }
    return label;
  };
  const facts = { title: nameOf(step.node, step.label), arrives: step.grad_in ? valueText(step.grad_in) : null, rule: [], sent: [] };
  if (node && step.label !== "AccumulateGrad") facts.rule = explainNode(graph, node).slice(1);
  for (const s of step.sent) {
    const sent = { to: nameOf(s.to, s.label), grad: valueText(s.grad) };
    if (s.unreduced) sent.from = { shape: shapeText(s.unreduced.shape), to: shapeText(s.grad.shape), grad: valueText(s.unreduced) };
    facts.sent.push(sent);
  }
  if (step.label === "AccumulateGrad") {
    const leaf = step.node ? leafOf(graph, step.node) : null;
    facts.accumulate = { name: leaf?.name || "x", before: valueText(step.before), after: valueText(step.after) };
  }
  return facts;
}

/**
 * The tensor a preview would start from when a cell built a graph but ran no backward(): the
 * newest one-element result the cell names (graph_json lists roots newest first), or null.
 */
export function previewRoot(graph, focus) {
  const one = (shape) => (shape ?? []).reduce((p, d) => p * d, 1) === 1;
  const root = graph?.nodes.find((n) => n.kind === "tensor" && !n.is_leaf && n.name && focus.includes(n.name) && one(n.shape));
  return root?.name ?? null;
}

/**
 * The stepper's controls and panel; `host` is where they go (under the graph). `preview(name)`
 * asks the engine for a dry run of name.backward() (resolves to a graph with passes, or rejects
 * with the engine's error message) for cells that ran no backward pass themselves.
 */
export function createStepper(host, { preview, redraw = async () => {} } = {}) {
  const state = { graph: null, steps: [], at: -1, timer: null, root: null };
  const openBtn = el("button", { type: "button", class: "link-btn step-open", onclick: () => (state.steps.length ? open() : askPreview()) });
  const note = el("p", { class: "caption step-note", "aria-live": "polite" });
  const prevBtn = el("button", { type: "button", class: "step-prev", onclick: () => go(state.at - 1) });
  const nextBtn = el("button", { type: "button", class: "step-next", onclick: () => go(state.at + 1) });
  const playBtn = el("button", { type: "button", class: "step-play", onclick: () => (state.timer ? pause() : play()) });
  const closeBtn = el("button", { type: "button", class: "link-btn step-close", onclick: () => close() });
  const counter = el("span", { class: "step-counter", "aria-live": "polite" });
  const panel = el("div", { class: "step-panel", "aria-live": "polite" });
  const keysHelp = el("p", { class: "caption step-keys" });
  const box = el(
    "div",
    { class: "stepper", role: "group", tabindex: "0", hidden: true, onkeydown: (ev) => onKey(ev) },
    el("div", { class: "step-bar" }, prevBtn, playBtn, nextBtn, counter, closeBtn),
    panel,
    keysHelp,
  );
  host.replaceChildren(openBtn, note, box);
  openBtn.hidden = true;
  note.hidden = true;

  async function askPreview() {
    const root = state.root;
    if (!root || !preview) return;
    openBtn.disabled = true;
    try {
      const graph = await preview(root);
      if (state.root !== root) return; // another cell became current meanwhile
      note.hidden = true;
      state.graph = graph;
      state.steps = flattenPasses(graph.passes);
      if (!state.steps.length) return;
      open();
      await redraw(); // the picture now draws the preview's graph (its node ids name the steps)
    } catch (err) {
      note.textContent = `${t("stepPreviewFailed")} ${err.message ?? err}`;
      note.hidden = false;
    } finally {
      openBtn.disabled = false;
    }
  }

  function onKey(ev) {
    if (ev.key === "ArrowLeft") go(state.at - 1);
    else if (ev.key === "ArrowRight") go(state.at + 1);
    else if (ev.key === "Escape") close();
    else return;
    ev.preventDefault();
  }

  function highlight() {
    const svg = document.querySelector("#graph svg");
    if (!svg) return;
    for (const g of svg.querySelectorAll("g.node")) g.classList.remove("step-now", "step-done");
    if (state.at < 0) return;
    const current = state.steps[state.at];
    for (const [i, { pass, step }] of state.steps.entries()) {
      if (i > state.at || pass !== current.pass || !step.node) continue;
      svg.querySelector(`#g-${CSS.escape(step.node)}`)?.classList.add(i === state.at ? "step-now" : "step-done");
    }
  }

  function render() {
    relabel();
    const item = state.steps[state.at];
    if (!item) return;
    const passes = state.graph.passes;
    const f = describeStep(state.graph, item.step);
    const isPreview = !!passes[item.pass].preview;
    const dropped = state.graph.dropped_passes ?? 0; // a loop's earlier passes, not kept
    counter.textContent = t("stepOf", state.at + 1, state.steps.length, dropped + item.pass + 1, dropped + passes.length);
    const rows = [el("h3", { class: "step-title", text: f.title })];
    if (isPreview) rows.unshift(el("p", { class: "caption step-preview", text: t("stepPreview", state.root ?? "y") }));
    rows.push(el("div", {}, el("b", { text: t("stepArrives") + " " }), f.arrives == null ? el("span", { text: t("stepNone") }) : el("code", { text: f.arrives })));
    if (f.rule.length) rows.push(el("div", {}, el("b", { text: t("stepRule") + " " }), ...f.rule.map((l) => el("div", { class: "step-rule", text: l }))));
    for (const s of f.sent) {
      const line = el("div", { class: "step-sent" }, el("b", { text: t("stepSends", s.to) + " " }), el("code", { text: s.grad }));
      if (s.from) line.append(el("div", { class: "step-broadcast" }, el("span", { text: t("stepSummed", s.from.shape, s.from.to) + " " }), el("code", { text: s.from.grad })));
      rows.push(line);
    }
    if (f.accumulate) {
      const a = f.accumulate;
      rows.push(
        el("div", { class: "step-accumulate" }, el("b", { text: t(isPreview ? "stepAccumPreview" : "stepAccum", a.name) }), " ", el("code", { text: a.before }), " + ", el("code", { text: f.arrives ?? "None" }), " = ", el("code", { text: a.after })),
      );
    }
    panel.replaceChildren(...rows);
    prevBtn.disabled = state.at <= 0;
    nextBtn.disabled = state.at >= state.steps.length - 1;
    highlight();
  }

  function go(i) {
    if (!state.steps.length) return;
    state.at = Math.max(0, Math.min(state.steps.length - 1, i));
    render();
    if (state.at >= state.steps.length - 1) pause();
  }

  function open() {
    box.hidden = false;
    openBtn.hidden = true;
    go(0);
    box.focus();
  }

  function close() {
    pause();
    state.at = -1;
    box.hidden = true;
    openBtn.hidden = !state.steps.length && !state.root;
    highlight();
    openBtn.focus();
  }

  function play() {
    if (state.at >= state.steps.length - 1) go(0);
    state.timer = setInterval(() => go(state.at + 1), PLAY_MS);
    relabel();
  }

  function pause() {
    clearInterval(state.timer);
    state.timer = null;
    relabel();
  }

  function relabel() {
    openBtn.textContent = t("stepThrough");
    prevBtn.textContent = t("stepPrev");
    nextBtn.textContent = t("stepNext");
    playBtn.textContent = t(state.timer ? "pause" : "play");
    closeBtn.textContent = t("stepClose");
    keysHelp.textContent = t("stepKeys");
    box.setAttribute("aria-label", t("stepThrough"));
  }

  return {
    /**
     * Shows the stepper for `graph` (with `passes`; without, a preview from the cell's result
     * named in `focus`), or hides it. Keeps the step when the same graph comes back (a redraw).
     */
    show(graph, focus = []) {
      if (graph && graph === state.graph) return state.at >= 0 ? render() : undefined; // a redraw
      const root = graph?.passes ? null : previewRoot(graph, focus);
      const steps = flattenPasses(graph?.passes);
      const same = state.graph && JSON.stringify(state.graph.passes) === JSON.stringify(graph?.passes);
      state.graph = graph;
      state.steps = steps;
      state.root = root;
      note.hidden = true;
      if (!steps.length) {
        pause();
        state.at = -1;
        box.hidden = true;
        openBtn.hidden = !root || !preview;
        relabel();
        return;
      }
      relabel();
      if (same && state.at >= 0) render();
      else {
        pause();
        state.at = -1;
        box.hidden = true;
        openBtn.hidden = false;
      }
    },
    relabel: () => (state.at >= 0 ? render() : relabel()),
  };
}
