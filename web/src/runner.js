// Running cells in the learner's engine session, Jupyter style: one cell, run all (a fresh
// session, every cell from the top), run all below, and what happens when the engine is stopped
// (time limit or Stop): the cells above run again to restore their variables.
import { app, $, engine, graphLayout, schedule } from "./app.js";
import { t, tBoth } from "./i18n.js";
import { EngineStopped } from "./engine-client.js";
import { hintForNoneGrad, hintForAccumulation } from "./hints.js";
import { explainError, TIME_LIMIT_HELP } from "./error-help.js";
import { insertFixedCopy } from "./fix-copy.js";
import { timeSlicer } from "./safe.js";
import { setCurrent, updatePicture, updateLessonPictures } from "./picture.js";
import { autosave } from "./lesson-view.js";

export const cellHooks = {
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
export async function runCell(cell, { user = false, sent = null } = {}) {
  const source = sent ? sent.source : cell.source;
  const edited = !cell.lastRun || cell.lastRun.source !== source;
  cell.setState("running");
  app.runningCell = cell;
  setRunningUi(true);
  let r;
  try {
    r = await (sent ? sent.promise : engine.run(source, { onProgress: (text) => cell.showProgress(text) }));
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
  let hint = explainError(r.error, source) ?? hintForNoneGrad(r, source) ?? hintForAccumulation(source, before, after);
  if (hint?.id === "accumulate" || hint?.id === "backward-twice") hint = { ...hint, action: { label: t("runAll"), run: () => schedule(() => restartRunAll()) } };
  if (hint?.fixed) hint = { ...hint, showMe: () => insertFixedCopy(cell, hint.fixed) };
  cell.show(run, hint);
  cell.exercise?.ran(user);
  if (user && edited) for (const later of app.cells.slice(cell.index + 1)) if (later.lastRun) later.setStale("edit");
  if (!app.firstResult && (r.result != null || r.output)) {
    app.firstResult = true;
    performance.mark("gradlab:first-result");
    document.documentElement.dataset.firstResultMs = String(Math.round(performance.now()));
    graphLayout.warm();
  }
  if (user && app.current !== cell) setCurrent(cell);
  else if (cell === app.current) updatePicture();
  if (user) updateLessonPictures();
  updateBadge();
  return true;
}

function gradsOf(graph) {
  const m = new Map();
  for (const n of graph?.nodes ?? []) if (n.kind === "tensor" && n.is_leaf && n.name && n.requires_grad) m.set(n.name, n.grad);
  return m;
}

export async function runSequence(cells) {
  app.batch = true;
  try {
    // All cells go to the worker at once (it runs them in order); results are shown as they come.
    const sent = cells.map((c) => {
      const source = c.source;
      const promise = engine.run(source, { onProgress: (text) => c.showProgress(text) });
      promise.catch(() => {});
      return { source, promise };
    });
    // Results that arrive together are shown in slices, with a yield between them.
    const slice = timeSlicer(30);
    for (const [i, c] of cells.entries()) {
      if (!(await runCell(c, { sent: sent[i] }))) return false;
      if (slice.due()) await slice.yield();
    }
    updateLessonPictures();
    return true;
  } finally {
    app.batch = false;
  }
}

/** A fresh engine session, every cell from the top (Jupyter's "Restart & Run All"). */
export async function restartRunAll() {
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
  // a time-out also says what usually causes it (error-help.js)
  const parts = err.reason === "timeout" ? [why, TIME_LIMIT_HELP, restarted] : [why, restarted];
  cell.showStopped({ en: parts.map((p) => p.en).join(" "), si: parts.map((p) => p.si).join(" ") });
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

/** The badge: outputs come from the engine, and how many lesson cells match PyTorch. */
export function updateBadge() {
  const withExp = app.cells.filter((c) => c.block.expected);
  const ok = withExp.filter((c) => c.matches === true).length;
  $("#badge-text").textContent = t("badge");
  const m = $("#badge-match");
  m.hidden = !withExp.length || !withExp.every((c) => c.lastRun);
  m.textContent = withExp.length ? `· ${t("badgeMatch", ok, withExp.length)}` : "";
}
