// The page's shared state and services: the open document and its cells, localStorage, the
// learner's engine session, the plot's own engine, the Graphviz worker, and the queue that keeps
// cells from interleaving. The page's parts (runner.js, picture.js, toolbar.js, lesson-view.js)
// all work on this one `app`.
import { EngineClient, GraphLayout } from "./engine-client.js";

export const $ = (sel) => document.querySelector(sel);

export const store = {
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

export const app = {
  lang: "en",
  lesson: null, // the registry entry of the open lesson (null on the course map or an import)
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
  stepGraph: null, // {run, graph}: a backward preview drawn for that run (picture.js, stepper.js)
  importedDirty: false, // the imported notebook was edited since it was imported
  renderSeq: 0,
  notice: null,
  engineFailed: false,
  shared: null, // a share link's version of the open lesson (share-view.js), or null: the learner's own
  lessonPictures: [], // pictures inside the open lesson (lesson-pictures.js), redrawn after runs
};

const params = new URLSearchParams(location.search);
// ?timeLimit=S shortens the time limit of a cell (the browser test uses it).
const timeLimitS = Number(params.get("timeLimit")) || 10;
export const engine = new EngineClient({ url: "engine-worker.js", timeLimitS, worker: window.__gradlabWorker ?? null });
// The pictures sample their curves in an engine of their own (started on first use), so a slow
// curve only loses the picture: its time limit never restarts the learner's session.
export const plotTimeLimitS = Number(params.get("plotTimeLimit")) || 4;
let plotEngine = null;
export const getPlotEngine = () => (plotEngine ??= new EngineClient({ url: "engine-worker.js", timeLimitS: plotTimeLimitS }));
// The lessons' own pictures (lessons/*-picture.js) may train a small network: they get an engine
// of their own with a longer limit, so they never restart the learner's session or the plot's.
const pictureTimeLimitS = Number(params.get("pictureTimeLimit")) || 30;
let pictureEngine = null;
export const getPictureEngine = () => (pictureEngine ??= new EngineClient({ url: "engine-worker.js", timeLimitS: pictureTimeLimitS }));
export const graphLayout = new GraphLayout("assets/graph-worker.js");

/** Runs `task` after every task scheduled before it (cells never interleave). */
export function schedule(task) {
  const p = app.queue.then(task, task);
  app.queue = p.catch(() => {});
  return p;
}
