// Lesson 7's picture: SGD, SGD with momentum and Adam from torch.optim on the lesson's loss
// landscape (the cell that defines rosenbrock, as edited). The engine evaluates the function over
// a grid (drawn as a heatmap of log(1 + f), with the minimum marked) and runs each optimizer from
// the same start, printing every point it visits; Play draws the three paths step by step.
import { pictureRunner, showFailed, cellSource, Player } from "./picture-kit.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";
import { pyFloat } from "../plot.js";
import { trustedHTML } from "../safe.js";

const GX = 40, GY = 30, X0 = -2, X1 = 2, Y0 = -1, Y1 = 3;
export const STEPS = 500;
export const OPTIMIZERS = [
  { name: "SGD", make: (s) => `torch.optim.SGD(ps, lr=${pyFloat(0.001 * s)})` },
  { name: "momentum", make: (s) => `torch.optim.SGD(ps, lr=${pyFloat(0.001 * s)}, momentum=0.9)` },
  { name: "Adam", make: (s) => `torch.optim.Adam(ps, lr=${pyFloat(0.05 * s)})` },
];
const SCALES = [0.5, 1, 2];

export function landscapeScript(fnSource, scale) {
  const lines = [
    "import torch",
    fnSource,
    `gx = torch.linspace(${X0}, ${X1}, ${GX}).reshape(1, -1).expand(${GY}, ${GX}).flatten()`,
    `gy = torch.linspace(${Y1}, ${Y0}, ${GY}).reshape(-1, 1).expand(${GY}, ${GX}).flatten()`,
    `print("@@g", torch.log(1 + rosenbrock(torch.stack([gx, gy]))).tolist())`,
  ];
  for (const o of OPTIMIZERS) {
    lines.push(
      "p = torch.tensor([-1.5, 2.0], requires_grad=True)",
      "ps = [p]",
      `opt = ${o.make(scale)}`,
      `path = [p.tolist()]`,
      `for step in range(${STEPS}):`,
      "    opt.zero_grad()",
      "    rosenbrock(p).backward()",
      "    opt.step()",
      "    path.append(p.tolist())",
      `print("@@p ${o.name}", path)`,
    );
  }
  return lines.join("\n") + "\n";
}

const nums = (s) => s.replace(/[[\]\s]/g, "").split(",").filter(Boolean).map((v) => (v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : Number(v)));

export function parseLandscape(output) {
  let grid = null;
  const paths = {};
  for (const line of output.split("\n")) {
    if (line.startsWith("@@g ")) grid = nums(line.slice(4));
    else if (line.startsWith("@@p ")) {
      const [, name, rest] = /^@@p (\S+) (.*)$/.exec(line);
      const v = nums(rest);
      paths[name] = Array.from({ length: v.length / 2 }, (_, i) => [v[2 * i], v[2 * i + 1]]);
    }
  }
  const ok = grid?.length === GX * GY && OPTIMIZERS.every((o) => paths[o.name]?.length === STEPS + 1);
  return ok ? { grid, paths } : null;
}

export function landscapeSvg({ grid, paths }, k, clipId = "land-clip") {
  const W = 400, H = (W * (Y1 - Y0)) / (X1 - X0);
  const cw = W / GX, ch = H / GY;
  const sx = (v) => ((v - X0) / (X1 - X0)) * W, sy = (v) => ((Y1 - v) / (Y1 - Y0)) * H;
  const finite = grid.filter(Number.isFinite);
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const out = [];
  grid.forEach((v, i) => {
    const s = Number.isFinite(v) ? (v - lo) / (hi - lo || 1) : 1;
    out.push(`<rect x="${((i % GX) * cw).toFixed(1)}" y="${(Math.floor(i / GX) * ch).toFixed(1)}" width="${(cw + 0.5).toFixed(1)}" height="${(ch + 0.5).toFixed(1)}" fill="hsl(${(210 - 170 * s).toFixed(0)}, 55%, ${(88 - 38 * s).toFixed(0)}%)"/>`);
  });
  out.push(`<circle class="land-min" cx="${sx(1)}" cy="${sy(1)}" r="5"/>`);
  for (const [j, o] of OPTIMIZERS.entries()) {
    const pts = paths[o.name].slice(0, k + 1).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => `${sx(Math.max(X0 - 1, Math.min(X1 + 1, x))).toFixed(1)},${sy(Math.max(Y0 - 1, Math.min(Y1 + 1, y))).toFixed(1)}`);
    out.push(`<polyline class="land-path p${j}" points="${pts.join(" ")}"/>`);
    if (pts.length) {
      const [cx, cy] = pts.at(-1).split(",");
      out.push(`<circle class="land-head p${j}" cx="${cx}" cy="${cy}" r="4"/>`);
    }
  }
  return `<svg class="land" viewBox="0 0 ${W} ${H}" role="img" aria-label="loss landscape with the paths of ${OPTIMIZERS.map((o) => o.name).join(", ")} after ${k} steps"><defs><clipPath id="${clipId}"><rect width="${W}" height="${H}"/></clipPath></defs><g clip-path="url(#${clipId})">${out.join("")}</g></svg>`;
}

export function mountPicture(host, block) {
  let scale = 1, paths = null, k = STEPS, lastKey = null;
  const play = el("button", { type: "button", class: "land-play" });
  const scaleSel = el("select", { id: `${block.id}-scale` }, ...SCALES.map((s) => el("option", { value: String(s), selected: s === scale, text: `× ${s}` })));
  const stepSlider = el("input", { type: "range", id: `${block.id}-step`, min: 0, max: STEPS, step: 1, value: k });
  const stepOut = el("output", { for: stepSlider.id });
  const svgBox = el("div", { class: "land-box" });
  const legend = el("p", { class: "plot-numbers land-legend" });
  const caption = el("figcaption", { class: "caption" });
  const scaleLabel = el("span");
  host.append(
    el("div", { class: "cls-controls" }, play, el("label", { for: scaleSel.id }, scaleLabel, " ", scaleSel)),
    svgBox,
    legend,
    el("div", { class: "slider-row" }, el("label", { for: stepSlider.id }, el("code", { text: "step" }), " ="), stepSlider, stepOut),
    caption,
  );
  const player = new Player(play, 40, () => {
    k = Math.min(STEPS, k + 5);
    draw();
    return k < STEPS;
  });
  const relabel = () => {
    player.relabel();
    scaleLabel.textContent = t("lrScale");
    caption.textContent = t("landscapeCaption");
  };
  function draw() {
    stepSlider.value = k;
    stepOut.textContent = String(k);
    if (!paths) return;
    svgBox.innerHTML = trustedHTML(landscapeSvg(paths, k, `${block.id}-clip`));
    legend.replaceChildren(
      ...OPTIMIZERS.map((o, j) => {
        const [x, y] = paths.paths[o.name][k];
        return el("span", { class: `land-key p${j}`, "data-optimizer": o.name, text: `${o.name}: (${Number(x.toFixed(3))}, ${Number(y.toFixed(3))})` });
      }),
    );
  }
  play.onclick = () => {
    if (player.playing) return player.pause();
    if (k >= STEPS) k = 0;
    draw();
    player.play();
  };
  stepSlider.oninput = () => {
    player.pause();
    k = Number(stepSlider.value);
    draw();
  };
  const run = pictureRunner(host);
  async function update() {
    relabel();
    const fn = cellSource(block.cell);
    const key = JSON.stringify([fn, scale]);
    if (paths && key === lastKey) return draw();
    lastKey = key;
    const v = await run(fn && landscapeScript(fn, scale), parseLandscape);
    if (v === undefined) return;
    paths = v;
    if (!paths) return player.pause(), showFailed(svgBox, legend);
    draw();
  }
  scaleSel.onchange = async () => {
    player.pause();
    scale = Number(scaleSel.value);
    k = 0;
    await update();
    if (paths) player.play();
  };
  return { update, relabel };
}
