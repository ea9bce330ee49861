// Lesson 1's picture: the curve of the lesson's own f (the cell that defines it, as edited), the
// tangent at x whose gradient is x.grad from backward(), and the secant through x and x + h
// whose gradient is the finite difference. Sliders move x and h. Every number is printed by the
// engine (the plot's own worker), never computed here.
import { pictureRunner, showFailed, cellSource } from "./picture-kit.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";
import { plotSvg, pyFloat } from "../plot.js";
import { trustedHTML } from "../safe.js";

const HS = [2, 1, 0.5, 0.25, 0.1, 0.05, 0.01, 0.001];
const XMIN = -2.5, XMAX = 2.5, N = 51;

/** The script the engine runs: samples of f, f at x and x + h, their difference quotient, x.grad. */
export function secantScript(fSource, x0, h) {
  const xs = Array.from({ length: N }, (_, i) => XMIN + ((XMAX - XMIN) * i) / (N - 1));
  return [
    "import torch",
    fSource,
    `for v in [${xs.map(pyFloat).join(", ")}]:`,
    `    print("@@", float(f(v)))`,
    `x0 = ${pyFloat(x0)}`,
    `h = ${pyFloat(h)}`,
    `print("@@s", float(f(x0)), float(f(x0 + h)), (f(x0 + h) - f(x0)) / h)`,
    `x = torch.tensor(x0, requires_grad=True)`,
    `f(x).backward()`,
    `print("@@g", x.grad.item())`,
    "",
  ].join("\n");
}

export function parseSecant(output) {
  const samples = [];
  let s = null, grad = null;
  const xs = Array.from({ length: N }, (_, i) => XMIN + ((XMAX - XMIN) * i) / (N - 1));
  for (const line of output.split("\n")) {
    if (line.startsWith("@@s ")) s = line.slice(4).split(" ");
    else if (line.startsWith("@@g ")) grad = line.slice(4);
    else if (line.startsWith("@@ ")) samples.push({ x: xs[samples.length], y: Number(line.slice(3)) });
  }
  if (!s || grad == null || samples.length !== N) return null;
  return { samples, fx: Number(s[0]), fxh: Number(s[1]), quotient: s[2], grad };
}

export function mountPicture(host, block) {
  let x0 = block.x ?? 1, hi = 2;
  const svgBox = el("div", { class: "secant-plot" });
  const numbers = el("p", { class: "plot-numbers" });
  const xOut = el("output", { for: `${block.id}-x` });
  const hOut = el("output", { for: `${block.id}-h` });
  const xSlider = el("input", { type: "range", id: `${block.id}-x`, min: XMIN + 0.5, max: XMAX - 0.5, step: 0.1, value: x0 });
  const hSlider = el("input", { type: "range", id: `${block.id}-h`, min: 0, max: HS.length - 1, step: 1, value: hi });
  const caption = el("figcaption", { class: "caption" });
  host.append(
    svgBox,
    numbers,
    el("div", { class: "slider-row" }, el("label", { for: xSlider.id }, el("code", { text: "x" }), " ="), xSlider, xOut),
    el("div", { class: "slider-row" }, el("label", { for: hSlider.id }, el("code", { text: "h" }), " ="), hSlider, hOut),
    caption,
  );
  const run = pictureRunner(host);
  async function update() {
    const h = HS[hi];
    xOut.textContent = pyFloat(x0);
    hOut.textContent = pyFloat(h);
    caption.textContent = t("secantCaption");
    const f = cellSource(block.cell);
    const p = await run(f && secantScript(f, x0, h), parseSecant);
    if (p === undefined) return;
    if (!p) return showFailed(svgBox, numbers);
    svgBox.innerHTML = trustedHTML(plotSvg({ samples: p.samples, x0, y0: p.fx, slope: Number(p.grad), secant: { x: x0 + h, y: p.fxh }, xName: "x", yName: "y", clipId: `${block.id}-clip` }));
    numbers.replaceChildren(
      el("span", { text: `x = ${pyFloat(x0)}` }),
      el("span", { text: `h = ${pyFloat(h)}` }),
      el("span", { class: "secant-value", text: `${t("secantSlope")} = ${p.quotient}` }),
      el("span", { class: "tangent-value", text: `x.grad = ${p.grad}` }),
    );
  }
  xSlider.oninput = () => ((x0 = Number(xSlider.value)), update());
  hSlider.oninput = () => ((hi = Number(hSlider.value)), update());
  return { update, relabel: () => (caption.textContent = t("secantCaption")) };
}
