// What the notebook column shows, and where it comes from: the course map (the landing page), a
// lesson (loaded through the registry, lessons/index.js, with the learner's saved edits), or an
// imported notebook (IndexedDB). Routes: #/ (course map), #/lesson/N, #/imported; ?lang=en|si|both
// in the hash sets the language (and is remembered). Edits save as the learner types.
import { app, $, store, engine, schedule } from "./app.js";
import { t, tIn, renderTerms, LANGS } from "./i18n.js";
import { Cell, el } from "./cell.js";
import { lessonCells } from "./fix-copy.js";
import { LESSONS, SEED_LESSON, lessonByNumber, lessonById, editsKey, lessonHash, loadLesson } from "./lessons/index.js";
import { docStore } from "./docstore.js";
import { trustedHTML, timeSlicer } from "./safe.js";
import { cellHooks, runSequence, restartRunAll, updateBadge } from "./runner.js";
import { placePicture, pickInitialCurrent } from "./picture.js";
import { showNotice, hideNotice } from "./toolbar.js";
import { openShared, sharedSources, saveShared, decorateShared, finishShared } from "./share-view.js";
import { LessonExercises, fillMapProgress } from "./exercise-ui.js";

const K_IMPORTED = "gradlab.v1.imported"; // legacy (rendered HTML in localStorage); moved to IndexedDB
const K_SEED_EDITS = "gradlab.v1.edits.lesson1"; // the seed lesson's edits, from before the course
export const IDB_IMPORTED = "imported";
export const K_VIEW = "gradlab.v1.view";
const K_LAST_LESSON = "gradlab.v1.lastLesson";

// ---- routes ---------------------------------------------------------------------------------

/** {view: "map" | "lesson" | "imported", lesson, lang, share} of a location hash (share: a share link's text, share.js). */
export function parseRoute(hash) {
  const [pathPart, query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const lang = params.get("lang");
  const route = { view: "map", lesson: null, lang: LANGS.includes(lang) ? lang : null, share: params.get("share") };
  const m = /^\/lesson\/(\d+)\/?$/.exec(pathPart);
  if (m && lessonByNumber(m[1])) Object.assign(route, { view: "lesson", lesson: lessonByNumber(m[1]) });
  else if (pathPart === "/imported") route.view = "imported";
  return route;
}

/** The hash for the open view in the current language. */
function currentHash() {
  const base = app.doc?.id === "imported" ? "#/imported" : app.lesson ? lessonHash(app.lesson) : "#/";
  // a shared version keeps its link in the URL, so a reload shows it again
  return `${base}?lang=${app.lang}${app.shared ? `&share=${app.shared.encoded}` : ""}`;
}
/** Writes the open view and language into the URL (no new history entry, no hashchange). */
export function syncUrl() {
  if (location.hash !== currentHash()) history.replaceState(null, "", currentHash());
}

// ---- documents ------------------------------------------------------------------------------

async function lessonDoc(entry) {
  const lesson = await loadLesson(entry);
  return { ...lesson, sources: store.get(editsKey(entry), {}) };
}

/**
 * Shows `doc`. Long documents are built in slices with a yield to the browser between them, so
 * the page answers at once even while 2,000 cells appear. Imported markdown is formatted and
 * sanitised here, every time (only its source is ever stored). Resolves false if another
 * renderDoc started meanwhile.
 */
export async function renderDoc(doc) {
  const seq = ++app.renderSeq;
  app.doc = doc;
  app.cells = [];
  app.current = null;
  app.lessonPictures = [];
  document.body.dataset.view = doc.id === "imported" ? "imported" : "lesson";
  const nb = $("#notebook");
  nb.replaceChildren();
  // a long notebook lets the browser skip laying out the cells off screen (styles.css)
  const long = doc.blocks.length > 60;
  nb.classList.toggle("is-long", long);
  const imported = doc.id === "imported";
  $("#btn-back").hidden = !imported;
  $("#doc-note").hidden = !imported;
  if (imported) $("#doc-note").textContent = t("imported", doc.name);
  setTitle();
  // markdown.js (and DOMPurify, marked's worker) load only for a notebook with markdown
  const markdown = doc.blocks.some((b) => b.kind === "markdown") ? await import("./markdown.js") : null;
  if (seq !== app.renderSeq) return false;
  const seen = new Set();
  const codeCount = doc.blocks.filter((b) => b.kind === "code").length;
  const slice = timeSlicer(30);
  let index = 0;
  let part = document.createDocumentFragment();
  if (!imported) part.append(lessonNav(doc, "top"));
  const exercises = imported ? null : new LessonExercises(doc);
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
    } else if (block.kind === "picture") {
      const host = el("figure", { class: "lesson-picture", "data-picture": block.id });
      part.append(host);
      // the picture's code is part of this lesson's chunk; it draws once the cells have run
      block.load().then((m) => {
        if (seq !== app.renderSeq) return;
        const pic = m.mountPicture(host, block);
        app.lessonPictures.push(pic);
        if (app.cells.some((c) => c.lastRun)) pic.update();
      });
    } else if (block.kind === "code") {
      const source = doc.sources?.[block.id] ?? block.source;
      const cell = new Cell(block, source, index++, cellHooks, { lazy: codeCount > 40 });
      app.cells.push(cell);
      if (block.exercise && exercises) exercises.mount(cell);
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
  if (!imported) part.append(lessonNav(doc, "bottom"));
  nb.append(part);
  if (imported) showProgress(null);
  relabelView();
  placePicture();
  updateBadge();
  return true;
}

function setTitle() {
  const title = app.doc?.id === "imported" ? app.doc.name : app.lesson ? app.lesson.title[app.lang === "si" ? "si" : "en"] : t("courseTitle");
  document.title = `${title} — gradlab`;
}

function htmlDiv(cls, lang, html) {
  const d = document.createElement("div");
  d.className = cls;
  if (lang) d.lang = lang;
  d.innerHTML = trustedHTML(html); // the lesson's own HTML (imported markdown never comes here)
  return d;
}

/** A lesson's title in both languages, shown by the language switch like the lesson text. */
function bothTitles(lesson, tag = "span") {
  return [el(tag, { class: "lang-en", lang: "en", text: lesson.title.en }), el(tag, { class: "lang-si", lang: "si", text: lesson.title.si })];
}

/** "Course map · Lesson 3 of 7" above a lesson; previous / course map / next below it. */
function lessonNav(doc, where) {
  const lesson = lessonById(doc.id);
  const i = LESSONS.indexOf(lesson);
  const prev = LESSONS[i - 1], next = LESSONS[i + 1];
  const link = (l, cls, rel) => el("a", { class: cls, href: lessonHash(l), rel, "data-nav": rel }, el("span", { class: "nav-n", "data-ui": "lessonN", "data-n": l.n }), " ", ...bothTitles(l));
  const map = el("a", { class: "nav-map", href: "#/", "data-nav": "map", "data-ui": "courseMap" });
  if (where === "top") {
    return el("nav", { class: "lesson-nav top", "aria-label": "lesson", "data-ui-label": "lessonNavTop" }, map, " · ", el("span", { "data-ui": "lessonOf", "data-n": lesson.n }));
  }
  return el(
    "nav",
    { class: "lesson-nav bottom", "data-ui-label": "lessonNavBottom" },
    prev ? link(prev, "nav-prev", "prev") : el("span"),
    map.cloneNode(),
    next ? link(next, "nav-next", "next") : el("span"),
  );
}

/** The landing page: every lesson, its number, titles and summary in both languages. */
function renderMap() {
  ++app.renderSeq;
  app.doc = null;
  app.lesson = null;
  app.cells = [];
  app.current = null;
  app.lessonPictures = [];
  document.body.dataset.view = "map";
  $("#btn-back").hidden = true;
  $("#doc-note").hidden = true;
  const items = LESSONS.map((l) =>
    el(
      "li",
      { class: "map-item" },
      el(
        "a",
        { href: lessonHash(l), "data-lesson": l.id },
        el("span", { class: "map-n", text: String(l.n) }),
        el("span", { class: "map-titles" }, ...bothTitles(l, "b"), el("span", { class: "lang-en map-about", lang: "en", text: l.about.en }), el("span", { class: "lang-si map-about", lang: "si", text: l.about.si }), el("span", { class: "map-progress", "data-progress": l.id })),
      ),
    ),
  );
  $("#notebook").replaceChildren(
    el(
      "div",
      { class: "course-map" },
      el("h1", {}, el("span", { class: "lang-en", lang: "en", "data-ui": "courseTitle", "data-ui-lang": "en" }), el("span", { class: "lang-si", lang: "si", "data-ui": "courseTitle", "data-ui-lang": "si" })),
      el("p", {}, el("span", { class: "lang-en", lang: "en", "data-ui": "courseIntro", "data-ui-lang": "en" }), el("span", { class: "lang-si", lang: "si", "data-ui": "courseIntro", "data-ui-lang": "si" })),
      el("ol", { class: "map-list" }, ...items),
    ),
  );
  relabelView();
  setTitle();
  updateBadge();
  const seq = app.renderSeq;
  fillMapProgress($("#notebook"), () => seq === app.renderSeq);
}

/** Fills the map's and the lesson bars' UI words (data-ui keys; data-ui-lang pins a language). */
export function relabelView() {
  for (const e of document.querySelectorAll("#notebook [data-ui]")) {
    const n = e.dataset.n;
    e.textContent = e.dataset.uiLang ? tIn(e.dataset.uiLang, e.dataset.ui, n) : t(e.dataset.ui, n, LESSONS.length);
  }
  for (const e of document.querySelectorAll("#notebook [data-ui-label]")) e.setAttribute("aria-label", t(e.dataset.uiLabel));
  setTitle();
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

// ---- saving ---------------------------------------------------------------------------------

let saveTimer = null;
export function autosave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 250);
}
export function saveNow() {
  clearTimeout(saveTimer);
  if (!app.doc) return Promise.resolve(true);
  if (app.doc.id === "imported") return saveImported();
  if (app.shared) return Promise.resolve(saveShared()); // Note [Shared views never touch the learner's work]
  const edits = {};
  for (const c of lessonCells()) if (c.source !== c.block.source) edits[c.id] = c.source;
  const ok = store.set(editsKey(app.lesson), edits);
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
  const rec = await docStore.get(IDB_IMPORTED);
  return rec && Array.isArray(rec.blocks) ? rec : null;
}

/** Edits of the seed lesson saved before there was a course move to its own key. */
function moveSeedEdits() {
  const old = store.get(K_SEED_EDITS);
  if (old && store.get(editsKey(SEED_LESSON)) == null && store.set(editsKey(SEED_LESSON), old)) store.remove(K_SEED_EDITS);
}

// ---- opening a view -------------------------------------------------------------------------

let firstRun = true;
/** Runs the open document's cells: the first time in the fresh session, later after a restart. */
async function runOpened() {
  const first = firstRun;
  firstRun = false;
  await schedule(async () => {
    if (!first) await engine.reset();
    app.execCount = 0;
    app.grads.clear();
    for (const c of app.cells) c.setState("queued");
    await runSequence(app.cells);
  });
  pickInitialCurrent();
  if (first) {
    performance.mark("gradlab:lesson-ready");
    document.documentElement.dataset.lessonReadyMs = String(Math.round(performance.now()));
  }
  document.documentElement.dataset.shown = app.doc?.id ?? "";
}

/** Shows lesson `entry`: the learner's own version, or with `shared` a share link's (share-view.js). */
export async function showLesson(entry, shared = null) {
  if (app.doc) await saveNow();
  app.lesson = entry;
  app.shared = shared;
  app.importedDirty = false;
  app.curveCache.clear();
  store.set(K_VIEW, entry.id);
  store.set(K_LAST_LESSON, entry.id);
  syncUrl();
  const doc = shared ? await loadLesson(entry) : await lessonDoc(entry);
  if (shared) doc.sources = sharedSources(doc, shared);
  if (!(await renderDoc(doc))) return;
  if (shared) decorateShared();
  await runOpened();
  if (shared) await finishShared();
}

export async function showImported(rec, { fresh = false } = {}) {
  if (app.doc && app.doc.id !== "imported") await saveNow();
  app.lesson = null;
  app.shared = null;
  app.importedDirty = fresh ? false : !!rec.edited; // edits made before a reload still count when replacing it
  app.curveCache.clear();
  store.set(K_VIEW, "imported");
  if (!(await renderDoc({ id: "imported", name: rec.name, blocks: rec.blocks }))) return false;
  syncUrl();
  await runOpened();
  return true;
}

export async function showMap() {
  if (app.doc) await saveNow();
  app.shared = null;
  store.set(K_VIEW, "map");
  renderMap();
  syncUrl();
  document.documentElement.dataset.shown = "map";
  if (firstRun) {
    // the map has no cells; the page is ready as soon as it is drawn
    firstRun = false;
    document.documentElement.dataset.lessonReadyMs = String(Math.round(performance.now()));
  }
}

/**
 * Opens what the URL names. Without a route the page reopens an imported notebook left open
 * (as before the course) and otherwise shows the course map.
 */
export async function openRoute(applyLang) {
  moveSeedEdits();
  const route = parseRoute(location.hash);
  if (route.lang && route.lang !== app.lang) applyLang(route.lang);
  const bare = !/^#\/./.test(location.hash);
  if (route.share) return openShared(route.view === "lesson" ? route.lesson : null, route.share);
  if (route.view === "lesson") return showLesson(route.lesson);
  if (route.view === "imported" || (bare && store.get(K_VIEW) === "imported")) {
    const rec = await storedImport();
    if (rec) return showImported(rec);
  } else {
    await storedImport(); // moves a legacy copy out of localStorage
  }
  return showMap();
}

export function lessonForBack() {
  return lessonById(store.get(K_LAST_LESSON)) ?? SEED_LESSON;
}
