// Lesson 5's picture: gradient descent on the lesson's own data (the cell that makes x and y, as
// edited). The engine runs the training loop at the learning rate of the slider and prints w, b
// and the loss of every step; the picture replays them: the data with the fitted line of step k
// beside the loss curve so far (log scale, so a diverging run stays on the chart). Play runs the
// steps one after another; the step slider moves through them by hand.
import { pictureRunner, showFailed, cellSource, Player } from "./picture-kit.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";
import { pyFloat } from "../plot.js";
import { trustedHTML } from "../safe.js";

export const STEPS = 40;

export function fitScript(dataSource, lr) {
  return [
    "import torch",
    dataSource,
    `print("@@x", x.flatten().tolist())`,
    `print("@@y", y.flatten().tolist())`,
    "w = torch.zeros(1, requires_grad=True)",
    "b = torch.zeros(1, requires_grad=True)",
    `lr = ${pyFloat(lr)}`,
    `for step in range(${STEPS}):`,
    "    loss = ((x * w + b - y) ** 2).mean()",
    `    print("@@s", w.item(), b.item(), loss.item())`,
    "    loss.backward()",
    "    with torch.no_grad():",
    "        w -= lr * w.grad",
    "        b -= lr * b.grad",
    "    w.grad.zero_()",
    "    b.grad.zero_()",
    "",
  ].join("\n");
}

// Python prints inf / nan where JavaScript says Infinity / NaN
const pyNum = (s) => (s === "inf" ? Infinity : s === "-inf" ? -Infinity : s === "nan" ? NaN : Number(s));
const pyList = (s) => s.replace(/[[\]\s]/g, "").split(",").filter(Boolean).map(pyNum);

export function parseFit(output) {
  let xs = null, ys = null;
  const steps = [];
  for (const line of output.split("\n")) {
    if (line.startsWith("@@x ")) xs = pyList(line.slice(4));
    else if (line.startsWith("@@y ")) ys = pyList(line.slice(4));
    else if (line.startsWith("@@s ")) {
      const [w, b, loss] = line.slice(4).split(" ").map(pyNum);
      steps.push({ w, b, loss, text: line.slice(4).split(" ") });
    }
  }
  return xs && ys && xs.length === ys.length && steps.length === STEPS ? { xs, ys, steps } : null;
}

const W = 300, H = 200, P = { l: 36, r: 8, t: 10, b: 24 };
const fmt = (v) => String(Number(v.toPrecision(3)));

function frame(out, xmin, xmax, ymin, ymax, xlabel, ylabelFmt = fmt) {
  const sx = (v) => P.l + ((v - xmin) / (xmax - xmin)) * (W - P.l - P.r);
  const sy = (v) => P.t + (1 - (v - ymin) / (ymax - ymin)) * (H - P.t - P.b);
  out.push(`<rect class="fit-frame" x="${P.l}" y="${P.t}" width="${W - P.l - P.r}" height="${H - P.t - P.b}"/>`);
  for (const v of [xmin, (xmin + xmax) / 2, xmax]) out.push(`<text class="tick" x="${sx(v)}" y="${H - 8}" text-anchor="middle">${fmt(v)}</text>`);
  for (const v of [ymin, (ymin + ymax) / 2, ymax]) out.push(`<text class="tick" x="${P.l - 4}" y="${sy(v) + 4}" text-anchor="end">${ylabelFmt(v)}</text>`);
  out.push(`<text class="axis-label" x="${W - P.r - 4}" y="${H - P.b - 5}" text-anchor="end">${xlabel}</text>`);
  return { sx, sy };
}

/** The data and the line y = w·x + b of step k. */
export function fitSvg({ xs, ys, steps }, k, clipId) {
  const out = [];
  const xmin = Math.min(...xs), xmax = Math.max(...xs);
  let ymin = Math.min(...ys), ymax = Math.max(...ys);
  const pad = (ymax - ymin) * 0.15 || 1;
  (ymin -= pad), (ymax += pad);
  const { sx, sy } = frame(out, xmin, xmax, ymin, ymax, "x");
  out.push(`<defs><clipPath id="${clipId}"><rect x="${P.l}" y="${P.t}" width="${W - P.l - P.r}" height="${H - P.t - P.b}"/></clipPath></defs>`);
  for (const [i, x] of xs.entries()) out.push(`<circle class="fit-point" cx="${sx(x)}" cy="${sy(ys[i])}" r="3"/>`);
  const { w, b } = steps[k];
  if (Number.isFinite(w) && Number.isFinite(b)) {
    const clamp = (v) => Math.max(ymin - 10 * (ymax - ymin), Math.min(ymax + 10 * (ymax - ymin), v));
    out.push(`<line class="fit-line" clip-path="url(#${clipId})" x1="${sx(xmin)}" y1="${sy(clamp(w * xmin + b))}" x2="${sx(xmax)}" y2="${sy(clamp(w * xmax + b))}"/>`);
  }
  return `<svg class="fit" viewBox="0 0 ${W} ${H}" role="img" aria-label="data and the line of step ${k}: w = ${fmt(w)}, b = ${fmt(b)}">${out.join("")}</svg>`;
}

/** The loss of steps 0..k on a log scale. */
export function lossSvg({ steps }, k) {
  const out = [];
  const logs = steps.map((s) => (s.loss > 0 && Number.isFinite(s.loss) ? Math.log10(s.loss) : NaN));
  const finite = logs.filter(Number.isFinite);
  let lo = Math.floor(Math.min(...finite)), hi = Math.ceil(Math.max(...finite));
  if (hi === lo) hi = lo + 1;
  const { sx, sy } = frame(out, 0, STEPS - 1, lo, hi, "step", (v) => `1e${Math.round(v)}`);
  const pts = logs.slice(0, k + 1).map((v, i) => (Number.isFinite(v) ? `${sx(i).toFixed(1)},${sy(v).toFixed(1)}` : null)).filter(Boolean);
  if (pts.length) out.push(`<polyline class="loss-curve" points="${pts.join(" ")}"/>`);
  if (Number.isFinite(logs[k])) out.push(`<circle class="loss-point" cx="${sx(k)}" cy="${sy(logs[k])}" r="3.5"/>`);
  return `<svg class="fit" viewBox="0 0 ${W} ${H}" role="img" aria-label="loss of steps 0 to ${k}, log scale: ${fmt(steps[k].loss)} at step ${k}">${out.join("")}</svg>`;
}

export function mountPicture(host, block) {
  let lr = block.lr ?? 0.1, k = STEPS - 1, fit = null, lastKey = null;
  const plots = el("div", { class: "fit-plots" });
  const numbers = el("p", { class: "plot-numbers" });
  const lrSlider = el("input", { type: "range", id: `${block.id}-lr`, min: 0.05, max: 1.2, step: 0.05, value: lr });
  const lrOut = el("output", { for: lrSlider.id });
  const stepSlider = el("input", { type: "range", id: `${block.id}-step`, min: 0, max: STEPS - 1, step: 1, value: k });
  const stepOut = el("output", { for: stepSlider.id });
  const play = el("button", { type: "button", class: "fit-play" });
  const caption = el("figcaption", { class: "caption" });
  host.append(
    plots,
    numbers,
    el("div", { class: "slider-row" }, el("label", { for: lrSlider.id }, el("code", { text: "lr" }), " ="), lrSlider, lrOut),
    el("div", { class: "slider-row" }, play, el("label", { for: stepSlider.id }, el("code", { text: "step" }), " ="), stepSlider, stepOut),
    caption,
  );
  const player = new Player(play, 80, () => {
    k = Math.min(STEPS - 1, k + 1);
    draw();
    return k < STEPS - 1;
  });
  const relabel = () => {
    caption.textContent = t("fitCaption");
    player.relabel();
  };
  function draw() {
    stepOut.textContent = String(k);
    stepSlider.value = k;
    if (!fit) return;
    plots.innerHTML = trustedHTML(fitSvg(fit, k, `${block.id}-clip`) + lossSvg(fit, k));
    const [w, b, loss] = fit.steps[k].text;
    numbers.replaceChildren(el("span", { text: `w = ${w}` }), el("span", { text: `b = ${b}` }), el("span", { class: "fit-loss", text: `loss = ${loss}` }));
  }
  const run = pictureRunner(host);
  async function update() {
    relabel();
    lrOut.textContent = pyFloat(lr);
    const data = cellSource(block.cell);
    const key = JSON.stringify([data, lr]);
    if (fit && key === lastKey) return draw();
    lastKey = key;
    const v = await run(data && fitScript(data, lr), parseFit);
    if (v === undefined) return;
    fit = v;
    if (!fit) return player.pause(), showFailed(plots, numbers);
    draw();
  }
  // a new learning rate shows where its run ends; Play then replays it from step 0
  lrSlider.oninput = () => {
    player.pause();
    lr = Number(lrSlider.value);
    k = STEPS - 1;
    update();
  };
  stepSlider.oninput = () => {
    player.pause();
    k = Number(stepSlider.value);
    draw();
  };
  play.onclick = () => {
    if (player.playing) return player.pause();
    if (k >= STEPS - 1) k = 0;
    draw();
    player.play();
  };
  return { update, relabel };
}
