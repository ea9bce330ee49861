// .ipynb export (nbformat 4.5; runs unchanged in Jupyter with PyTorch) and import.
// Imported markdown is untrusted: it is rendered with `marked` and sanitised with DOMPurify,
// both loaded only when a notebook is imported.
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
        metadata: {},
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

const joinSource = (s) => (Array.isArray(s) ? s.join("") : String(s ?? ""));

/** Parses .ipynb text into {title, blocks}; markdown becomes sanitised HTML. */
export async function fromIpynb(text, name = "notebook.ipynb") {
  let nb;
  try {
    nb = JSON.parse(text);
  } catch {
    throw new Error("not a JSON file");
  }
  if (!nb || !Array.isArray(nb.cells)) throw new Error("no cells (is this an .ipynb notebook?)");
  const [{ marked }, { default: DOMPurify }] = await Promise.all([import("marked"), import("dompurify")]);
  const blocks = [];
  let n = 0;
  for (const c of nb.cells) {
    const source = joinSource(c.source);
    if (c.cell_type === "code") {
      blocks.push({ kind: "code", id: `i${++n}`, source });
    } else if (c.cell_type === "markdown") {
      const html = DOMPurify.sanitize(marked.parse(source, { async: false }), {
        FORBID_TAGS: ["style", "form", "input", "button", "iframe"],
        FORBID_ATTR: ["style"],
      });
      blocks.push({ kind: "markdown", md: source, html });
    } else if (c.cell_type === "raw") {
      blocks.push({ kind: "markdown", md: "```\n" + source + "\n```", html: DOMPurify.sanitize(`<pre>${source.replace(/[<&]/g, (ch) => (ch === "<" ? "&lt;" : "&amp;"))}</pre>`) });
    }
  }
  return { id: "imported", name, blocks };
}
