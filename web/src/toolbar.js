// The toolbar and its dialogs: export / import .ipynb, reset the lesson, back from an imported
// notebook, the Speed panel (a lazy chunk), and the notice that must stay until dismissed
// (storage full, an import not kept).
import { app, $, store } from "./app.js";
import { t } from "./i18n.js";
import { el } from "./cell.js";
import { toIpynb, parseIpynb, ImportProblem, IMPORT_LIMITS } from "./ipynb.js";
import { docStore } from "./docstore.js";
import { exportName, editsKey } from "./lessons/index.js";
import { IDB_IMPORTED, saveNow, showImported, showLesson, lessonForBack } from "./lesson-view.js";
import { resetShared } from "./share-view.js";

// ---- notice ---------------------------------------------------------------------------------

/**
 * A message the learner must see (storage full, an import not kept): it stays until dismissed
 * and offers to export the notebook. `key` is a UI string of i18n.js.
 */
export function showNotice(key, ...args) {
  const box = $("#notice");
  app.notice = { key, args };
  // a refused share link (share-view.js) has nothing to export: the learner's work is untouched
  const exportBtn = key === "shareFailed" ? "" : el("button", { type: "button", class: "notice-export", text: t("exportNow"), onclick: () => exportIpynb() });
  const close = el("button", { type: "button", class: "link-btn notice-close", text: t("dismiss"), onclick: () => hideNotice() });
  box.replaceChildren(el("span", { class: "notice-text", text: t(key, ...args) }), " ", exportBtn, " ", close);
  box.hidden = false;
}
export function hideNotice() {
  app.notice = null;
  $("#notice").hidden = true;
  $("#notice").replaceChildren();
}

// ---- speed panel ----------------------------------------------------------------------------

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

// ---- export, import, reset ------------------------------------------------------------------

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

export function exportIpynb() {
  if (!app.doc) return;
  const nb = toIpynb(currentDocForExport());
  const blob = new Blob([JSON.stringify(nb, null, 1) + "\n"], { type: "application/x-ipynb+json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: app.doc.id === "imported" ? app.doc.name : exportName(app.lesson) });
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
  const shown = showImported({ name: doc.name, blocks: doc.blocks }, { fresh: true });
  if (!kept) showNotice("importNotSaved");
  else if (app.notice?.key === "importNotSaved") hideNotice();
  await shown;
}

export function confirmDialog(message, yes = t("yes")) {
  const dlg = $("#confirm");
  $("#confirm-text").textContent = message;
  $("#confirm-yes").textContent = yes;
  return new Promise((resolve) => {
    dlg.onclose = () => resolve(dlg.returnValue === "yes");
    dlg.showModal();
  });
}

async function resetLesson() {
  if (!app.doc) return;
  if (app.shared) return resetShared(); // a shared version resets to its link, never the learner's own edits
  const imported = app.doc.id === "imported";
  const back = imported ? lessonForBack() : app.lesson;
  if (!(await confirmDialog(imported ? t("confirmResetImported", back.n) : t("confirmReset", app.lesson.n)))) return;
  if (!imported) {
    store.remove(editsKey(app.lesson));
    app.doc = null; // nothing to save: the edits are discarded
  }
  await backToLesson(back);
}

/** Closes the imported notebook (removing it from storage) and shows the lesson it came from. */
async function backToLesson(lesson = lessonForBack()) {
  if (app.doc?.id === "imported") await docStore.remove(IDB_IMPORTED);
  if (app.notice?.key === "importNotSaved") hideNotice();
  if (app.doc?.id === "imported") app.doc = null; // it was just removed: nothing to save
  await showLesson(lesson);
}

/** The toolbar's words in the current language. */
export function relabelToolbar() {
  $("#btn-run-all").textContent = `⟳ ${t("runAll")}`;
  $("#btn-run-all").title = t("runAllTitle");
  $("#btn-stop").textContent = `■ ${t("stop")}`;
  $("#btn-reset").textContent = t("reset");
  $("#btn-export").textContent = t("export");
  $("#btn-import").textContent = t("import");
  $("#btn-back").textContent = t("backToLesson", lessonForBack().n);
  speedBtn.textContent = t("speed");
  speedBtn.title = t("speedTitle");
  speedPanel?.setLang(app.lang);
  $("#confirm-yes").textContent = t("yes");
  $("#confirm-title").textContent = t("confirmTitle");
  $("#confirm-no").textContent = t("cancel");
  if (app.notice) showNotice(app.notice.key, ...app.notice.args);
}

export function wireToolbar({ runAll, stop }) {
  $("#btn-import").after(speedBtn);
  speedBtn.addEventListener("click", toggleSpeed);
  $("#btn-run-all").addEventListener("click", runAll);
  $("#btn-stop").addEventListener("click", stop);
  $("#btn-reset").addEventListener("click", resetLesson);
  $("#btn-back").addEventListener("click", () => backToLesson());
  $("#btn-export").addEventListener("click", exportIpynb);
  $("#btn-import").addEventListener("click", () => $("#file-import").click());
  $("#file-import").addEventListener("change", (ev) => {
    const f = ev.target.files[0];
    ev.target.value = "";
    if (f) importIpynb(f);
  });
}
