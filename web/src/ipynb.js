// .ipynb export (nbformat 4.5; runs unchanged in Jupyter with PyTorch) and import.
// Import checks the file (nbformat 4, IMPORT_LIMITS, every cell's type and source) and keeps
// only sources; markdown.js formats and sanitises imported markdown each time it is shown.
import { termsToText } from "./i18n.js";

const splitSource = (text) => {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)).filter((l, i, a) => !(i === a.length - 1 && l === ""));
};

let idCounter = 0;
const cellId = () => `gl-${(++idCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A notebook from the page's document: `doc.blocks` of {kind:"text", en, si} | {kind:"markdown", md}
 * and code cells {kind:"code", source, run} where run = {count, output, result, error} or null.
 */
export function toIpynb(doc) {
  const cells = [];
  for (const b of doc.blocks) {
    if (b.kind === "text") {
      const md = `${termsToText(b.en, "en").trim()}\n\n${termsToText(b.si, "si").trim()}\n`;
      cells.push({ cell_type: "markdown", id: cellId(), metadata: {}, source: splitSource(md) });
    } else if (b.kind === "markdown") {
      cells.push({ cell_type: "markdown", id: cellId(), metadata: {}, source: splitSource(b.md) });
    } else if (b.kind === "raw") {
      cells.push({ cell_type: "raw", id: cellId(), metadata: {}, source: splitSource(b.text) });
    } else if (b.kind === "code") {
      const outputs = [];
      const run = b.run;
      if (run) {
        if (run.output) outputs.push({ output_type: "stream", name: "stdout", text: splitSource(run.output) });
        if (run.result != null)
          outputs.push({ output_type: "execute_result", execution_count: run.count, metadata: {}, data: { "text/plain": splitSource(run.result) } });
        if (run.error)
          outputs.push({
            output_type: "error",
            ename: run.error.type,
            evalue: run.error.message,
            traceback: (run.error.traceback || `${run.error.type}: ${run.error.message}`).split("\n"),
          });
      }
      cells.push({
        cell_type: "code",
        id: cellId(),
        execution_count: run ? run.count : null,
        // a lesson cell meant to raise: Jupyter's "run all" goes on past it, as the page does
        metadata: b.expected?.error ? { tags: ["raises-exception"] } : {},
        outputs,
        source: splitSource(b.source),
      });
    }
  }
  return {
    cells,
    metadata: {
      kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
      language_info: { name: "python", pygments_lexer: "ipython3" },
      gradlab: { lesson: doc.id ?? null },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** What an import may hold: at most this many cells and bytes (a bigger file would freeze the page). */
export const IMPORT_LIMITS = { cells: 2000, bytes: 5 * 1024 * 1024 };

/** A notebook the page refuses; `key`/`args` name the message in i18n.js (both languages). */
export class ImportProblem extends Error {
  constructor(key, ...args) {
    super(`${key}${args.length ? ` ${args.join(" ")}` : ""}`);
    this.key = key;
    this.args = args;
  }
}

const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v === "object" ? "object" : typeof v);

/** A cell's source: a string or a list of strings, else an ImportProblem naming the cell. */
function sourceOf(c, i) {
  const s = c.source;
  if (s === undefined) return "";
  if (typeof s === "string") return s;
  if (Array.isArray(s)) {
    const bad = s.findIndex((l) => typeof l !== "string");
    if (bad >= 0) throw new ImportProblem("badSourceLine", i + 1, bad + 1, kindOf(s[bad]));
    return s.join("");
  }
  throw new ImportProblem("badSource", i + 1, kindOf(s));
}

/**
 * Parses .ipynb text into a document {id: "imported", name, blocks}: code cells {kind: "code",
 * id, source}, markdown {kind: "markdown", md}, raw {kind: "raw", text}. Only sources are kept
 * (the page formats and sanitises markdown when it shows it). Throws ImportProblem when the file
 * is not an nbformat 4 notebook within IMPORT_LIMITS, naming the first malformed piece.
 */
export function parseIpynb(text, name = "notebook.ipynb") {
  if (text.length > IMPORT_LIMITS.bytes) throw new ImportProblem("tooBig", (text.length / 1048576).toFixed(1), IMPORT_LIMITS.bytes / 1048576);
  let nb;
  try {
    nb = JSON.parse(text);
  } catch {
    throw new ImportProblem("notJson");
  }
  if (kindOf(nb) !== "object") throw new ImportProblem("notNotebook");
  if (nb.nbformat === undefined) throw new ImportProblem(Array.isArray(nb.worksheets) ? "oldVersion" : "notNotebook", 3);
  if (nb.nbformat !== 4) throw new ImportProblem("oldVersion", String(nb.nbformat).slice(0, 20));
  if (!Array.isArray(nb.cells)) throw new ImportProblem("noCells");
  if (nb.cells.length > IMPORT_LIMITS.cells) throw new ImportProblem("tooManyCells", nb.cells.length, IMPORT_LIMITS.cells);
  const blocks = [];
  let n = 0;
  for (const [i, c] of nb.cells.entries()) {
    if (kindOf(c) !== "object") throw new ImportProblem("badCell", i + 1, kindOf(c));
    const source = sourceOf(c, i);
    if (c.cell_type === "code") blocks.push({ kind: "code", id: `i${++n}`, source });
    else if (c.cell_type === "markdown") blocks.push({ kind: "markdown", md: source });
    else if (c.cell_type === "raw") blocks.push({ kind: "raw", text: source });
    else throw new ImportProblem("badCellType", i + 1, String(c.cell_type).slice(0, 40));
  }
  return { id: "imported", name: String(name).slice(0, 200), blocks };
}
