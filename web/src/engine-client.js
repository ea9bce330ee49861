// The page's side of the engine worker: a queue of cell runs, a time limit, Stop, and a fresh
// worker (a fresh session) after a stop. Events: "ready", "failed", "restart" (detail: {reason}).

import { trustedWorkerURL } from "./safe.js";

export class EngineStopped extends Error {
  constructor(reason, seconds) {
    super(reason === "timeout" ? `stopped after ${seconds} s` : "stopped");
    this.reason = reason; // "timeout" | "user"
    this.seconds = seconds;
  }
}

export class EngineClient extends EventTarget {
  constructor({ url = "engine-worker.js", timeLimitS = 10, worker = null } = {}) {
    super();
    this.url = url;
    this.timeLimitS = timeLimitS;
    this.nextId = 1;
    this.pending = []; // FIFO of {id, resolve, reject, timed}
    this.timer = null;
    this.version = null;
    this.#start(worker);
  }

  /**
   * Runs a notebook cell in the main session. Resolves to the parsed result object;
   * `onProgress(text)` gets what the cell prints while it runs (streamed by the worker).
   */
  run(code, { onProgress = null } = {}) {
    return this.#send("run", code, true, onProgress);
  }
  /** Runs a script in the scratch session (the plot's curve); the notebook is untouched. */
  script(code) {
    return this.#send("script", code, true);
  }
  /** A preview of `name`.backward() in the main session (changes nothing; stepper.js). */
  previewBackward(name, expectedValue = "") {
    return this.#send("preview", name, true, null, expectedValue);
  }
  reset() {
    return this.#send("reset", "", false);
  }

  get busy() {
    return this.pending.length > 0;
  }

  /** Ends whatever runs now: terminates the worker and starts a fresh one (a fresh session). */
  stop(reason = "user") {
    const seconds = this.timeLimitS;
    this.worker.terminate();
    clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = [];
    this.#start(null);
    for (const p of pending) p.reject(new EngineStopped(reason, seconds));
    this.dispatchEvent(new CustomEvent("restart", { detail: { reason } }));
  }

  #start(worker) {
    this.isReady = false;
    this.worker = worker ?? new Worker(trustedWorkerURL(this.url));
    this.ready = new Promise((resolve, reject) => {
      this._readyResolve = resolve;
      this._readyReject = reject;
    });
    this.ready.catch(() => {});
    this.worker.onmessage = (ev) => this.#onMessage(ev.data);
    this.worker.onerror = (ev) => {
      const message = ev.message || "worker error";
      this._readyReject(new Error(message));
      this.dispatchEvent(new CustomEvent("failed", { detail: { message } }));
    };
    // A worker created early by index.html may already have announced readiness.
    if (worker && worker.__gradlabReady) this.#onMessage(worker.__gradlabReady);
  }

  #onMessage(msg) {
    if (msg.type === "ready") {
      this.version = msg.version;
      this.isReady = true;
      this._readyResolve();
      this.dispatchEvent(new CustomEvent("ready", { detail: msg }));
      this.#armTimer();
      return;
    }
    if (msg.type === "failed") {
      this._readyReject(new Error(msg.message));
      this.dispatchEvent(new CustomEvent("failed", { detail: msg }));
      return;
    }
    if (msg.type === "progress") {
      this.pending.find((p) => p.id === msg.id)?.onProgress?.(msg.text);
      return;
    }
    const head = this.pending[0];
    if (!head || head.id !== msg.id) return; // a reply from before a stop
    this.pending.shift();
    clearTimeout(this.timer);
    this.timer = null;
    if (msg.ok) head.resolve(msg.result);
    else head.reject(new Error(msg.message));
    this.#armTimer();
  }

  #armTimer() {
    const head = this.pending[0];
    if (!head || !this.isReady || this.timer || !head.timed) return;
    this.timer = setTimeout(() => this.stop("timeout"), this.timeLimitS * 1000);
  }

  #send(op, code, timed, onProgress = null, name = undefined) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject, timed, onProgress });
      this.worker.postMessage({ id, op, code, name });
      this.#armTimer();
    });
  }
}

/** The Graphviz worker, started on first use. layout(dot) resolves to an SVG string. */
export class GraphLayout {
  constructor(url = "assets/graph-worker.js") {
    this.url = url;
    this.worker = null;
    this.nextId = 1;
    this.waiting = new Map();
  }
  warm() {
    if (this.worker) return;
    this.worker = new Worker(trustedWorkerURL(this.url));
    this.worker.onmessage = (ev) => {
      const { id, ok, svg, message } = ev.data;
      const w = this.waiting.get(id);
      if (!w) return;
      this.waiting.delete(id);
      ok ? w.resolve(svg) : w.reject(new Error(message));
    };
  }
  layout(dot) {
    this.warm();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, dot });
    });
  }
}
