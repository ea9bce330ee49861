// Lesson 6's picture, in the manner of TensorFlow Playground: the lesson's two moons (the data
// cell, as edited) and its MLP class (the class cell) trained by the engine with the width,
// activation and learning rate picked here. The engine prints, every 10 steps, the loss and the
// network's probability of class 1 over a 24×16 grid; the picture plays those frames (Play, Pause,
// Step): the decision boundary forming beside the loss curve. Every number comes from the engine.
import { pictureRunner, showFailed, cellSource, Player } from "./picture-kit.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";
import { pyFloat } from "../plot.js";
import { trustedHTML } from "../safe.js";

const GX = 24, GY = 16, X0 = -1.5, X1 = 2.5, Y0 = -1.0, Y1 = 1.5;
export const STEPS = 200, EVERY = 10;
const WIDTHS = [2, 4, 8, 16];
const ACTIVATIONS = ["Tanh", "ReLU", "Sigmoid"];
const RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3];

export function classifyScript(dataSource, classSource, { width, activation, lr }) {
  return [
    "import math",
    "import torch",
    "import torch.nn as nn",
    dataSource,
    classSource,
    `print("@@X", X.flatten().tolist())`,
    `print("@@y", y.tolist())`,
    "torch.manual_seed(1)",
    `model = MLP(${width}, nn.${activation}())`,
    `opt = torch.optim.Adam(model.parameters(), lr=${pyFloat(lr)})`,
    "loss_fn = nn.BCEWithLogitsLoss()",
    `gx = torch.linspace(${X0}, ${X1}, ${GX}).reshape(1, -1).expand(${GY}, ${GX}).flatten()`,
    `gy = torch.linspace(${Y1}, ${Y0}, ${GY}).reshape(-1, 1).expand(${GY}, ${GX}).flatten()`,
    "grid = torch.stack([gx, gy], dim=1)",
    `for step in range(${STEPS + 1}):`,
    "    opt.zero_grad()",
    "    loss = loss_fn(model(X), y)",
    `    if step % ${EVERY} == 0:`,
    "        with torch.no_grad():",
    "            p = torch.sigmoid(model(grid))",
    `        print("@@f", step, loss.item(), p.tolist())`,
    `    if step < ${STEPS}:`,
    "        loss.backward()",
    "        opt.step()",
    "",
  ].join("\n");
}

const pyList = (s) => s.replace(/[[\]\s]/g, "").split(",").filter(Boolean).map(Number);

export function parseClassify(output) {
  let X = null, y = null;
  const frames = [];
  for (const line of output.split("\n")) {
    if (line.startsWith("@@X ")) X = pyList(line.slice(4));
    else if (line.startsWith("@@y ")) y = pyList(line.slice(4));
    else if (line.startsWith("@@f ")) {
      const m = /^@@f (\d+) (\S+) (\[.*\])$/.exec(line);
      if (m) frames.push({ step: Number(m[1]), lossText: m[2], loss: Number(m[2]), p: pyList(m[3]) });
    }
  }
  const ok = X && y && X.length === 2 * y.length && frames.length === STEPS / EVERY + 1 && frames.every((f) => f.p.length === GX * GY);
  return ok ? { points: y.map((c, i) => ({ x: X[2 * i], y: X[2 * i + 1], c })), frames } : null;
}

// class 0 → orange, class 1 → blue; the background mixes them by the probability of class 1
const C0 = [232, 163, 61], C1 = [47, 111, 159];
const mix = (p) => `rgb(${C0.map((c, i) => Math.round(c + (C1[i] - c) * p)).join(",")})`;

export function boundarySvg({ points, frames }, f) {
  const W = 300, H = (W * (Y1 - Y0)) / (X1 - X0);
  const cw = W / GX, ch = H / GY;
  const sx = (v) => ((v - X0) / (X1 - X0)) * W, sy = (v) => ((Y1 - v) / (Y1 - Y0)) * H;
  const out = [];
  frames[f].p.forEach((p, i) => out.push(`<rect x="${((i % GX) * cw).toFixed(1)}" y="${(Math.floor(i / GX) * ch).toFixed(1)}" width="${(cw + 0.5).toFixed(1)}" height="${(ch + 0.5).toFixed(1)}" fill="${mix(p)}" fill-opacity="0.45"/>`));
  for (const pt of points) out.push(`<circle class="cls-point c${pt.c}" cx="${sx(pt.x).toFixed(1)}" cy="${sy(pt.y).toFixed(1)}" r="2.6" fill="${mix(pt.c)}"/>`);
  return `<svg class="fit" viewBox="0 0 ${W} ${H.toFixed(0)}" role="img" aria-label="decision boundary after step ${frames[f].step}">${out.join("")}</svg>`;
}

export function curveSvg({ frames }, f) {
  const W = 300, H = 150, P = { l: 34, r: 8, t: 8, b: 20 };
  const max = Math.max(...frames.map((fr) => fr.loss).filter(Number.isFinite), 1e-9);
  const sx = (i) => P.l + (i / (frames.length - 1)) * (W - P.l - P.r), sy = (v) => P.t + (1 - v / max) * (H - P.t - P.b);
  const pts = frames.slice(0, f + 1).map((fr, i) => `${sx(i).toFixed(1)},${sy(fr.loss).toFixed(1)}`);
  return `<svg class="fit" viewBox="0 0 ${W} ${H}" role="img" aria-label="loss ${frames[f].lossText} at step ${frames[f].step}"><rect class="fit-frame" x="${P.l}" y="${P.t}" width="${W - P.l - P.r}" height="${H - P.t - P.b}"/><text class="tick" x="${P.l - 4}" y="${P.t + 8}" text-anchor="end">${Number(max.toPrecision(2))}</text><text class="tick" x="${P.l - 4}" y="${H - P.b}" text-anchor="end">0</text><text class="tick" x="${W - P.r}" y="${H - 5}" text-anchor="end">step ${STEPS}</text><polyline class="loss-curve" points="${pts.join(" ")}"/><circle class="loss-point" cx="${sx(f)}" cy="${sy(frames[f].loss)}" r="3.5"/></svg>`;
}

export function mountPicture(host, block) {
  const opts = { width: 8, activation: "Tanh", lr: 0.03 };
  let training = null, f = Infinity, lastKey = null; // opens on the last frame: the trained boundary
  const select = (id, values, value, fmt = String) => el("select", { id: `${block.id}-${id}` }, ...values.map((v) => el("option", { value: String(v), selected: v === value, text: fmt(v) })));
  const widthSel = select("width", WIDTHS, opts.width);
  const actSel = select("act", ACTIVATIONS, opts.activation, (a) => `nn.${a}()`);
  const lrSel = select("lr", RATES, opts.lr);
  const play = el("button", { type: "button", class: "cls-play" });
  const stepBtn = el("button", { type: "button", class: "cls-step" });
  const reset = el("button", { type: "button", class: "cls-reset" });
  const plots = el("div", { class: "fit-plots" });
  const numbers = el("p", { class: "plot-numbers" });
  const caption = el("figcaption", { class: "caption" });
  const lab = (sel, text) => el("label", { for: sel.id }, el("code", { text }), " ", sel);
  host.append(
    el("div", { class: "cls-controls" }, play, stepBtn, reset, lab(widthSel, "width"), lab(actSel, "activation"), lab(lrSel, "lr")),
    plots,
    numbers,
    caption,
  );
  const last = () => (training ? training.frames.length - 1 : 0);
  /** One frame on; false at the last one. */
  const next = () => {
    if (!training || f >= last()) return false;
    f++;
    draw();
    return f < last();
  };
  const player = new Player(play, 150, next);
  const relabel = () => {
    player.relabel();
    stepBtn.textContent = t("stepOnce");
    reset.textContent = t("restart");
    caption.textContent = t("classifyCaption");
  };
  function draw() {
    if (!training) return;
    plots.innerHTML = trustedHTML(boundarySvg(training, f) + curveSvg(training, f));
    numbers.replaceChildren(el("span", { class: "cls-step-n", text: `step = ${training.frames[f].step}` }), el("span", { class: "cls-loss", text: `loss = ${training.frames[f].lossText}` }));
  }
  play.onclick = () => {
    if (player.playing) return player.pause();
    if (f >= last()) f = 0;
    draw();
    player.play();
  };
  stepBtn.onclick = () => (player.pause(), next());
  reset.onclick = () => (player.pause(), (f = 0), draw());
  const run = pictureRunner(host);
  async function update() {
    relabel();
    const data = cellSource(block.dataCell), cls = cellSource(block.classCell);
    // training takes a moment: train again only when the code or a choice changed
    const key = JSON.stringify([data, cls, opts]);
    if (training && key === lastKey) return;
    lastKey = key;
    const v = await run(data && cls && classifyScript(data, cls, opts), parseClassify);
    if (v === undefined) return;
    training = v;
    if (!training) return player.pause(), showFailed(plots, numbers);
    f = Math.min(f, last());
    draw();
  }
  // a new width, activation or learning rate trains again from step 0 and plays it
  const retrain = async () => {
    player.pause();
    opts.width = Number(widthSel.value);
    opts.activation = actSel.value;
    opts.lr = Number(lrSel.value);
    f = 0;
    await update();
    if (training) player.play();
  };
  widthSel.onchange = actSel.onchange = lrSel.onchange = retrain;
  return { update, relabel };
}
