// A code cell: editor, In/Out prompts, outputs (stdout, Out value, Jupyter-style error), the
// bilingual hint, the stale banner, and the "= PyTorch" mark for unchanged lesson cells.
import { createEditor } from "./editor.js";
import { t } from "./i18n.js";
import { ERROR_HELP_UI } from "./error-help.js";

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, "");
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
};
export { el };

const kLiveChars = 100000; // streamed output kept while a cell runs (its result has all of it)

export class Cell {
  /**
   * `block` = {kind:"code", id, source, expected?}; `source` is the text to show (maybe edited);
   * `hooks` = {run(cell, moveOn), change(cell), focus(cell), runAllBelow(cell), restartRunAll()}.
   * `number` names the cell to screen readers ("Code cell 3"); `note` ({en, si}) is shown above it.
   */
  constructor(block, source, index, hooks, { lazy = false, number = index + 1, note = null } = {}) {
    this.block = block;
    this.id = block.id;
    this.index = index;
    this.number = number;
    this.hooks = hooks;
    this.lastRun = null; // {count, output, result, error, graph, focus, source}
    this.live = null; // the <pre> of text streamed while the cell runs (showProgress)
    this.stale = null; // null | "edit" | "restart"
    this.state = "idle";

    this.prompt = el("div", { class: "prompt in", "aria-hidden": "true", text: "In [ ]:" });
    this.runBtn = el("button", { class: "run-btn", type: "button", onclick: () => this.hooks.run(this, false) });
    this.stopBtn = el("button", { class: "stop-btn", type: "button", hidden: true, onclick: () => this.hooks.stop() });
    this.match = el("span", { class: "match", hidden: true });
    this.editorHost = el("div", { class: "editor" });
    // the picture sits after the whole notebook on wide screens: a keyboard path to it (and its
    // slider) right after the current cell's buttons
    this.pictureLink = el("a", { class: "to-picture", href: "#picture", onclick: (ev) => (ev.preventDefault(), this.hooks.toPicture(this)) });
    const tools = el("div", { class: "cell-tools" }, this.runBtn, this.stopBtn, this.pictureLink, this.match);
    const input = el("div", { class: "cell-in" }, this.prompt, el("div", { class: "cell-body" }, this.editorHost, tools));

    this.staleText = el("span");
    this.staleBtn = el("button", { type: "button", class: "link-btn", onclick: () => this.hooks.runAllBelow(this) });
    this.staleBanner = el("div", { class: "stale-banner", hidden: true, role: "status" }, this.staleText, " ", this.staleBtn);

    this.outputs = el("div", { class: "outputs", "aria-live": "polite" });
    this.pictureSlot = el("div", { class: "picture-slot" });
    this.root = el(
      "section",
      { class: "cell", id: `cell-${this.id}`, "data-cell": this.id, "aria-label": `Code cell ${number}` },
      note ? el("p", { class: "copy-note" }, bilingual(note)) : null,
      input,
      this.staleBanner,
      this.outputs,
      this.pictureSlot,
    );
    this.editor = null;
    this.initialSource = source;
    this.errorLine = null;
    this.root.gradlabCell = this; // lets tests read the editor's text
    if (lazy) {
      // A long notebook gets its editors as cells come near the screen: 2,000 CodeMirror views
      // made (and measured) at once would hold the page for seconds.
      this.lazyView = el("pre", { class: "cm-lazy", tabindex: "0", role: "textbox", "aria-multiline": "true", "aria-label": `Code cell ${number}`, text: source });
      this.lazyView.addEventListener("focus", () => this.ensureEditor().focus());
      this.editorHost.append(this.lazyView);
      nearScreen().observe(this.root);
    } else {
      this.ensureEditor();
    }
    this.relabel();
  }

  /** The CodeMirror editor, made now if it was waiting for the cell to come into view. */
  ensureEditor() {
    if (this.editor) return this.editor;
    nearScreen().unobserve(this.root);
    this.lazyView?.remove();
    this.lazyView = null;
    this.editor = createEditor(this.editorHost, {
      doc: this.initialSource,
      label: `Code cell ${this.number}`,
      onRun: (moveOn) => this.hooks.run(this, moveOn),
      onChange: () => {
        this.editor.markErrorLine(null);
        this.hooks.change(this);
      },
      onFocus: () => this.hooks.focus(this),
    });
    if (this.errorLine) this.editor.markErrorLine(this.errorLine);
    return this.editor;
  }

  markErrorLine(line) {
    this.errorLine = line;
    this.editor?.markErrorLine(line);
  }

  get source() {
    return this.editor ? this.editor.text : this.initialSource;
  }

  /** Re-applies UI strings after a language switch. */
  relabel() {
    this.runBtn.textContent = `▶ ${t("run")}`;
    this.runBtn.title = t("runTitle");
    this.runBtn.setAttribute("aria-label", `${t("run")}: cell ${this.number}`);
    this.stopBtn.textContent = `■ ${t("stop")}`;
    this.match.textContent = "= PyTorch";
    this.match.title = t("matchTitle");
    this.staleBtn.textContent = t("runAllBelow");
    this.pictureLink.textContent = t("toPicture");
    if (this.stale) this.staleText.textContent = t(this.stale === "restart" ? "staleRestart" : "stale");
  }

  setState(state) {
    this.state = state;
    this.root.dataset.state = state;
    if (state === "queued" || state === "running") this.prompt.textContent = "In [*]:";
    // Stop disappears when the run ends: keep the keyboard focus in this cell (its Run button)
    if (state !== "running" && document.activeElement === this.stopBtn) this.runBtn.focus();
    this.stopBtn.hidden = state !== "running";
  }

  setStale(reason) {
    this.stale = reason;
    this.root.classList.toggle("is-stale", !!reason);
    this.staleBanner.hidden = !reason;
    if (reason) this.staleText.textContent = t(reason === "restart" ? "staleRestart" : "stale");
  }

  /**
   * What the running cell printed so far, streamed by the engine (a training loop's progress):
   * replaces the previous run's outputs until the result comes. Keeps the last kLiveChars.
   */
  showProgress(text) {
    if (!this.live) {
      this.live = el("pre", { class: "stdout live" });
      this.outputs.replaceChildren(row("", this.live));
    }
    const all = this.live.textContent + text;
    this.live.textContent = all.length > kLiveChars ? `…${all.slice(-kLiveChars)}` : all;
  }

  /** Shows a finished run. `hint` = {en, si, action?, showMe?} or null (showMe: the fix's "Show me"). */
  show(run, hint) {
    this.live = null;
    this.lastRun = run;
    this.setState(run.error ? "error" : "done");
    this.setStale(null);
    this.prompt.textContent = `In [${run.count}]:`;
    this.outputs.replaceChildren();
    if (run.output) this.outputs.append(row("", el("pre", { class: "stdout", text: run.output })));
    if (run.warnings) this.outputs.append(row("", el("pre", { class: "stderr", text: run.warnings })));
    if (run.result != null) this.outputs.append(row(`Out[${run.count}]:`, el("pre", { class: "result", text: run.result })));
    if (run.error) {
      this.outputs.append(row("", errorBlock(run.error, run.source, run.count)));
      if (run.error.line > 0) this.markErrorLine(run.error.line);
    } else {
      this.markErrorLine(null);
    }
    if (hint) this.outputs.append(row("", hintBlock(hint)));
    this.updateMatch();
    this.focusableScrolls();
  }

  /** An output too wide or tall for its box scrolls: make it reachable by the keyboard. */
  focusableScrolls() {
    if (this.root.closest(".is-long")) {
      // measuring cells off screen would undo content-visibility (styles.css): no reads here
      for (const pre of this.outputs.querySelectorAll("pre")) pre.tabIndex = 0;
      return;
    }
    // watched, since a narrower window can make an output scroll later
    for (const pre of this.outputs.querySelectorAll("pre")) {
      pre.dataset.label = t("outputsOf", this.number);
      scrollWatch().observe(pre);
    }
  }

  /** Shows that the run was stopped (time limit or Stop). */
  showStopped(message) {
    this.lastRun = null;
    this.setState("stopped");
    this.prompt.textContent = "In [ ]:";
    // what it printed before the stop stays (a training loop's last losses)
    const printed = this.live ? row("", this.live) : null;
    this.live = null;
    this.outputs.replaceChildren(
      ...(printed ? [printed] : []),
      row(
        "",
        el(
          "div",
          { class: "stopped", role: "alert" },
          el("b", { text: `${t("stopped")}. ` }),
          message.en ? bilingual(message) : message,
        ),
      ),
    );
    this.match.hidden = true;
  }

  showFailure(text) {
    this.live = null;
    this.setState("error");
    this.outputs.replaceChildren(row("", el("pre", { class: "error", text })));
  }

  updateMatch() {
    const exp = this.block.expected;
    const run = this.lastRun;
    this.matches = null;
    if (exp && run && run.source === this.block.source) {
      const sameError = exp.error ? run.error?.type === exp.error.type && run.error?.message === exp.error.message : !run.error;
      this.matches = sameError && (exp.result === undefined || exp.result === run.result) && (exp.output === undefined || exp.output === run.output);
    }
    this.match.hidden = this.matches !== true;
  }
}

let resizer = null;
/** Gives an output that scrolls (too wide or tall for its box) a tab stop and a name, and takes them away when it no longer does. */
function scrollWatch() {
  resizer ??= new ResizeObserver((entries) => {
    for (const { target: pre } of entries) {
      if (!pre.isConnected) {
        resizer.unobserve(pre);
        continue;
      }
      const scrolls = pre.scrollWidth > pre.clientWidth + 1 || pre.scrollHeight > pre.clientHeight + 1;
      if (scrolls) {
        pre.tabIndex = 0;
        pre.setAttribute("role", "region");
        pre.setAttribute("aria-label", pre.dataset.label);
      } else if (pre.hasAttribute("tabindex")) {
        pre.removeAttribute("tabindex");
        pre.removeAttribute("role");
        pre.removeAttribute("aria-label");
      }
    }
  });
  return resizer;
}

let observer = null;
/** One IntersectionObserver for every lazy cell: makes its editor when it nears the screen. */
function nearScreen() {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) e.target.gradlabCell?.ensureEditor();
    },
    { rootMargin: "600px 0px" },
  );
  return observer;
}

function row(prompt, content) {
  return el("div", { class: "out-row" }, el("div", { class: "prompt out", "aria-hidden": prompt ? null : "true", text: prompt }), content);
}

export function bilingual({ en, si }) {
  return el("span", { class: "bi" }, el("span", { class: "lang-en", lang: "en", text: en }), el("span", { class: "lang-si", lang: "si", text: si }));
}

function hintBlock(hint) {
  const box = el("div", { class: "hint", role: "note" }, el("b", { class: "hint-label", text: `${t("hint")}: ` }), bilingual(hint));
  if (hint.action) box.append(" ", el("button", { type: "button", class: "link-btn", text: hint.action.label, onclick: hint.action.run }));
  if (hint.showMe) box.append(" ", el("button", { type: "button", class: "link-btn show-me", onclick: hint.showMe }, bilingual(ERROR_HELP_UI.showMe)));
  return box;
}

/** Jupyter's error look: header, the cell's lines around the error with an arrow, the last line. */
function errorBlock(error, source, count) {
  const pre = el("pre", { class: "error", role: "alert" });
  const bar = "-".repeat(75);
  pre.append(el("span", { class: "tb-dim", text: bar + "\n" }));
  pre.append(el("span", { class: "tb-type", text: error.type.padEnd(42) }), el("span", { text: "Traceback (most recent call last)\n" }));
  const lines = source.split("\n");
  if (error.line > 0 && error.line <= lines.length) {
    pre.append(el("span", { class: "tb-where", text: `Cell In[${count}], line ${error.line}\n` }));
    const from = Math.max(1, error.line - 2), to = Math.min(lines.length, error.line + 2);
    for (let i = from; i <= to; i++) {
      const mark = i === error.line ? "----> " : "      ";
      const text = `${mark}${String(i).padStart(1)} ${lines[i - 1]}\n`;
      pre.append(el("span", { class: i === error.line ? "tb-line tb-hit" : "tb-line", text }));
      if (i === error.line && error.type === "SyntaxError" && error.column > 0) {
        pre.append(el("span", { class: "tb-hit", text: " ".repeat(mark.length + String(i).length + 1 + error.column) + "^\n" }));
      }
    }
    pre.append("\n");
  }
  // Frames inside functions the cell called, from the engine's own traceback.
  const tb = (error.traceback || "").split("\n").filter((l) => l.trim());
  const frames = tb.filter((l) => /^\s*File /.test(l));
  if (frames.length > 1) {
    const inner = tb.filter((l, i) => !/^Traceback/.test(l) && !(i === tb.length - 1 && l.startsWith(error.type)));
    pre.append(el("span", { class: "tb-frames", text: inner.join("\n") + "\n\n" }));
  }
  pre.append(el("span", { class: "tb-last", text: `${error.type}: ${error.message}` }));
  return pre;
}
