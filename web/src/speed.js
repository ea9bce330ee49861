// The speed panel (issue 6): the five benchmark workloads (bench/workloads/W*.py, copied to
// build/web/bench/ by tools/build-web.mjs) timed in the learner's browser.
//
// They run in a second instance of engine-worker.js (op "bench"), so the lesson's own engine and
// cells stay usable; Stop terminates that worker at once. Each workload is timed inside wasm
// (gradlab.mjs benchmark(): setup once, the step compiled once and run again and again, batched
// when shorter than 2 ms because a browser's clock is coarse). Beside the learner's numbers, for
// reference, the peers' medians from PEERS.md, measured on a 2-vCPU server, not this machine.
//
// URL parameters (tests, slow phones): ?speedReps=N caps the timed samples per workload (and
// lowers the minimum to N when N < 5); ?speedSeconds=S is the timing budget per workload (1 s).
// Loaded on first use by main.js (a lazy chunk).
import { el, bilingual } from "./cell.js";
import { trustedWorkerURL } from "./safe.js";
import { SEED_LESSON } from "./lessons/index.js";

// Controls in the page's control language (Sinhala only in Sinhala mode); longer text bilingual.
const UI = {
  en: {
    runAll: "Run all five",
    runAllTitle: "Time the five workloads one after another",
    runOne: "Run",
    runOneLabel: (id) => `Run ${id} only`,
    stop: "Stop",
    close: "Close",
    workload: "Workload",
    yours: "Your browser, now",
    median: "Median",
    spread: "Spread (p10–p90)",
    tfjs: "TF.js 4.22 wasm · Chromium",
    tfjsNote: "the fair comparison",
    torch: "PyTorch 1.13 · 1 thread",
    torchNote: "native, no browser",
    serverShort: "2-vCPU server",
    code: "code",
    notRun: "not run",
    queued: "waiting",
    running: "running…",
    stopped: "stopped",
    error: "error",
    runs: (n, b) => (b > 1 ? `${n} × ${b} runs` : `${n} runs`),
  },
  si: {
    runAll: "පහම ධාවනය කරන්න",
    runAllTitle: "workloads පහේ කාලය එකින් එක මනින්න",
    runOne: "ධාවනය",
    runOneLabel: (id) => `${id} පමණක් ධාවනය කරන්න`,
    stop: "නවත්වන්න",
    close: "වසන්න",
    workload: "Workload",
    yours: "ඔබගේ browser එක, දැන්",
    median: "මධ්‍යස්ථය",
    spread: "පරාසය (p10–p90)",
    tfjs: "TF.js 4.22 wasm · Chromium",
    tfjsNote: "සාධාරණ සැසඳීම",
    torch: "PyTorch 1.13 · thread එකක්",
    torchNote: "native, browser නැතිව",
    serverShort: "2-vCPU server",
    code: "කේතය",
    notRun: "ධාවනය කර නැත",
    queued: "පෝලිමේ",
    running: "ධාවනය වෙමින්…",
    stopped: "නවත්වන ලදී",
    error: "දෝෂයකි",
    runs: (n, b) => (b > 1 ? `ධාවන ${n} × ${b}` : `ධාවන ${n}`),
  },
};

// Bilingual text: shown in one language or both, as the lesson text is.
const TEXT = {
  title: { en: "Speed in your browser", si: "ඔබගේ browser එකේ වේගය" },
  intro: {
    en: "The five benchmark workloads — the same .py files that gradlab bench times natively — run here on gradlab’s C++ engine compiled to WebAssembly. They run in a Web Worker of their own, so the lesson stays usable, and Stop ends them at once. Each workload runs its setup once; its step is parsed once, then run again and again and timed inside the engine.",
    si: "gradlab bench මගින් native ලෙස කාලය මනින .py ගොනු එලෙසම, benchmark workloads පහ මෙහි WebAssembly ලෙස සම්පාදනය කළ gradlab හි C++ engine එක මත ධාවනය වේ. ඒවා වෙනම Web Worker එකක ධාවනය වන බැවින් පාඩම දිගටම භාවිත කළ හැක; Stop ඒවා වහාම නවත්වයි. එක් එක් workload එකේ setup කොටස එක් වරක් ධාවනය වේ; step කොටස එක් වරක් parse කර, නැවත නැවත ධාවනය කර engine එක තුළදීම කාලය මනිනු ලැබේ.",
  },
  howToRead: {
    en: "Median: the middle time of one step. Spread: the 10th to the 90th percentile, so 8 runs in 10 fell inside it. A step shorter than 2 ms is timed in batches, because a browser’s clock ticks coarsely (0.1 ms); its figures are then batch averages.",
    si: "මධ්‍යස්ථය: එක් පියවරකට ගත වූ මැද කාලය. පරාසය: 10 වන සිට 90 වන percentile දක්වා, එනම් ධාවන 10 න් 8 ක් ඒ තුළ විය. browser එකේ ඔරලෝසුව රළු ලෙස (0.1 ms) ගණන් කරන බැවින්, ms 2 ට වඩා කෙටි පියවරක් කණ්ඩායම් වශයෙන් මනිනු ලැබේ; එවිට අගයන් කණ්ඩායම් සාමාන්‍ය වේ.",
  },
  reference: {
    en: "Reference: measured on a 2-vCPU server, not your machine",
    si: "යොමු අගයන්: ඔබගේ පරිගණකයේ නොව, 2-vCPU server එකක මැනූ ඒවා",
  },
  legend: {
    en: "Shaded: reference figures, measured on a 2-vCPU server, not your machine.",
    si: "අඳුරු කළ අගයන්: යොමු අගයන්, ඔබගේ පරිගණකයේ නොව 2-vCPU server එකක මැනූ ඒවා.",
  },
  referenceNote: {
    en: "Reference columns: medians from the project’s peer measurements (PEERS.md) on a 2-vCPU AMD EPYC (Zen 4) virtual server, 2026-11-25 — not your machine, so compare with care. TF.js 4.22’s WebAssembly backend in Chromium is the fair comparison: it too runs in a browser tab. PyTorch 1.13 runs natively, outside any browser.",
    si: "යොමු තීරු: 2-vCPU AMD EPYC (Zen 4) virtual server එකක 2026-11-25 දින මැනූ median අගයන් (ව්‍යාපෘතියේ PEERS.md) — ඔබගේ පරිගණකයේ නොවේ, එබැවින් ප්‍රවේශමෙන් සසඳන්න. සාධාරණ සැසඳීම Chromium හි TF.js 4.22 WebAssembly backend එකයි: එයද browser tab එකක ධාවනය වේ. PyTorch 1.13 කිසිදු browser එකකින් තොරව native ලෙස ධාවනය වේ.",
  },
  idle: { en: "Not run yet. It takes about ten seconds.", si: "තවම ධාවනය කර නැත. තත්පර දහයක් පමණ ගත වේ." },
  loading: { en: "Loading the workloads…", si: "workloads පූරණය වෙමින්…" },
  running: {
    en: (id, i, n) => `Running ${id} (${i} of ${n})…`,
    si: (id, i, n) => `${id} ධාවනය වෙමින් (${n} න් ${i})…`,
  },
  done: {
    en: (n, s) => `Done: ${n === 1 ? "1 workload" : `${n} workloads`} in ${s} s.`,
    si: (n, s) => `අවසන්: workloads ${n} ක්, තත්පර ${s} කින්.`,
  },
  stopped: {
    en: "Stopped. The speed worker was ended; the lesson’s engine was not touched.",
    si: "නවත්වන ලදී. වේග මිනුම් worker එක අවසන් කරන ලදී; පාඩමේ engine එකට බලපෑමක් නැත.",
  },
  failed: {
    en: (msg) => `Could not run: ${msg}`,
    si: (msg) => `ධාවනය කළ නොහැකි විය: ${msg}`,
  },
};

// What each workload is, and what it mostly measures (GLOSSARY terms in Sinhala).
const WORKLOADS = {
  W1: {
    en: `Lesson ${SEED_LESSON.n}’s two gradients`,
    si: `${SEED_LESSON.n} වන පාඩමේ අනුක්‍රමණ දෙක`,
    whatEn: "tiny tensors: the cost of each operation",
    whatSi: "කුඩා ටෙන්සර: එක් එක් මෙහෙයුමේ වියදම",
  },
  W2: {
    en: "One training step of a 64→128→10 MLP, batch 64",
    si: "64→128→10 MLP එකක එක් පුහුණු කිරීමේ පියවරක්, batch 64",
    whatEn: "small matrices: a bit of everything",
    whatSi: "කුඩා න්‍යාස: සියල්ලෙන් ටිකක්",
  },
  W3: {
    en: "512×512 matrix product, forward and backward",
    si: "512×512 න්‍යාස ගුණිතය, ඉදිරි ගමන සහ ආපසු ගමන",
    whatEn: "arithmetic speed",
    whatSi: "ගණනය කිරීමේ වේගය",
    flops: 3 * 2 * 512 ** 3,
  },
  W4: {
    en: "(x**3 + x**2).sum().backward() on a million elements",
    si: "අවයව මිලියනයක් මත (x**3 + x**2).sum().backward()",
    whatEn: "memory speed",
    whatSi: "මතක වේගය",
    bytes: 12e6,
  },
  W5: {
    en: "10,000 scalar operations, then one backward",
    si: "අදිශ මෙහෙයුම් 10,000 ක්, පසුව එක් backward",
    whatEn: "the interpreter loop and building the graph",
    whatSi: "interpreter loop එක සහ ප්‍රස්ථාරය ගොඩනැගීම",
  },
  W6: {
    en: "100 training steps of an 8→64→64→1 MLP: nn.Module, MSELoss, Adam",
    si: "8→64→64→1 MLP එකක පුහුණු කිරීමේ පියවර 100 ක්: nn.Module, MSELoss, Adam",
    whatEn: "a tutorial’s training loop: modules, loss and optimizer",
    whatSi: "පාඩමක පුහුණු කිරීමේ loop එක: module, loss සහ optimizer",
  },
};

// PEERS.md (2-vCPU AMD EPYC Zen 4 VM, 2026-11-25): medians in µs.
export const PEERS = {
  tfjsChromium: { W1: 120, W2: 1020, W3: 395000, W4: 71000, W5: 330000 },
  torch1: { W1: 56, W2: 150, W3: 8330, W4: 4700, W5: 74200 },
};

/** A time in µs, in µs, ms or s with three significant figures or so. */
export function formatTime(us) {
  if (us == null || !Number.isFinite(us)) return "—";
  const fix = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (us < 1000) return `${fix(us)} µs`;
  if (us < 1e6) return `${fix(us / 1000)} ms`;
  return `${fix(us / 1e6)} s`;
}

/** The page's URL parameters for the panel: ?speedReps=N, ?speedSeconds=S. */
export function speedOptions(search) {
  const q = new URLSearchParams(search);
  const opts = { minReps: 5, maxReps: 20000, seconds: 1, warmup: 2 };
  const reps = Math.floor(Number(q.get("speedReps")));
  if (reps >= 1) {
    opts.maxReps = reps;
    opts.minReps = Math.min(5, reps);
  }
  const seconds = Number(q.get("speedSeconds"));
  if (q.has("speedSeconds") && Number.isFinite(seconds) && seconds >= 0) opts.seconds = seconds;
  return opts;
}

/** The speed worker: a second engine worker, started on demand; stop() terminates it. */
class SpeedWorker {
  constructor(url) {
    this.url = url;
    this.worker = null;
    this.nextId = 1;
    this.waiting = new Map();
  }
  bench(name, code, options) {
    if (!this.worker) this.#start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op: "bench", name, code, options });
    });
  }
  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(Object.assign(new Error("stopped"), { stopped: true }));
  }
  #start() {
    const w = (this.worker = new Worker(trustedWorkerURL(this.url)));
    const failAll = (message) => {
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const x of waiting) x.reject(new Error(message));
    };
    w.onmessage = (ev) => {
      const msg = ev.data;
      if (msg.type === "failed") return failAll(msg.message);
      if (msg.type) return; // "ready"
      const x = this.waiting.get(msg.id);
      if (!x) return;
      this.waiting.delete(msg.id);
      msg.ok ? x.resolve(msg.result) : x.reject(new Error(msg.message));
    };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      failAll(ev.message || "worker error");
      this.worker = null;
      w.terminate();
    };
  }
}

/**
 * Builds the panel (hidden) and returns its controller. `after`: the element the panel follows;
 * `toggle`: the toolbar button that opens and closes it; `lang`: "en" | "si" | "both".
 */
export function createSpeedPanel({ after, toggle, lang = "en", workerUrl = "engine-worker.js", base = "bench/", search = location.search }) {
  const options = speedOptions(search);
  const worker = new SpeedWorker(workerUrl);
  const state = { lang, running: false, list: null, rows: new Map(), status: { key: "idle", args: [] }, runSeq: 0 };
  const ui = (key, ...args) => {
    const table = state.lang === "si" ? UI.si : UI.en;
    const v = table[key] ?? UI.en[key];
    return typeof v === "function" ? v(...args) : v;
  };
  const biText = (key, ...args) => {
    const v = TEXT[key];
    const f = (x) => (typeof x === "function" ? x(...args) : x);
    return bilingual({ en: f(v.en), si: f(v.si) });
  };

  // ---- the DOM, built once; texts and cells are updated in place ----
  const heading = el("h2", { id: "speed-title", class: "speed-title", tabindex: "-1" });
  const closeBtn = el("button", { type: "button", class: "speed-close", onclick: () => close() });
  const runAllBtn = el("button", { type: "button", class: "speed-run", onclick: () => run(null) });
  const stopBtn = el("button", { type: "button", class: "speed-stop", disabled: true, onclick: () => stop() });
  const status = el("p", { class: "speed-status", role: "status", "aria-live": "polite" });
  const intro = el("p", { class: "speed-intro" });
  const howToRead = el("p", { class: "speed-note" });
  const refNote = el("p", { class: "speed-note speed-ref-note" });
  const refLegend = el("p", { class: "speed-ref-legend" }); // phone width, where the table head is hidden
  const head1 = el("tr");
  const head2 = el("tr");
  const tbody = el("tbody");
  const table = el("table", { class: "speed-table", "aria-labelledby": "speed-title" }, el("thead", {}, head1, head2), tbody);
  const root = el(
    "section",
    { id: "speed", class: "speed", hidden: true, "aria-labelledby": "speed-title" },
    el("div", { class: "speed-head" }, heading, el("div", { class: "speed-controls" }, runAllBtn, stopBtn, closeBtn)),
    intro,
    status,
    refLegend,
    el("div", { class: "speed-table-wrap" }, table),
    howToRead,
    refNote,
  );
  after.after(root);
  root.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.stopPropagation();
      close();
    }
  });

  function relabel() {
    heading.replaceChildren(biText("title"));
    intro.replaceChildren(biText("intro"));
    howToRead.replaceChildren(biText("howToRead"));
    refNote.replaceChildren(biText("referenceNote"));
    refLegend.replaceChildren(biText("legend"));
    runAllBtn.textContent = `▶ ${ui("runAll")}`;
    runAllBtn.title = ui("runAllTitle");
    stopBtn.textContent = `■ ${ui("stop")}`;
    closeBtn.textContent = "✕";
    closeBtn.title = ui("close");
    closeBtn.setAttribute("aria-label", ui("close"));
    head1.replaceChildren(
      el("th", { scope: "col", rowspan: "2", class: "speed-wl", text: ui("workload") }),
      el("th", { scope: "colgroup", colspan: "2", class: "speed-yours", text: ui("yours") }),
      el("th", { scope: "colgroup", colspan: "2", class: "speed-ref" }, biText("reference")),
    );
    head2.replaceChildren(
      el("th", { scope: "col", class: "speed-yours", text: ui("median") }),
      el("th", { scope: "col", class: "speed-yours", text: ui("spread") }),
      el("th", { scope: "col", class: "speed-ref" }, ui("tfjs"), el("small", { text: ui("tfjsNote") })),
      el("th", { scope: "col", class: "speed-ref" }, ui("torch"), el("small", { text: ui("torchNote") })),
    );
    for (const id of state.rows.keys()) updateRow(id);
    showStatus();
  }

  function showStatus() {
    const { key, args } = state.status;
    status.classList.toggle("is-error", key === "failed");
    status.replaceChildren(biText(key, ...args));
  }
  function setStatus(key, ...args) {
    state.status = { key, args };
    showStatus();
  }

  function buildRows() {
    tbody.replaceChildren();
    state.rows.clear();
    for (const w of state.list) {
      const info = WORKLOADS[w.id] ?? { en: w.title, si: w.title, whatEn: "", whatSi: "" };
      const runBtn = el("button", { type: "button", class: "speed-run-one", onclick: () => run(w.id) });
      const code = el("pre", { class: "speed-code-text", text: w.sections ? w.sections.trim() : "" });
      const details = el("details", { class: "speed-code" }, el("summary"), code);
      const title = el(
        "th",
        { scope: "row", class: "speed-wl" },
        el("div", { class: "speed-wl-line" }, el("span", { class: "speed-id", text: w.id }), bilingual({ en: info.en, si: info.si }), runBtn),
        el("div", { class: "speed-what" }, bilingual({ en: info.whatEn, si: info.whatSi })),
        details,
      );
      const median = el("td", { class: "speed-yours speed-median" });
      const spread = el("td", { class: "speed-yours speed-spread" });
      const tfjs = el("td", { class: "speed-ref" }, el("div", { class: "speed-val", text: formatTime(PEERS.tfjsChromium[w.id]) }));
      const torch = el("td", { class: "speed-ref" }, el("div", { class: "speed-val", text: formatTime(PEERS.torch1[w.id]) }));
      const tr = el("tr", { "data-workload": w.id, "data-state": "idle" }, title, median, spread, tfjs, torch);
      tbody.append(tr);
      state.rows.set(w.id, { w, info, tr, runBtn, details, median, spread, tfjs, torch, result: null, rowState: "idle" });
    }
  }

  function updateRow(id) {
    const r = state.rows.get(id);
    r.tr.dataset.state = r.rowState;
    r.runBtn.textContent = `▶ ${ui("runOne")}`;
    r.runBtn.setAttribute("aria-label", ui("runOneLabel", id));
    r.runBtn.disabled = state.running;
    r.details.querySelector("summary").textContent = ui("code");
    r.median.dataset.label = ui("median");
    r.spread.dataset.label = ui("spread");
    r.tfjs.dataset.label = `${ui("tfjs")} (${ui("serverShort")})`;
    r.torch.dataset.label = `${ui("torch")} (${ui("serverShort")})`;
    r.tr.removeAttribute("aria-busy");
    const res = r.result;
    if (r.rowState === "done" && res && !res.error) {
      r.tr.dataset.check = res.check_repr ?? "";
      const rate = r.info.flops
        ? ` · ${(r.info.flops / (res.median_us * 1e3)).toFixed(1)} GFLOP/s`
        : r.info.bytes
          ? ` · ${(r.info.bytes / (res.median_us * 1e3)).toFixed(1)} GB/s`
          : "";
      const val = el("div", { class: "speed-val" }, el("strong", { class: "speed-time", text: formatTime(res.median_us) }));
      if (rate) val.append(el("small", { text: rate.slice(3) }));
      r.median.replaceChildren(val);
      r.median.title = `check value ${res.check_repr}`;
      r.spread.replaceChildren(
        el(
          "div",
          { class: "speed-val" },
          el("span", { class: "speed-range", text: `${formatTime(res.p10_us)} – ${formatTime(res.p90_us)}` }),
          el("small", { text: ui("runs", res.reps, res.batch) }),
        ),
      );
    } else {
      r.median.title = "";
      const word = { idle: "—", queued: ui("queued"), running: ui("running"), stopped: ui("stopped"), error: ui("error") }[r.rowState] ?? "—";
      r.median.replaceChildren(el("div", { class: "speed-val" }, el("span", { class: `speed-word is-${r.rowState}`, text: word })));
      if (r.rowState === "error" && res?.error) r.median.title = res.error.text;
      r.spread.replaceChildren(el("div", { class: "speed-val muted", text: "—" }));
      if (r.rowState === "running") r.tr.setAttribute("aria-busy", "true");
    }
  }

  async function loadList() {
    if (state.list) return state.list;
    const res = await fetch(`${base}index.json`);
    if (!res.ok) throw new Error(`${base}index.json: HTTP ${res.status}`);
    const index = await res.json();
    const list = await Promise.all(
      index.map(async (w) => {
        const r = await fetch(`${base}${w.file}`);
        if (!r.ok) throw new Error(`${base}${w.file}: HTTP ${r.status}`);
        const text = await r.text();
        return { ...w, text, sections: stepOf(text) };
      }),
    );
    state.list = list;
    buildRows();
    relabel();
    return list;
  }

  function setRunning(running) {
    state.running = running;
    runAllBtn.disabled = running;
    stopBtn.disabled = !running;
    root.classList.toggle("is-running", running);
    toggle.classList.toggle("is-busy", running);
    for (const r of state.rows.values()) r.runBtn.disabled = running;
  }

  /** Runs every workload (`only` null) or one; results replace that row's. */
  async function run(only) {
    if (state.running) return;
    const seq = ++state.runSeq;
    // Keyboard users keep their place: Stop takes the focus while the buttons are disabled, and
    // gives it back to the button that started the run.
    const starter = root.contains(document.activeElement) && document.activeElement.tagName === "BUTTON" ? document.activeElement : null;
    setRunning(true);
    if (starter) stopBtn.focus();
    state.starter = starter;
    try {
      if (!state.list) setStatus("loading");
      await loadList();
    } catch (err) {
      setRunning(false);
      setStatus("failed", String(err.message || err));
      return;
    }
    const todo = state.list.filter((w) => only == null || w.id === only);
    for (const w of todo) {
      const r = state.rows.get(w.id);
      r.before = { rowState: r.rowState, result: r.result }; // shown again if stopped before its turn
      r.rowState = "queued";
      r.result = null;
      updateRow(w.id);
    }
    const t0 = performance.now();
    let failed = null;
    for (const [i, w] of todo.entries()) {
      const r = state.rows.get(w.id);
      r.rowState = "running";
      updateRow(w.id);
      setStatus("running", w.id, i + 1, todo.length);
      try {
        const res = await worker.bench(w.file, w.text, options);
        if (seq !== state.runSeq) return;
        r.result = res;
        r.rowState = res.error ? "error" : "done";
        if (res.error) failed ??= `${w.id}: ${res.error.text}`;
      } catch (err) {
        if (seq !== state.runSeq) return;
        if (err.stopped) return; // stop() has updated the rows and the status
        r.rowState = "error";
        r.result = { error: { text: String(err.message || err) } };
        failed ??= `${w.id}: ${err.message || err}`;
      }
      updateRow(w.id);
    }
    const refocus = document.activeElement === stopBtn || document.activeElement === document.body;
    setRunning(false);
    if (refocus && state.starter && !root.hidden) state.starter.focus();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (failed) setStatus("failed", failed);
    else setStatus("done", todo.length, secs);
  }

  function stop() {
    if (!state.running) return;
    state.runSeq++;
    worker.stop();
    for (const [id, r] of state.rows) {
      if (r.rowState === "running") r.rowState = "stopped";
      else if (r.rowState === "queued") ({ rowState: r.rowState, result: r.result } = r.before ?? { rowState: "idle", result: null });
      else continue;
      updateRow(id);
    }
    setRunning(false);
    setStatus("stopped");
    if (!root.hidden) (state.starter ?? runAllBtn).focus();
  }

  function open() {
    root.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    heading.focus();
    if (!state.list) loadList().catch((err) => setStatus("failed", String(err.message || err)));
  }
  function close() {
    root.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  relabel();
  return {
    root,
    open,
    close,
    toggle: () => (root.hidden ? open() : close()),
    stop,
    run,
    get running() {
      return state.running;
    },
    setLang(l) {
      state.lang = l;
      relabel();
    },
  };
}

/** The step section of a workload file (what each repetition runs), for the "code" disclosure. */
function stepOf(text) {
  const m = /^[ \t]*# ---\s*step\s*---[ \t\r]*$/m.exec(text);
  if (!m) return text;
  const rest = text.slice(m.index + m[0].length);
  const end = /^[ \t]*# ---\s*\w+\s*---[ \t\r]*$/m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}
