// Lesson 4's picture: broadcasting and reduction drawn as grids. It reads the lesson's cell that
// makes `a` and `b` (as edited), lets the engine compute c = a + b and a reduction of c, and draws
// a and b, their stretched copies (faded: broadcasting copies nothing), c, and the reduced
// result. Buttons pick the reduction: sum over dim 0, dim 1, or everything.
import { pictureRunner, showFailed, cellSource } from "./picture-kit.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";
import { trustedHTML } from "../safe.js";

const REDUCTIONS = [
  { id: "dim0", code: "c.sum(dim=0)", label: "sum(dim=0)" },
  { id: "dim1", code: "c.sum(dim=1)", label: "sum(dim=1)" },
  { id: "all", code: "c.sum()", label: "sum()" },
];

export function shapesScript(abSource, reduction) {
  return ["import torch", abSource, "c = a + b", `r = ${reduction.code}`,
    `print("@@a", a.tolist())`, `print("@@b", b.tolist())`, `print("@@c", c.tolist())`, `print("@@r", r.tolist())`, ""].join("\n");
}

export function parseShapes(output) {
  const v = {};
  for (const line of output.split("\n")) {
    const m = /^@@([abcr]) (.*)$/.exec(line);
    if (m) v[m[1]] = JSON.parse(m[2]);
  }
  const is2d = (x) => Array.isArray(x) && x.length && x.every((row) => Array.isArray(row) && row.length);
  return is2d(v.a) && is2d(v.b) && is2d(v.c) && v.r !== undefined ? v : null;
}

const CELL = 30, GAP = 28;
const fmt = (x) => String(Number(Number(x).toFixed(3)));

/** One grid of numbers at (x, y); `ghost` cells (broadcast copies) are faded. */
function grid(out, x, y, rows, { ghostFrom = null, label = "", cls = "" } = {}) {
  const nr = rows.length, nc = rows[0].length;
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const ghost = ghostFrom && (i >= ghostFrom.rows || j >= ghostFrom.cols);
      out.push(`<rect class="shape-cell${ghost ? " ghost" : ""} ${cls}" x="${x + j * CELL}" y="${y + i * CELL}" width="${CELL}" height="${CELL}"/>`);
      out.push(`<text class="shape-num${ghost ? " ghost" : ""}" x="${x + j * CELL + CELL / 2}" y="${y + i * CELL + CELL / 2 + 4}" text-anchor="middle">${fmt(v)}</text>`);
    }),
  );
  out.push(`<text class="shape-label" x="${x + (nc * CELL) / 2}" y="${y - 8}" text-anchor="middle">${label}</text>`);
  return { w: nc * CELL, h: nr * CELL };
}

/** a, b → (stretched) → c → reduction, left to right. */
export function shapesSvg({ a, b, c, r }, reduction) {
  const out = [];
  const R = c.length, C = c[0].length;
  const stretch = (m) => c.map((_, i) => c[0].map((_, j) => m[m.length === 1 ? 0 : i][m[0].length === 1 ? 0 : j]));
  const top = 34;
  let x = 10;
  const shape = (m) => `(${m.length}, ${m[0].length})`;
  grid(out, x, top, stretch(a), { ghostFrom: { rows: a.length, cols: a[0].length }, label: `a ${shape(a)}` });
  x += C * CELL + 12;
  out.push(`<text class="shape-op" x="${x}" y="${top + (R * CELL) / 2 + 6}">+</text>`);
  x += 20;
  grid(out, x, top, stretch(b), { ghostFrom: { rows: b.length, cols: b[0].length }, label: `b ${shape(b)}` });
  x += C * CELL + 10;
  out.push(`<text class="shape-op" x="${x}" y="${top + (R * CELL) / 2 + 6}">=</text>`);
  x += 22;
  grid(out, x, top, c, { label: `c ${shape(c)}` });
  x += C * CELL + GAP;
  out.push(`<text class="shape-op small" x="${x - GAP + 4}" y="${top + (R * CELL) / 2 - 4}">→</text>`);
  const rows = reduction.id === "dim0" ? [r] : reduction.id === "dim1" ? r.map((v) => [v]) : [[r]];
  const rshape = reduction.id === "all" ? "()" : `(${r.length},)`;
  grid(out, x + 6, top + (reduction.id === "dim1" ? 0 : ((R - 1) * CELL) / 2), rows, { label: `${reduction.label} ${rshape}`, cls: "reduced" });
  const width = x + 6 + rows[0].length * CELL + 10;
  const height = top + R * CELL + 12;
  return `<svg class="shapes" viewBox="0 0 ${width} ${height}" role="img" aria-label="a ${shape(a)} + b ${shape(b)} = c ${shape(c)}; ${reduction.label} gives shape ${rshape}">${out.join("")}</svg>`;
}

export function mountPicture(host, block) {
  let reduction = REDUCTIONS[0];
  const svgBox = el("div", { class: "shapes-box" });
  const label = el("span", { class: "shapes-pick-label" });
  const buttons = REDUCTIONS.map((red) =>
    el("button", { type: "button", class: "link-btn", "data-reduction": red.id, "aria-pressed": String(red === reduction), text: red.label, onclick: () => ((reduction = red), update()) }),
  );
  const caption = el("figcaption", { class: "caption" });
  host.append(svgBox, el("div", { class: "shapes-pick" }, label, " ", ...buttons), caption);
  const relabel = () => {
    label.textContent = `${t("shapesReduce")}:`;
    caption.textContent = t("shapesCaption");
  };
  const run = pictureRunner(host);
  async function update() {
    relabel();
    for (const btn of buttons) btn.setAttribute("aria-pressed", String(btn.dataset.reduction === reduction.id));
    const ab = cellSource(block.cell);
    const v = await run(ab && shapesScript(ab, reduction), parseShapes);
    if (v === undefined) return;
    if (!v) showFailed(svgBox);
    else svgBox.innerHTML = trustedHTML(shapesSvg(v, reduction));
  }
  return { update, relabel };
}
