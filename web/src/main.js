// gradlab's course page: the course map, a lesson (or an imported .ipynb) as live cells run by
// the C++ engine in a Web Worker, the picture of the current cell, two languages, autosave,
// .ipynb export/import. Everything shown as output comes from the engine. The parts:
//   app.js (state, engines)  runner.js (running cells)  picture.js (graph, plot, slider)
//   toolbar.js (export, import, reset, speed)  lesson-view.js (routes, map, lessons, saving)
performance.mark("main-start");
import "@fontsource/noto-sans-sinhala/sinhala-400.css";
import "@fontsource/noto-sans-sinhala/sinhala-700.css";
import "./styles.css";

import { app, $, engine, schedule } from "./app.js";
import { LANGS, loadLang, saveLang, setUiLang, t } from "./i18n.js";
import { restartRunAll, updateBadge } from "./runner.js";
import { updatePicture, toggleGraphTable } from "./picture.js";
import { relabelToolbar, wireToolbar } from "./toolbar.js";
import { openRoute, relabelView, syncUrl } from "./lesson-view.js";
import { relabelShare, wireShare } from "./share-view.js";

function applyLang(lang) {
  app.lang = lang;
  document.body.dataset.lang = lang;
  document.documentElement.lang = lang === "si" ? "si" : "en";
  setUiLang(lang);
  saveLang(lang);
  for (const input of document.querySelectorAll('input[name="lang"]')) input.checked = input.value === lang;
  relabelToolbar();
  $("#picture-title").textContent = t("picture");
  const tableBtn = $("#graph-table-btn");
  tableBtn.textContent = t(tableBtn.getAttribute("aria-expanded") === "true" ? "hideTable" : "showTable");
  $(".skip").textContent = t("skip");
  if (!engine.isReady && !$("#engine-status").hidden && !app.engineFailed) $("#engine-status").textContent = t("loading");
  for (const c of app.cells) c.relabel();
  for (const p of app.lessonPictures) p.relabel?.();
  relabelView();
  relabelShare();
  updateBadge();
  if (app.doc) updatePicture();
}

async function start() {
  for (const input of document.querySelectorAll('input[name="lang"]')) {
    input.addEventListener("change", () => {
      applyLang(input.value);
      syncUrl();
    });
  }
  wireToolbar({ runAll: () => app.doc && schedule(() => restartRunAll()), stop: () => engine.stop("user") });
  wireShare();
  $("#graph-table-btn").addEventListener("click", toggleGraphTable);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && engine.busy && app.runningCell) engine.stop("user");
  });
  window.addEventListener("hashchange", () => openRoute(applyLang));

  const lang = loadLang();
  applyLang(LANGS.includes(lang) ? lang : "en");
  engine.ready.then(
    () => {
      document.documentElement.dataset.engineReadyMs = String(Math.round(performance.now()));
      $("#engine-status").hidden = true;
      document.documentElement.dataset.engineVersion = engine.version ?? "";
    },
    () => {},
  );
  await openRoute(applyLang);
}

start();
performance.mark("main-end");
