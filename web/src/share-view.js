// The page's side of share links (share.js packs and checks them): the Share button and its
// dialog (teacher options, the link, Copy with a select-the-text fallback), opening a link, and
// the shared view — a banner, locked cells, hidden outputs, the pictures' settings, the first
// cell. Note [Shared views never touch the learner's work]: a shared version is shown from the
// link's cells, never from (and never saved into) the visitor's own edits of the lesson; its
// further edits go to a key of their own, so "Back to my version" finds the learner's work as
// it was. Only "Keep this version as mine" (after a confirmation) writes the lesson's edits.
import { StateEffect, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { app, $, store } from "./app.js";
import { t } from "./i18n.js";
import { el } from "./cell.js";
import { encodeShare, decodeShare, ShareProblem, parseCellList } from "./share.js";
import { loadLesson, lessonHash } from "./lessons/index.js";
import { saveNow, showLesson, showMap } from "./lesson-view.js";
import { setCurrent } from "./picture.js";
import { lessonCells } from "./fix-copy.js";
import { showNotice, confirmDialog } from "./toolbar.js";

const sharedKey = (lesson) => `gradlab.v1.shared.${lesson.id}`;

// ---- opening a link ---------------------------------------------------------------------------

/** What the share checks need of a lesson: its id, number of code cells and picture ids. */
function lessonFacts(lesson) {
  return {
    id: lesson.id,
    codeCount: lesson.blocks.filter((b) => b.kind === "code").length,
    pictureIds: lesson.blocks.filter((b) => b.kind === "picture").map((b) => b.id),
  };
}

/**
 * Opens lesson `entry` as link text `encoded` shares it. A link the checks refuse shows the
 * notice and the learner's own version: nothing of the link is shown, run or stored. A link
 * that names no lesson of the course (entry null) shows the course map with the notice.
 */
export async function openShared(entry, encoded) {
  if (!entry) {
    history.replaceState(null, "", `#/?lang=${app.lang}`);
    await showMap();
    showNotice("shareFailed", "shareNoLesson");
    return;
  }
  let state;
  try {
    state = await decodeShare(encoded, lessonFacts(await loadLesson(entry)));
  } catch (err) {
    const problem = err instanceof ShareProblem ? err : new ShareProblem("shareDamaged");
    history.replaceState(null, "", `${lessonHash(entry)}?lang=${app.lang}`);
    await showLesson(entry);
    showNotice("shareFailed", problem.key, ...problem.args);
    return;
  }
  // edits made to this same shared version before a reload come back
  const kept = store.get(sharedKey(entry));
  const keptCells = kept?.share === encoded && Array.isArray(kept.cells) && kept.cells.length === state.cells.length && kept.cells.every((c) => c === null || typeof c === "string") ? kept.cells : null;
  await showLesson(entry, { state, encoded, cells: keptCells ?? state.cells });
}

/** The sources a shared version shows: {cellId: source} from the link's cells. */
export function sharedSources(doc, shared) {
  const sources = {};
  doc.blocks.filter((b) => b.kind === "code").forEach((b, i) => {
    if (shared.cells[i] != null) sources[b.id] = shared.cells[i];
  });
  return sources;
}

/** Saves a shared version's edits under its own key (Note [Shared views never touch the learner's work]). */
export function saveShared() {
  const cells = lessonCells().map((c) => (c.source === c.block.source ? null : c.source));
  return store.set(sharedKey(app.lesson), { share: app.shared.encoded, cells });
}

// ---- the shared view --------------------------------------------------------------------------

/** After the shared version is drawn (before its cells run): banner, locked cells, hidden outputs. */
export function decorateShared() {
  const { state } = app.shared;
  $("#notebook").prepend(banner());
  for (const n of state.lock) lockCell(lessonCells()[n - 1]);
  if (state.hide) {
    for (const c of app.cells) hideOutputs(c);
    // the current cell's picture shows its values too: styles.css hides it with the outputs
    if (!$("#share-picture-hidden")) $("#picture-title").after(el("p", { id: "share-picture-hidden", class: "share-picture-hidden muted" }));
  }
  relabelShare();
}

/** After the cells ran: the pictures' settings, then the first cell. */
export async function finishShared() {
  const { state } = app.shared;
  const seq = app.renderSeq;
  // the pictures mount once their chunk has loaded (lesson-view.js renderDoc)
  await Promise.all(app.doc.blocks.filter((b) => b.kind === "picture").map((b) => b.load()));
  await new Promise((r) => setTimeout(r, 0));
  if (seq !== app.renderSeq) return;
  for (const [pid, controls] of Object.entries(state.pictures)) {
    const host = document.querySelector(`#notebook figure.lesson-picture[data-picture="${CSS.escape(pid)}"]`);
    if (host) setControls(host, pid, controls);
  }
  const start = state.start && lessonCells()[state.start - 1];
  if (start) {
    setCurrent(start);
    start.root.scrollIntoView({ block: "start" });
    start.ensureEditor().focus();
  }
}

function banner() {
  const mine = el("button", { type: "button", class: "share-mine", onclick: backToMine });
  const keep = el("button", { type: "button", class: "share-keep", onclick: keepAsMine });
  return el("div", { class: "share-banner", id: "share-banner" }, el("p", { class: "share-banner-text" }), el("div", { class: "share-banner-actions" }, mine, keep));
}

async function backToMine() {
  const entry = app.lesson;
  await saveNow(); // the shared version's edits, under its own key
  location.hash = `${lessonHash(entry)}?lang=${app.lang}`;
}

async function keepAsMine() {
  const entry = app.lesson;
  if (!(await confirmDialog(t("shareConfirmKeep", entry.n), t("shareYesKeep")))) return;
  app.shared = null; // from here the view is the learner's own: saveNow writes the lesson's edits
  if (!(await saveNow())) return;
  store.remove(sharedKey(entry));
  location.hash = `${lessonHash(entry)}?lang=${app.lang}`;
}

/** Reset in a shared version: drops its edits and shows it again as the link has it. */
export async function resetShared() {
  const entry = app.lesson;
  if (!(await confirmDialog(t("shareConfirmReset")))) return;
  store.remove(sharedKey(entry));
  const shared = { ...app.shared, cells: app.shared.state.cells };
  app.doc = null; // nothing to save: the edits are discarded
  await showLesson(entry, shared);
}

/** A read-only editor (the cell still runs), said so on screen and to screen readers. */
function lockCell(cell) {
  const editor = cell.ensureEditor();
  editor.view.dispatch({
    effects: StateEffect.appendConfig.of([EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.contentAttributes.of({ "aria-readonly": "true" })]),
  });
  cell.root.classList.add("is-locked");
  cell.root.querySelector(".cell-in").after(el("p", { class: "share-locked" }));
}

/** Hides a cell's outputs until the learner runs it (Run, Ctrl/Shift+Enter) or asks to see them. */
function hideOutputs(cell) {
  cell.root.classList.add("outputs-hidden");
  const show = () => {
    cell.root.classList.remove("outputs-hidden");
    note.remove();
  };
  const note = el("div", { class: "share-hidden", role: "note" }, el("span", { class: "share-hidden-text" }), " ", el("button", { type: "button", class: "link-btn share-show", onclick: () => (show(), focusOutputs(cell)) }));
  cell.outputs.before(note);
  cell.runBtn.addEventListener("click", show);
  cell.root.addEventListener("keydown", (ev) => ev.key === "Enter" && (ev.shiftKey || ev.ctrlKey || ev.metaKey) && ev.target.closest(".editor") && show(), true);
}

/** Moves the keyboard focus from the vanished "Show output" button to what it showed. */
function focusOutputs(cell) {
  cell.outputs.tabIndex = -1;
  cell.outputs.focus();
}

// ---- the pictures' settings -------------------------------------------------------------------

/** The settings a learner can change in a lesson picture: range inputs, menus, pressed buttons. */
function readControls(host, pid) {
  const out = {};
  for (const c of host.querySelectorAll('input[type="range"], select')) if (c.id.startsWith(`${pid}-`)) out[c.id.slice(pid.length + 1)] = c.value;
  for (const b of host.querySelectorAll('button[aria-pressed="true"]')) {
    const [key, value] = Object.entries(b.dataset)[0] ?? [];
    if (key) out[`pressed-${key}`] = value;
  }
  return out;
}

/**
 * Moves the controls as a link says, through their own events (so a picture redraws, or trains
 * again, only for a setting that differs); values a control cannot take are left out.
 */
function setControls(host, pid, controls) {
  for (const [name, value] of Object.entries(controls)) {
    if (name.startsWith("pressed-")) {
      const attr = name.slice(8).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const b = [...host.querySelectorAll("button[aria-pressed]")].find((x) => x.getAttribute(`data-${attr}`) === value);
      b?.click();
      continue;
    }
    const c = host.querySelector(`#${CSS.escape(`${pid}-${name}`)}`);
    if (c?.matches('input[type="range"]')) {
      const v = Number(value);
      if (!Number.isFinite(v) || v < Number(c.min) || v > Number(c.max) || v === Number(c.value)) continue;
      c.value = String(v);
      c.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (c?.matches("select") && c.value !== value && [...c.options].some((o) => o.value === value)) {
      c.value = value;
      c.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

// ---- the Share button and dialog --------------------------------------------------------------

let dialog = null;
const shareBtn = el("button", { type: "button", id: "btn-share", "aria-haspopup": "dialog" });

export function wireShare() {
  $("#btn-export").after(shareBtn);
  shareBtn.addEventListener("click", openDialog);
  relabelShare();
}

function makeDialog() {
  const f = (...kids) => el("div", { class: "share-field" }, ...kids);
  const d = el(
    "dialog",
    { id: "share-dialog", class: "confirm share-dialog", "aria-labelledby": "share-title", "aria-describedby": "share-intro" },
    el("h2", { id: "share-title", class: "confirm-title" }),
    el("p", { id: "share-intro" }),
    el(
      "fieldset",
      { class: "share-teacher" },
      el("legend", { id: "share-teacher" }),
      f(el("input", { type: "checkbox", id: "share-hide" }), " ", el("label", { for: "share-hide", id: "share-hide-label" })),
      f(el("input", { type: "checkbox", id: "share-pictures", checked: true }), " ", el("label", { for: "share-pictures", id: "share-pictures-label" })),
      f(el("label", { for: "share-lock", id: "share-lock-label" }), " ", el("input", { type: "text", id: "share-lock", inputmode: "numeric", autocomplete: "off", "aria-describedby": "share-lock-error" })),
      f(el("label", { for: "share-start", id: "share-start-label" }), " ", el("input", { type: "number", id: "share-start", min: "1", step: "1", "aria-describedby": "share-start-error" })),
      el("p", { class: "share-error", id: "share-lock-error", "aria-live": "polite" }),
      el("p", { class: "share-error", id: "share-start-error", "aria-live": "polite" }),
    ),
    el("label", { for: "share-link", id: "share-link-label" }),
    el("input", { type: "text", id: "share-link", readonly: true, spellcheck: "false" }),
    el("p", { class: "share-status", id: "share-status", role: "status" }),
    el("div", { class: "confirm-actions" }, el("button", { type: "button", id: "share-close", onclick: () => d.close() }), el("button", { type: "button", id: "share-copy", class: "primary", onclick: copyLink })),
  );
  for (const id of ["share-hide", "share-pictures", "share-lock", "share-start"]) d.querySelector(`#${id}`).addEventListener("input", () => refreshLink());
  document.body.append(d);
  return d;
}

async function openDialog() {
  if (!app.lesson || !app.doc) return;
  dialog ??= makeDialog();
  relabelShare();
  const count = lessonCells().length;
  $("#share-start").max = String(count);
  $("#share-lock").placeholder = count > 1 ? `1-${count}` : "1";
  $("#share-status").textContent = "";
  dialog.showModal();
  await refreshLink();
}

/** The teacher's choices, or null (with the reason shown) while one is not valid. */
function dialogOptions() {
  const count = lessonCells().length;
  const lock = parseCellList($("#share-lock").value, count);
  const startText = $("#share-start").value.trim();
  const start = startText === "" ? 0 : Number(startText);
  const startOk = startText === "" || (Number.isInteger(start) && start >= 1 && start <= count);
  $("#share-lock-error").textContent = lock ? "" : t("shareBadList", count);
  $("#share-start-error").textContent = startOk ? "" : t("shareBadStart", count);
  $("#share-lock").setAttribute("aria-invalid", String(!lock));
  $("#share-start").setAttribute("aria-invalid", String(!startOk));
  if (!lock || !startOk) return null;
  return { hide: $("#share-hide").checked, pictures: $("#share-pictures").checked, lock, start };
}

/** The lesson as the learner has it now, with `opts` from the dialog. */
export function currentShare(opts) {
  const pictures = {};
  if (opts.pictures) {
    for (const host of document.querySelectorAll("#notebook figure.lesson-picture[data-picture]")) {
      const controls = readControls(host, host.dataset.picture);
      if (Object.keys(controls).length) pictures[host.dataset.picture] = controls;
    }
  }
  return {
    lesson: app.lesson.id,
    cells: lessonCells().map((c) => (c.source === c.block.source ? null : c.source)),
    pictures,
    hide: opts.hide,
    lock: opts.lock,
    start: opts.start,
  };
}

let linkSeq = 0;
/** Writes the link for the dialog's options into the read-only field; null while they are not valid. */
async function refreshLink() {
  const my = ++linkSeq;
  const opts = dialogOptions();
  const field = $("#share-link");
  if (!opts) {
    field.value = "";
    return null;
  }
  let link;
  try {
    const encoded = await encodeShare(currentShare(opts));
    link = `${location.origin}${location.pathname}${location.search}${lessonHash(app.lesson)}?lang=${app.lang}&share=${encoded}`;
  } catch (err) {
    if (my === linkSeq) {
      field.value = "";
      $("#share-status").textContent = err instanceof ShareProblem ? t(err.key, ...err.args) : String(err.message || err);
    }
    return null;
  }
  if (my !== linkSeq) return undefined;
  field.value = link;
  return link;
}

async function copyLink() {
  const link = await refreshLink();
  if (!link) return;
  const status = $("#share-status");
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = t("shareCopied");
  } catch {
    // no Clipboard API or no permission: the link is selected for Ctrl+C
    const field = $("#share-link");
    field.focus();
    field.select();
    status.textContent = t("shareCopyManual");
  }
}

/** The share button, dialog and banner in the current language. */
export function relabelShare() {
  shareBtn.textContent = t("share");
  shareBtn.title = t("shareTitle");
  if (dialog) {
    const set = (id, key) => ($(`#${id}`).textContent = t(key));
    set("share-title", "shareDialogTitle");
    set("share-intro", "shareIntro");
    set("share-teacher", "shareTeacher");
    set("share-hide-label", "shareHide");
    set("share-pictures-label", "sharePictures");
    set("share-lock-label", "shareLock");
    set("share-start-label", "shareStart");
    set("share-link-label", "shareLink");
    set("share-close", "shareClose");
    set("share-copy", "shareCopy");
    if (dialog.open) dialogOptions();
  }
  const bannerText = $("#share-banner .share-banner-text");
  if (bannerText && app.lesson) {
    bannerText.textContent = t("shareBanner", app.lesson.n);
    $("#share-banner .share-mine").textContent = t("shareMine");
    $("#share-banner .share-keep").textContent = t("shareKeep");
  }
  for (const e of document.querySelectorAll("#notebook .share-locked")) e.textContent = `🔒 ${t("shareLocked")}`;
  for (const e of document.querySelectorAll("#notebook .share-hidden-text")) e.textContent = t("shareHidden");
  for (const e of document.querySelectorAll("#notebook .share-show")) e.textContent = t("shareShowOutput");
  if ($("#share-picture-hidden")) $("#share-picture-hidden").textContent = t("sharePictureHidden");
}
