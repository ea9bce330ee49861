// The picture of the current cell: its backward graph (Graphviz SVG, with a text alternative and
// a table), and for a one-variable function the tangent plot with an x slider that edits the cell
// and re-runs the lesson. Also the lesson's own pictures (lesson-pictures.js), redrawn after runs.
import { app, $, engine, getPlotEngine, plotTimeLimitS, graphLayout, schedule } from "./app.js";
import { t } from "./i18n.js";
import { el } from "./cell.js";
import { EngineStopped } from "./engine-client.js";
import { focusGraph, toDot, explainNode, scalarFunction, graphRows } from "./graph.js";
import { curveScript, parseCurve, plotSvg, pyFloat, sliderRange, X_DEF } from "./plot.js";
import { trustedHTML } from "./safe.js";
import { restartRunAll } from "./runner.js";
import { createStepper } from "./stepper.js";

let stepper = null; // "Step through backward" under the graph (stepper.js), made on first use
const theStepper = () => (stepper ??= createStepper($("#stepper-host"), { preview: previewBackward, redraw: updatePicture }));

/** A dry run of name.backward() for the stepper; its graph is drawn until the cell runs again. */
async function previewBackward(name) {
  const run = app.current?.lastRun;
  const drawn = run?.graph?.nodes.find((n) => n.kind === "tensor" && n.name === name);
  const r = await engine.previewBackward(name, drawn?.value ?? "");
  if (r.error) throw new Error(r.error.type === "StaleCell" ? t("stepStale", name) : r.error.text);
  const graph = (run && focusGraph(r.graph, run.focus)) ?? r.graph;
  app.stepGraph = { run, graph };
  return graph;
}


export function setCurrent(cell) {
  if (app.current === cell) return;
  app.current = cell;
  for (const c of app.cells) c.root.classList.toggle("is-current", c === cell);
  placePicture();
  updatePicture();
}

const wide = window.matchMedia("(min-width: 1100px)");
wide.addEventListener("change", () => placePicture());
export function placePicture() {
  const panel = $("#picture");
  if (wide.matches) {
    if (panel.parentElement !== $("#picture-col")) $("#picture-col").append(panel);
  } else if (app.current) {
    app.current.pictureSlot.append(panel);
  } else {
    $("#picture-col").append(panel);
  }
}

export async function updatePicture() {
  const seq = ++app.pictureSeq;
  const cell = app.current;
  const run = cell?.lastRun;
  const graph = !run ? null : app.stepGraph?.run === run ? app.stepGraph.graph : focusGraph(run.graph, run.focus);
  const head = $("#picture-cell");
  head.textContent = cell ? `In [${run?.count ?? " "}]: ${cell.source.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"))[0] ?? ""}` : "";
  const graphBox = $("#graph");
  if (!graph) {
    graphBox.replaceChildren(el("p", { class: "muted", text: t("noPicture") }));
    app.lastDot = null;
    $("#graph-caption").textContent = "";
    $("#graph-table-btn").hidden = true;
    $("#graph-table").hidden = true;
    $("#plot-box").hidden = true;
    $("#picture").classList.remove("has-plot");
    theStepper().show(null);
    return;
  }
  $("#graph-caption").textContent = t("graphCaption");
  const dot = toDot(graph);
  if (dot !== app.lastDot) {
    let svg;
    try {
      svg = await graphLayout.layout(dot);
    } catch (err) {
      if (seq === app.pictureSeq) graphBox.replaceChildren(el("pre", { class: "error", text: String(err.message || err) }));
      return;
    }
    if (seq !== app.pictureSeq) return;
    app.lastDot = dot;
    graphBox.innerHTML = trustedHTML(svg.slice(svg.indexOf("<svg")));
    wireGraph(graphBox, graph);
  } else {
    wireGraph(graphBox, graph);
  }
  theStepper().show(graph, run.focus);
  const fn = scalarFunction(graph);
  $("#picture").classList.toggle("has-plot", !!fn);
  if (fn) await updatePlot(cell, fn, seq);
  else $("#plot-box").hidden = true;
}

/**
 * Makes the Graphviz SVG readable without sight: the picture is role="img" named by a summary,
 * described by its edges, each node labelled with its value, gradient and rule, and the hover
 * tooltip linked; "Show graph as table" gives the same facts as a table for the keyboard.
 */
function wireGraph(box, graph) {
  const tip = $("#graph-tip");
  const byId = new Map(graph.nodes.map((n) => [`g-${n.id}`, n]));
  const rows = graphRows(graph);
  const svg = box.querySelector("svg");
  const SVG_NS = "http://www.w3.org/2000/svg";
  for (const title of box.querySelectorAll("title")) title.remove(); // Graphviz's are node ids
  if (svg) {
    const outputs = rows.filter((r) => r.kind === "tensor" && !r.leaf).map((r) => r.name);
    const summary = t("graphSummary", outputs.join(", ") || rows[0]?.name || "", graph.nodes.length, graph.edges.length);
    const title = document.createElementNS(SVG_NS, "title");
    title.id = "graph-svg-title";
    title.textContent = summary;
    const desc = document.createElementNS(SVG_NS, "desc");
    desc.id = "graph-svg-desc";
    desc.textContent = rows.map((r) => `${r.name}: ${r.label}.`).join(" ") + " " + rows.flatMap((r) => r.next.map((n) => t("edgeText", r.name, n))).join("; ") + ".";
    svg.prepend(title, desc);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "graph-svg-title");
    svg.setAttribute("aria-describedby", "graph-svg-desc graph-tip");
    svg.removeAttribute("width"); // Graphviz's pt size; CSS scales it
  }
  fillGraphTable(rows);
  for (const g of box.querySelectorAll("g.node")) {
    const node = byId.get(g.id);
    if (!node) continue;
    const lines = explainNode(graph, node);
    g.setAttribute("aria-label", lines.join(". "));
    g.setAttribute("aria-describedby", "graph-tip");
    const show = () => {
      tip.replaceChildren(...lines.map((l, i) => el(i ? "div" : "b", { text: l })));
      tip.hidden = false;
      const r = g.getBoundingClientRect(), host = $("#picture").getBoundingClientRect();
      tip.style.left = `${Math.max(4, Math.min(r.left - host.left, host.width - 260))}px`;
      tip.style.top = `${r.bottom - host.top + 6}px`;
    };
    const hide = () => (tip.hidden = true);
    g.onmouseenter = show;
    g.onmouseleave = hide;
  }
}

/** The graph as a table (hidden until "Show graph as table"): node, value, gradient, rule, edges. */
function fillGraphTable(rows) {
  const btn = $("#graph-table-btn");
  const box = $("#graph-table");
  btn.hidden = false;
  const open = btn.getAttribute("aria-expanded") === "true";
  btn.textContent = t(open ? "hideTable" : "showTable");
  box.hidden = !open;
  const head = el("tr", {}, ...["colNode", "colValue", "colGrad", "colRule", "colNext"].map((k) => el("th", { scope: "col", text: t(k) })));
  const body = rows.map((r) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, el("code", { text: r.name })),
      el("td", {}, el("code", { text: r.value ?? "—" })),
      el("td", {}, el("code", { text: r.grad ?? "—" })),
      el("td", { text: r.rule || "—" }),
      el("td", { text: r.next.join(", ") || "—" }),
    ),
  );
  box.replaceChildren(el("table", { class: "graph-table" }, el("caption", { text: $("#graph svg title")?.textContent ?? "" }), el("thead", {}, head), el("tbody", {}, ...body)));
}

export function toggleGraphTable() {
  const btn = $("#graph-table-btn");
  const open = btn.getAttribute("aria-expanded") !== "true";
  btn.setAttribute("aria-expanded", String(open));
  btn.textContent = t(open ? "hideTable" : "showTable");
  $("#graph-table").hidden = !open;
}

async function updatePlot(cell, fn, seq) {
  const box = $("#plot-box");
  const assigns = new RegExp(`^[ \\t]*${fn.y}[ \\t]*=(?!=)`, "m");
  const uses = new RegExp(`\\b${fn.x}\\b`);
  const fnCell = app.cells.slice(0, cell.index + 1).reverse().find((c) => assigns.test(c.source) && uses.test(c.source));
  if (!fnCell || !Number.isFinite(fn.xValue)) {
    box.hidden = true;
    return;
  }
  // x may be made in the same cell as y (then the slider edits that cell)
  const xCell = app.cells.slice(0, fnCell.index + 1).reverse().find((c) => X_DEF(fn.x).test(c.source));
  const fnSource = fnCell.source;
  const x0 = fn.xValue;
  let range = app.plotRange;
  if (!range || range.key !== fnSource || x0 < range.min || x0 > range.max) range = app.plotRange = { key: fnSource, ...sliderRange(x0) };
  const N = 61;
  const xs = Array.from({ length: N }, (_, i) => range.min + ((range.max - range.min) * i) / (N - 1));
  const cacheKey = `${fn.x}|${fn.y}|${fnSource}|${range.min}|${range.max}`;
  const cached = app.curveCache.get(cacheKey);
  let curve;
  let slow = false;
  try {
    const r = await getPlotEngine().script(curveScript({ x: fn.x, y: fn.y, fnSource, xs: cached ? [] : xs, x0 }));
    curve = r.error ? null : parseCurve(r.output, cached ? [] : xs);
  } catch (err) {
    curve = null;
    slow = err instanceof EngineStopped;
  }
  if (seq !== app.pictureSeq) return;
  if (!curve) {
    // a curve that takes too long is only the plot's loss: the learner's session is untouched
    box.hidden = !slow;
    if (slow) {
      $("#plot").replaceChildren();
      $("#plot-numbers").replaceChildren();
      $("#slider-row").hidden = true;
      $("#plot-caption").textContent = t("plotTooSlow", plotTimeLimitS);
    }
    return;
  }
  const samples = cached ?? curve.samples;
  if (!cached) app.curveCache.set(cacheKey, samples);
  const slope = fn.grad ?? curve.point?.grad;
  const y0 = fn.yValue ?? curve.point?.y;
  box.hidden = false;
  $("#plot").innerHTML = trustedHTML(plotSvg({ samples, x0, y0, slope, xName: fn.x, yName: fn.y }));
  const fmtN = (v) => (v == null ? "None" : String(Number(Number(v).toFixed(4))));
  $("#plot-numbers").replaceChildren(
    el("span", { text: `${fn.x} = ${fmtN(x0)}` }),
    el("span", { text: `${fn.y} = ${fmtN(y0)}` }),
    el("span", { text: fn.grad != null ? `${fn.x}.grad = ${fmtN(slope)}` : `d${fn.y}/d${fn.x} = ${fmtN(slope)}` }),
  );
  $("#plot-caption").textContent = t("plotCaption", fn.x, fn.y) + (fn.grad == null ? ` ${t("slopeNote", fn.x, fn.y)}` : "");
  const slider = $("#x-slider");
  const sliderRow = $("#slider-row");
  sliderRow.hidden = !xCell;
  if (xCell) {
    $("#x-slider-label").textContent = fn.x;
    slider.min = range.min;
    slider.max = range.max;
    slider.step = range.step;
    if (!app.sliderBusy) slider.value = x0;
    $("#x-slider-value").textContent = pyFloat(Number(slider.value));
    slider.oninput = () => {
      $("#x-slider-value").textContent = pyFloat(Number(slider.value));
      onSlider(xCell, fn.x, Number(slider.value));
    };
  }
}

function onSlider(xCell, xName, value) {
  app.sliderPending = { xCell, xName, value };
  if (!app.sliderBusy) drainSlider();
}

/** Writes the slider's x into the cell that creates x, then re-runs the lesson so every output follows. */
async function drainSlider() {
  app.sliderBusy = true;
  try {
    while (app.sliderPending) {
      const { xCell, xName, value } = app.sliderPending;
      app.sliderPending = null;
      const m = X_DEF(xName).exec(xCell.source);
      if (!m) break;
      const from = m.index + m[0].length - m[1].length;
      xCell.ensureEditor().replaceRange(from, from + m[1].length, pyFloat(value));
      await schedule(() => restartRunAll());
      await updatePicture();
    }
  } finally {
    app.sliderBusy = false;
  }
}

export function pickInitialCurrent() {
  const withPlot = app.cells.find((c) => c.lastRun && scalarFunction(focusGraph(c.lastRun.graph, c.lastRun.focus)));
  const withGraph = app.cells.find((c) => c.lastRun && focusGraph(c.lastRun.graph, c.lastRun.focus));
  setCurrent(withPlot ?? withGraph ?? app.cells[0] ?? null);
  app.current && app.current.root.classList.add("is-current");
}


/** Redraws the lesson's own pictures (they read the cells' current code). */
export function updateLessonPictures() {
  for (const p of app.lessonPictures) p.update();
}
