// The tangent picture for y = f(x) with scalar x: the curve (sampled by running the cell's own
// code in the engine's scratch session — no JavaScript re-implementation of the ops), the point
// (x, y) and the tangent line whose slope is x.grad. Hand-drawn SVG, no plotting library.

/** A Python float literal for v (always with a decimal point, so the tensor is float32). */
export function pyFloat(v) {
  const s = String(Number(v.toFixed(6)));
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export function sliderRange(x0) {
  const r = Math.max(5, Math.ceil(Math.abs(x0) + 1));
  return { min: -r, max: r, step: 0.1 };
}

/** Matches the line that makes `x` as `x = torch.tensor(<number>`; group 1 is the number. */
export const X_DEF = (x) => new RegExp(`^[ \\t]*${x}[ \\t]*=[ \\t]*torch\\.tensor\\([ \\t]*(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)`, "m");

/** `source` with the number of its `x = torch.tensor(<number>` line replaced by `v`. */
export function withX(source, x, v) {
  const m = X_DEF(x).exec(source);
  if (!m) return source;
  const from = m.index + m[0].length - m[1].length;
  return source.slice(0, from) + pyFloat(v) + source.slice(from + m[1].length);
}

/**
 * The script that samples the curve. `fnSource` is the cell that makes y from x. Each sample is a
 * fresh leaf x; the last block also runs backward() for the slope at x0. It runs in the plot's
 * own engine worker, under its own time limit.
 */
export function curveScript({ x, y, fnSource, xs, x0 }) {
  const parts = ["import torch"];
  for (const v of xs) {
    // when the cell makes x itself, its own x line gets the sample too (else y would be flat)
    parts.push(`${x} = torch.tensor(${pyFloat(v)}, requires_grad=True)`, withX(fnSource, x, v), `print("@@", ${y}.item())`);
  }
  parts.push(`${x} = torch.tensor(${pyFloat(x0)}, requires_grad=True)`, withX(fnSource, x, x0));
  if (!/\.backward\s*\(/.test(fnSource)) parts.push(`${y}.backward()`);
  parts.push(`print("@@g", ${y}.item(), ${x}.grad.item())`);
  return parts.join("\n") + "\n";
}

export function parseCurve(output, xs) {
  const ys = [];
  let point = null;
  for (const line of output.split("\n")) {
    if (line.startsWith("@@g ")) {
      const [yv, g] = line.slice(4).split(" ").map(Number);
      point = { y: yv, grad: g };
    } else if (line.startsWith("@@ ")) ys.push(Number(line.slice(3)));
  }
  if (ys.length !== xs.length) return null;
  return { samples: xs.map((xv, i) => ({ x: xv, y: ys[i] })), point };
}

function niceTicks(lo, hi, count = 5) {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const num = (v) => String(Number(v.toFixed(4)));

/**
 * Draws the plot into an <svg> string. {samples, x0, y0, slope, xName, yName}; `secant` = {x, y}
 * adds the secant line through (x0, y0) and that second point (lesson 1's picture). `clipId`
 * keeps ids unique when two plots share the page.
 */
export function plotSvg({ samples, x0, y0, slope, secant = null, xName = "x", yName = "y", width = 400, height = 220, clipId = "plot-clip" }) {
  const pad = { l: 44, r: 12, t: 12, b: 30 };
  const finite = samples.filter((s) => Number.isFinite(s.y));
  const xmin = samples[0].x, xmax = samples[samples.length - 1].x;
  let ymin = Math.min(...finite.map((s) => s.y), y0), ymax = Math.max(...finite.map((s) => s.y), y0);
  if (secant) (ymin = Math.min(ymin, secant.y)), (ymax = Math.max(ymax, secant.y));
  if (ymax - ymin < 1e-9) (ymin -= 1), (ymax += 1);
  const margin = (ymax - ymin) * 0.08;
  ymin -= margin;
  ymax += margin;
  const W = width - pad.l - pad.r, H = height - pad.t - pad.b;
  const sx = (v) => pad.l + ((v - xmin) / (xmax - xmin)) * W;
  const sy = (v) => pad.t + (1 - (v - ymin) / (ymax - ymin)) * H;
  const clampY = (v) => Math.max(ymin - (ymax - ymin), Math.min(ymax + (ymax - ymin), v));
  const path = finite.map((s, i) => `${i ? "L" : "M"}${sx(s.x).toFixed(1)},${sy(s.y).toFixed(1)}`).join("");
  const xt = niceTicks(xmin, xmax, 6), yt = niceTicks(ymin, ymax, 5);
  const out = [];
  out.push(`<svg class="plot" viewBox="0 0 ${width} ${height}" role="img" aria-label="${yName} as a function of ${xName}, tangent at ${xName} = ${num(x0)} with slope ${num(slope)}">`);
  out.push(`<defs><clipPath id="${clipId}"><rect x="${pad.l}" y="${pad.t}" width="${W}" height="${H}"/></clipPath></defs>`);
  for (const v of xt) out.push(`<line class="grid" x1="${sx(v)}" x2="${sx(v)}" y1="${pad.t}" y2="${pad.t + H}"/><text class="tick" x="${sx(v)}" y="${pad.t + H + 14}" text-anchor="middle">${num(v)}</text>`);
  for (const v of yt) out.push(`<line class="grid" x1="${pad.l}" x2="${pad.l + W}" y1="${sy(v)}" y2="${sy(v)}"/><text class="tick" x="${pad.l - 5}" y="${sy(v) + 4}" text-anchor="end">${num(v)}</text>`);
  if (ymin < 0 && ymax > 0) out.push(`<line class="axis" x1="${pad.l}" x2="${pad.l + W}" y1="${sy(0)}" y2="${sy(0)}"/>`);
  if (xmin < 0 && xmax > 0) out.push(`<line class="axis" x1="${sx(0)}" x2="${sx(0)}" y1="${pad.t}" y2="${pad.t + H}"/>`);
  out.push(`<g clip-path="url(#${clipId})">`);
  out.push(`<path class="curve" d="${path}"/>`);
  if (Number.isFinite(slope)) {
    const ya = clampY(y0 + slope * (xmin - x0)), yb = clampY(y0 + slope * (xmax - x0));
    const xa = x0 + (ya - y0) / (slope || 1e-300), xb = x0 + (yb - y0) / (slope || 1e-300);
    const x1 = slope ? Math.max(xmin, xa) : xmin, x2 = slope ? Math.min(xmax, xb) : xmax;
    out.push(`<line class="tangent" x1="${sx(x1)}" y1="${sy(y0 + slope * (x1 - x0))}" x2="${sx(x2)}" y2="${sy(y0 + slope * (x2 - x0))}"/>`);
  }
  if (secant && secant.x !== x0) {
    const m = (secant.y - y0) / (secant.x - x0);
    const ya = clampY(y0 + m * (xmin - x0)), yb = clampY(y0 + m * (xmax - x0));
    const x1 = m ? Math.max(xmin, x0 + (ya - y0) / m) : xmin, x2 = m ? Math.min(xmax, x0 + (yb - y0) / m) : xmax;
    out.push(`<line class="secant" x1="${sx(x1)}" y1="${sy(y0 + m * (x1 - x0))}" x2="${sx(x2)}" y2="${sy(y0 + m * (x2 - x0))}"/>`);
  }
  out.push(`</g>`);
  if (secant) out.push(`<circle class="point secant-point" cx="${sx(secant.x)}" cy="${sy(secant.y)}" r="4"/>`);
  out.push(`<circle class="point" cx="${sx(x0)}" cy="${sy(y0)}" r="4.5"/>`);
  out.push(`<text class="label" x="${pad.l + W - 4}" y="${pad.t + 14}" text-anchor="end">${yName} = f(${xName})</text>`);
  out.push(`<text class="axis-label" x="${pad.l + W}" y="${height - 4}" text-anchor="end">${xName}</text>`);
  out.push(`</svg>`);
  return out.join("");
}
