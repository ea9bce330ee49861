// "Show me" under an explained error: a copy of the cell with the fix applied goes in below it,
// ready to run. The learner's own cell (its text, outputs and saved edits) is never touched; the
// copy is a cell of this page only (not saved, not exported, not in share links: lessonCells()),
// named after the cell it copies.
import { app } from "./app.js";
import { Cell } from "./cell.js";
import { ERROR_HELP_UI } from "./error-help.js";

let copies = 0;

/** The document's own cells, in order, without the fixed copies: what share links and saved edits count by position. */
export function lessonCells() {
  return app.cells.filter((c) => !c.block.copyOf);
}

/** Inserts the fixed copy of `cell` below it and puts the keyboard focus in its editor. */
export function insertFixedCopy(cell, source) {
  const at = app.cells.indexOf(cell);
  if (at < 0) return null; // the document was replaced meanwhile
  const block = { kind: "code", id: `${cell.id}-fix${++copies}`, source, copyOf: cell.id };
  const copy = new Cell(block, source, at + 1, cell.hooks, { number: `${cell.number}, fixed copy`, note: ERROR_HELP_UI.copyNote(cell.number) });
  cell.root.after(copy.root);
  app.cells.splice(at + 1, 0, copy);
  app.cells.forEach((c, i) => (c.index = i)); // runs, "run all below" and Shift+Enter go by index
  copy.ensureEditor().focus();
  copy.root.scrollIntoView({ block: "nearest" });
  return copy;
}
