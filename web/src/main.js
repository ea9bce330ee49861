// gradlab's notebook page: lesson 1 (or an imported .ipynb) as live cells run by the C++ engine
// in a Web Worker, the backward graph and tangent plot of the current cell, two languages,
// autosave, .ipynb export/import. Everything shown as output comes from the engine.
performance.mark("main-start");
import "@fontsource/noto-sans-sinhala/sinhala-400.css";
import "@fontsource/noto-sans-sinhala/sinhala-700.css";
import "./styles.css";

import { lesson1 } from "./lessons/lesson1.js";
import { LANGS, loadLang, saveLang, setUiLang, t, tBoth, renderTerms } from "./i18n.js";
import { Cell, el, bilingual } from "./cell.js";
import { EngineClient, EngineStopped, GraphLayout } from "./engine-client.js";
import { focusGraph, toDot, explainNode, scalarFunction, graphRows } from "./graph.js";
import { curveScript, parseCurve, plotSvg, pyFloat, sliderRange, X_DEF } from "./plot.js";
import { hintForError, hintForNoneGrad, hintForAccumulation } from "./hints.js";
import { toIpynb, parseIpynb, ImportProblem, IMPORT_LIMITS } from "./ipynb.js";
import { docStore } from "./docstore.js";
import { trustedHTML, timeSlicer } from "./safe.js";

const $ = (sel) => document.querySelector(sel);
const store = {
  get(key, fallback = null) {
    try {
      const v = localStorage.getItem(key);
      return v == null ? fallback : JSON.parse(v);
    } catch {
      return fallback;
    }
  },
  /** Saves; false when the browser refused (storage full or disabled). */
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {}
  },
};
const K_EDITS = "gradlab.v1.edits.lesson1";
const K_IMPORTED = "gradlab.v1.imported"; // legacy (rendered HTML in localStorage); moved to IndexedDB
const IDB_IMPORTED = "imported";
const K_VIEW = "gradlab.v1.view";

const app = {
  lang: loadLang(),
  doc: null,
  cells: [],
  current: null,
  execCount: 0,
  grads: new Map(), // leaf name → grad repr in the engine session (for the zero_() hint)
  queue: Promise.resolve(),
  batch: false,
  runningCell: null,
  firstResult: false,
  sliderPending: null,
  sliderBusy: false,
  curveCache: new Map(),
  pictureSeq: 0,
  lastDot: null,
  importedDirty: false, // the imported notebook was edited since it was imported
  renderSeq: 0,
  notice: null,
};

// ?timeLimit=S shortens the time limit of a cell (the browser test uses it).
const timeLimitS = Number(new URLSearchParams(location.search).get("timeLimit")) || 10;
const engine = new EngineClient({ url: "engine-worker.js", timeLimitS, worker: window.__gradlabWorker ?? null });
// The tangent plot samples its curve in an engine of its own (started on first use), so a slow
// curve only loses the plot: its time limit never restarts the learner's session.
const plotTimeLimitS = Number(new URLSearchParams(location.search).get("plotTimeLimit")) || 4;
let plotEngine = null;
const getPlotEngine = () => (plotEngine ??= new EngineClient({ url: "engine-worker.js", timeLimitS: plotTimeLimitS }));
const graphLayout = new GraphLayout("assets/graph-worker.js");

// The speed panel (speed.js, a lazy chunk): the benchmark workloads timed in this browser, in a
// worker of their own. Only the toolbar button's label lives here.
const SPEED_BUTTON = {
  en: { label: "Speed", title: "Time the five benchmark workloads in your browser" },
  si: { label: "වේගය", title: "benchmark workloads පහේ වේගය ඔබගේ browser එකේ මනින්න" },
};
const speedBtn = el("button", { type: "button", id: "btn-speed", "aria-expanded": "false" });
let speedPanel = null;
let speedLoading = null;
async function toggleSpeed() {
  if (!speedPanel) {
    speedLoading ??= import("./speed.js").then((m) =>
      m.createSpeedPanel({ after: document.querySelector(".badge-row"), toggle: speedBtn, lang: app.lang }),
    );
    try {
      speedPanel = await speedLoading;
      speedBtn.setAttribute("aria-controls", speedPanel.root.id);
    } catch (err) {
      speedLoading = null;
      const box = $("#engine-status");
      box.hidden = false;
      box.textContent = String(err.message || err);
      return;
    }
  }
  speedPanel.toggle();
}

// ---- language -------------------------------------------------------------------------------

function applyLang(lang) {
  app.lang = lang;
  document.body.dataset.lang = lang;
  document.documentElement.lang = lang === "si" ? "si" : "en";
  setUiLang(lang);
  saveLang(lang);
  for (const input of document.querySelectorAll('input[name="lang"]')) input.checked = input.value === lang;
  $("#btn-run-all").textContent = `⟳ ${t("runAll")}`;
  $("#btn-run-all").title = t("runAllTitle");
  $("#btn-stop").textContent = `■ ${t("stop")}`;
  $("#btn-reset").textContent = t("reset");
  $("#btn-export").textContent = t("export");
  $("#btn-import").textContent = t("import");
  $("#btn-back").textContent = t("backToLesson");
  const speedText = SPEED_BUTTON[lang === "si" ? "si" : "en"];
  speedBtn.textContent = speedText.label;
  speedBtn.title = speedText.title;
  speedPanel?.setLang(lang);
  $("#picture-title").textContent = t("picture");
  $("#confirm-yes").textContent = t("yes");
  $("#confirm-title").textContent = t("confirmTitle");
  const tableBtn = $("#graph-table-btn");
  tableBtn.textContent = t(tableBtn.getAttribute("aria-expanded") === "true" ? "hideTable" : "showTable");
  if (app.notice) showNotice(app.notice.key, ...app.notice.args);
  $("#confirm-no").textContent = t("cancel");
  if (!engine.isReady && !$("#engine-status").hidden && !app.engineFailed) $("#engine-status").textContent = t("loading");
  for (const c of app.cells) c.relabel();
  updateBadge();
  updatePicture();
}

// ---- documents ------------------------------------------------------------------------------

function lessonDoc() {
  const edits = store.get(K_EDITS, {});
  return { ...lesson1, sources: edits };
}

/**
 * Shows `doc`. Long documents are built in slices with a yield to the browser between them, so
 * the page answers at once even while 2,000 cells appear. Imported markdown is formatted and
 * sanitised here, every time (only its source is ever stored). Resolves false if another
 * renderDoc started meanwhile.
 */
async function renderDoc(doc) {
  const seq = ++app.renderSeq;
  app.doc = doc;
  app.cells = [];
  app.current = null;
  const nb = $("#notebook");
  nb.replaceChildren();
  // a long notebook lets the browser skip laying out the cells off screen (styles.css)
  const long = doc.blocks.length > 60;
  nb.classList.toggle("is-long", long);
  const imported = doc.id === "imported";
  $("#btn-back").hidden = !imported;
  $("#doc-note").hidden = !imported;
  if (imported) $("#doc-note").textContent = t("imported", doc.name);
  document.title = imported ? `${doc.name} — gradlab` : `${lesson1.title.en} — gradlab`;
  // markdown.js (and DOMPurify, marked's worker) load only for a notebook with markdown
  const markdown = doc.blocks.some((b) => b.kind === "markdown") ? await import("./markdown.js") : null;
  if (seq !== app.renderSeq) return false;
  const seen = new Set();
  const codeCount = doc.blocks.filter((b) => b.kind === "code").length;
  const slice = timeSlicer(30);
  let index = 0;
  let part = document.createDocumentFragment();
  for (const [i, block] of doc.blocks.entries()) {
    if (block.kind === "text") {
      part.append(
        el(
          "div",
          { class: "text-block" },
          htmlDiv("lang-en", "en", renderTerms(block.en, "en")),
          htmlDiv("lang-si", "si", renderTerms(block.si, "si", seen)),
        ),
      );
    } else if (block.kind === "markdown") {
      const d = el("div", { class: "text-block imported" });
      markdown.fillMarkdown(d, block.md, (app.mdWorker ??= new markdown.MarkdownWorker()));
      part.append(d);
    } else if (block.kind === "raw") {
      part.append(el("div", { class: "text-block imported" }, el("pre", { class: "md-plain", tabindex: "0", text: block.text })));
    } else if (block.kind === "code") {
      const source = doc.sources?.[block.id] ?? block.source;
      const cell = new Cell(block, source, index++, cellHooks, { lazy: codeCount > 40 });
      app.cells.push(cell);
      part.append(cell.root);
    }
    if (long && slice.due()) {
      nb.append(part);
      part = document.createDocumentFragment();
      if (imported) showProgress(i + 1, doc.blocks.length);
      await slice.yield();
      if (seq !== app.renderSeq) return false;
    }
  }
  nb.append(part);
  if (imported) showProgress(null);
  placePicture();
  updateBadge();
  return true;
}

function htmlDiv(cls, lang, html) {
  const d = document.createElement("div");
  d.className = cls;
  if (lang) d.lang = lang;
  d.innerHTML = trustedHTML(html); // the lesson's own HTML (imported markdown never comes here)
  return d;
}

function showProgress(done, all) {
  const box = $("#engine-status");
  if (done == null) {
    if (box.dataset.progress) {
      box.hidden = true;
      delete box.dataset.progress;
    }
    return;
  }
  box.hidden = false;
  box.dataset.progress = "1";
  box.textContent = t("importing", done, all);
}

/**
 * A message the learner must see (storage full, an import not kept): it stays until dismissed
 * and offers to export the notebook. `key` is a UI string of i18n.js.
 */
function showNotice(key, ...args) {
  const box = $("#notice");
  app.notice = { key, args };
  const exportBtn = el("button", { type: "button", class: "notice-export", text: t("exportNow"), onclick: () => exportIpynb() });
  const close = el("button", { type: "button", class: "link-btn notice-close", text: t("dismiss"), onclick: () => hideNotice() });
  box.replaceChildren(el("span", { class: "notice-text", text: t(key, ...args) }), " ", exportBtn, " ", close);
  box.hidden = false;
}
function hideNotice() {
  app.notice = null;
  $("#notice").hidden = true;
  $("#notice").replaceChildren();
}

let saveTimer = null;
function autosave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 250);
}
function saveNow() {
  clearTimeout(saveTimer);
  if (!app.doc) return Promise.resolve(true);
  if (app.doc.id === "imported") return saveImported();
  const edits = {};
  for (const c of app.cells) if (c.source !== c.block.source) edits[c.id] = c.source;
  const ok = store.set(K_EDITS, edits);
  if (!ok) showNotice("saveFailed");
  else if (app.notice?.key === "saveFailed") hideNotice();
  return Promise.resolve(ok);
}

/** The imported notebook's sources (never rendered HTML), with the learner's code edits. */
function importedRecord() {
  const blocks = app.doc.blocks.map((b) => (b.kind === "code" ? { ...b, source: app.cells.find((c) => c.block === b)?.source ?? b.source } : b));
  return { name: app.doc.name, blocks, edited: app.importedDirty };
}
async function saveImported() {
  const ok = await docStore.put(IDB_IMPORTED, importedRecord());
  if (!ok) showNotice("importNotSaved");
  else if (app.notice?.key === "importNotSaved") hideNotice();
  return ok;
}

window.addEventListener("pagehide", saveNow);

// ---- running cells --------------------------------------------------------------------------

/** Runs `task` after every task scheduled before it (cells never interleave). */
function schedule(task) {
  const p = app.queue.then(task, task);
  app.queue = p.catch(() => {});
  return p;
}

const cellHooks = {
  run: (cell, moveOn) => {
    if (moveOn) {
      const next = app.cells[cell.index + 1];
      if (next) next.ensureEditor().focus();
    }
    schedule(() => runCell(cell, { user: true }));
  },
  change: () => {
    if (app.doc?.id === "imported") app.importedDirty = true;
    autosave();
  },
  focus: (cell) => setCurrent(cell),
  runAllBelow: (cell) => schedule(() => runAllBelow(cell)),
  stop: () => engine.stop("user"),
  toPicture: (cell) => {
    setCurrent(cell);
    const panel = $("#picture");
    panel.tabIndex = -1;
    panel.focus();
  },
};

function setRunningUi(running) {
  // a disabled button loses focus to <body>: keep it in the toolbar
  if (!running && document.activeElement === $("#btn-stop")) $("#btn-run-all").focus();
  $("#btn-stop").disabled = !running;
  document.body.classList.toggle("is-running", running);
}

/**
 * Runs one cell in the engine session. Returns false if the engine was stopped meanwhile.
 * `user`: a single run asked for by the learner (marks later cells stale if the code changed).
 */
async function runCell(cell, { user = false, sent = null } = {}) {
  const source = sent ? sent.source : cell.source;
  const edited = !cell.lastRun || cell.lastRun.source !== source;
  cell.setState("running");
  app.runningCell = cell;
  setRunningUi(true);
  let r;
  try {
    r = await (sent ? sent.promise : engine.run(source));
  } catch (err) {
    app.runningCell = null;
    setRunningUi(false);
    if (err instanceof EngineStopped) {
      await handleStopped(cell, err);
      return false;
    }
    cell.showFailure(String(err.message || err));
    return true;
  }
  app.runningCell = null;
  setRunningUi(false);
  const before = new Map(app.grads);
  const run = { ...r, count: ++app.execCount, source };
  const after = gradsOf(r.graph);
  for (const [k, v] of after) app.grads.set(k, v);
  let hint = hintForError(r.error, source) ?? hintForNoneGrad(r, source) ?? hintForAccumulation(source, before, after);
  if (hint?.id === "accumulate" || hint?.id === "backward-twice") hint = { ...hint, action: { label: t("runAll"), run: () => schedule(() => restartRunAll()) } };
  cell.show(run, hint);
  if (user && edited) for (const later of app.cells.slice(cell.index + 1)) if (later.lastRun) later.setStale("edit");
  if (!app.firstResult && (r.result != null || r.output)) {
    app.firstResult = true;
    performance.mark("gradlab:first-result");
    document.documentElement.dataset.firstResultMs = String(Math.round(performance.now()));
    graphLayout.warm();
  }
  if (user && app.current !== cell) setCurrent(cell);
  else if (cell === app.current) updatePicture();
  updateBadge();
  return true;
}

function gradsOf(graph) {
  const m = new Map();
  for (const n of graph?.nodes ?? []) if (n.kind === "tensor" && n.is_leaf && n.name && n.requires_grad) m.set(n.name, n.grad);
  return m;
}

async function runSequence(cells) {
  app.batch = true;
  try {
    // All cells go to the worker at once (it runs them in order); results are shown as they come.
    const sent = cells.map((c) => {
      const source = c.source;
      const promise = engine.run(source);
      promise.catch(() => {});
      return { source, promise };
    });
    // Results that arrive together are shown in slices, with a yield between them.
    const slice = timeSlicer(30);
    for (const [i, c] of cells.entries()) {
      if (!(await runCell(c, { sent: sent[i] }))) return false;
      if (slice.due()) await slice.yield();
    }
    return true;
  } finally {
    app.batch = false;
  }
}

/** A fresh engine session, every cell from the top (Jupyter's "Restart & Run All"). */
async function restartRunAll() {
  await engine.reset();
  app.execCount = 0;
  app.grads.clear();
  for (const c of app.cells) c.setState("queued");
  return runSequence(app.cells);
}

/** Runs the out-of-date cells: from the first stale one (at or above `cell`) to the end. */
async function runAllBelow(cell) {
  const first = app.cells.find((c) => c.stale) ?? cell;
  const list = app.cells.slice(Math.min(first.index, cell.index));
  for (const c of list) c.setState("queued");
  return runSequence(list);
}

/** The engine was stopped (time limit or Stop): explain, restore the cells above, mark below. */
async function handleStopped(cell, err) {
  for (const c of app.cells) if (c.state === "queued") c.setState(c.lastRun ? (c.lastRun.error ? "error" : "done") : "idle");
  const why = err.reason === "timeout" ? tBoth("timedOut", err.seconds) : tBoth("stoppedByUser");
  const restarted = tBoth("restarted");
  cell.showStopped({ en: `${why.en} ${restarted.en}`, si: `${why.si} ${restarted.si}` });
  app.execCount = 0;
  app.grads.clear();
  const above = app.cells.slice(0, cell.index).filter((c) => c.lastRun);
  for (const c of app.cells.slice(cell.index + 1)) if (c.lastRun) c.setStale("restart");
  for (const c of above) c.setState("queued");
  await runSequence(above);
  setCurrent(cell);
}

engine.addEventListener("failed", (ev) => {
  app.engineFailed = true;
  const box = $("#engine-status");
  box.hidden = false;
  box.textContent = t("engineFailed", ev.detail.message);
});

// ---- the picture: backward graph + tangent plot ---------------------------------------------

function setCurrent(cell) {
  if (app.current === cell) return;
  app.current = cell;
  for (const c of app.cells) c.root.classList.toggle("is-current", c === cell);
  placePicture();
  updatePicture();
}

const wide = window.matchMedia("(min-width: 1100px)");
wide.addEventListener("change", () => placePicture());
function placePicture() {
  const panel = $("#picture");
  if (wide.matches) {
    if (panel.parentElement !== $("#picture-col")) $("#picture-col").append(panel);
  } else if (app.current) {
    app.current.pictureSlot.append(panel);
  } else {
    $("#picture-col").append(panel);
  }
}

async function updatePicture() {
  const seq = ++app.pictureSeq;
  const cell = app.current;
  const run = cell?.lastRun;
  const graph = run ? focusGraph(run.graph, run.focus) : null;
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

function toggleGraphTable() {
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

// ---- badge ------------------------------------------------------------------------------------

function updateBadge() {
  const withExp = app.cells.filter((c) => c.block.expected);
  const ok = withExp.filter((c) => c.matches === true).length;
  $("#badge-text").textContent = t("badge");
  const m = $("#badge-match");
  m.hidden = !withExp.length || !withExp.every((c) => c.lastRun);
  m.textContent = withExp.length ? `· ${t("badgeMatch", ok, withExp.length)}` : "";
}

// ---- toolbar: export, import, reset --------------------------------------------------------------

function currentDocForExport() {
  return {
    id: app.doc.id,
    blocks: app.doc.blocks.map((b) => {
      if (b.kind !== "code") return b;
      const c = app.cells.find((x) => x.block === b);
      return { ...b, source: c.source, run: c.lastRun && c.lastRun.source === c.source ? c.lastRun : null };
    }),
  };
}

function exportIpynb() {
  const nb = toIpynb(currentDocForExport());
  const blob = new Blob([JSON.stringify(nb, null, 1) + "\n"], { type: "application/x-ipynb+json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: app.doc.id === "imported" ? app.doc.name : "gradlab-lesson1.ipynb" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function importProblem(key, ...args) {
  const box = $("#engine-status");
  box.hidden = false;
  delete box.dataset.progress;
  box.textContent = t("importFailed", t(key, ...args));
}

async function importIpynb(file) {
  if (file.size > IMPORT_LIMITS.bytes) return importProblem("tooBig", (file.size / 1048576).toFixed(1), IMPORT_LIMITS.bytes / 1048576);
  let doc;
  try {
    doc = parseIpynb(await file.text(), file.name);
  } catch (err) {
    if (err instanceof ImportProblem) return importProblem(err.key, ...err.args);
    return importProblem("readFailed");
  }
  // Replacing an imported notebook the learner edited asks first (lesson edits are never touched).
  if (app.doc?.id === "imported" && app.importedDirty && !(await confirmDialog(t("confirmReplace", app.doc.name), t("yesReplace")))) return;
  await saveNow();
  const kept = await docStore.put(IDB_IMPORTED, { name: doc.name, blocks: doc.blocks });
  store.set(K_VIEW, "imported");
  app.importedDirty = false;
  app.curveCache.clear();
  if (!(await renderDoc(doc))) return;
  if (!kept) showNotice("importNotSaved");
  else if (app.notice?.key === "importNotSaved") hideNotice();
  await schedule(() => restartRunAll());
  pickInitialCurrent();
}

function confirmDialog(message, yes = t("yes")) {
  const dlg = $("#confirm");
  $("#confirm-text").textContent = message;
  $("#confirm-yes").textContent = yes;
  return new Promise((resolve) => {
    dlg.onclose = () => resolve(dlg.returnValue === "yes");
    dlg.showModal();
  });
}

async function resetLesson() {
  const imported = app.doc.id === "imported";
  if (!(await confirmDialog(t(imported ? "confirmResetImported" : "confirmReset")))) return;
  if (!imported) store.remove(K_EDITS);
  await backToLesson();
}

/** Closes the imported notebook (removing it from storage) and shows lesson 1. */
async function backToLesson() {
  if (app.doc?.id === "imported") await docStore.remove(IDB_IMPORTED);
  app.importedDirty = false;
  if (app.notice?.key === "importNotSaved") hideNotice();
  store.set(K_VIEW, "lesson1");
  app.curveCache.clear();
  if (!(await renderDoc(lessonDoc()))) return;
  await schedule(() => restartRunAll());
  pickInitialCurrent();
}

function pickInitialCurrent() {
  const withPlot = app.cells.find((c) => c.lastRun && scalarFunction(focusGraph(c.lastRun.graph, c.lastRun.focus)));
  const withGraph = app.cells.find((c) => c.lastRun && focusGraph(c.lastRun.graph, c.lastRun.focus));
  setCurrent(withPlot ?? withGraph ?? app.cells[0] ?? null);
  app.current && app.current.root.classList.add("is-current");
}

// ---- start ------------------------------------------------------------------------------------

/** The imported notebook kept in IndexedDB (moving an old localStorage copy there first). */
async function storedImport() {
  const legacy = store.get(K_IMPORTED);
  if (legacy) {
    // Older pages kept rendered HTML in localStorage: keep only the sources, and free the space.
    const blocks = (legacy.blocks ?? []).flatMap((b) =>
      b?.kind === "code" ? [{ kind: "code", id: String(b.id), source: String(b.source ?? "") }] : b?.kind === "markdown" && typeof b.md === "string" ? [{ kind: "markdown", md: b.md }] : [],
    );
    if (await docStore.put(IDB_IMPORTED, { name: String(legacy.name ?? "notebook.ipynb"), blocks })) store.remove(K_IMPORTED);
  }
  if (store.get(K_VIEW) !== "imported") return null;
  const rec = await docStore.get(IDB_IMPORTED);
  return rec && Array.isArray(rec.blocks) ? rec : null;
}

async function start() {
  $("#btn-import").after(speedBtn);
  speedBtn.addEventListener("click", toggleSpeed);
  for (const input of document.querySelectorAll('input[name="lang"]')) input.addEventListener("change", () => applyLang(input.value));
  $("#btn-run-all").addEventListener("click", () => schedule(() => restartRunAll()));
  $("#btn-stop").addEventListener("click", () => engine.stop("user"));
  $("#btn-reset").addEventListener("click", resetLesson);
  $("#btn-back").addEventListener("click", () => backToLesson());
  $("#btn-export").addEventListener("click", exportIpynb);
  $("#graph-table-btn").addEventListener("click", toggleGraphTable);
  $("#btn-import").addEventListener("click", () => $("#file-import").click());
  $("#file-import").addEventListener("change", (ev) => {
    const f = ev.target.files[0];
    ev.target.value = "";
    if (f) importIpynb(f);
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && engine.busy && app.runningCell) engine.stop("user");
  });

  applyLang(LANGS.includes(app.lang) ? app.lang : "en");
  const imported = await storedImport();
  app.importedDirty = !!imported?.edited; // edits made before a reload still count when replacing it
  await renderDoc(imported ? { id: "imported", name: imported.name, blocks: imported.blocks } : lessonDoc());
  engine.ready.then(
    () => {
      document.documentElement.dataset.engineReadyMs = String(Math.round(performance.now()));
      $("#engine-status").hidden = true;
      document.documentElement.dataset.engineVersion = engine.version ?? "";
    },
    () => {},
  );
  schedule(async () => {
    for (const c of app.cells) c.setState("queued");
    await runSequence(app.cells);
    pickInitialCurrent();
    performance.mark("gradlab:lesson-ready");
    document.documentElement.dataset.lessonReadyMs = String(Math.round(performance.now()));
  });
}

start();
performance.mark("main-end");
