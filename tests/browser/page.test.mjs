// The page as a learner meets it, in real headless Chromium (Debian's /usr/bin/chromium through
// playwright-core), served from build/web with every outside request refused.
// Run: node --test tests/browser/   (after building the page: node tools/build-web.mjs)
// Screenshots go to build/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { open, missing, root } from "./harness.mjs";
import { SEED_LESSON, lessonHash } from "../../web/src/lessons/index.js";

const shots = path.join(root, "build", "screenshots");
const LIMIT_S = 3; // the page's time limit for a cell in this test (?timeLimit=)
const why = missing();
if (why) throw new Error(`browser test cannot run: ${why}`);

let h, page;
const errors = [];
const notFound = [];

const cell = (id) => page.locator(`[data-cell="${id}"]`);
const resultOf = (id) => cell(id).locator("pre.result");
const stdoutOf = (id) => cell(id).locator("pre.stdout");
const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`) });

async function waitReady() {
  await page.waitForFunction(() => document.documentElement.dataset.lessonReadyMs, null, { timeout: 30000 });
}

/** Replaces a cell's code by typing, like a learner. */
async function setCode(id, text) {
  const content = cell(id).locator(".cm-content");
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function editorText(id) {
  return cell(id).evaluate((e) => e.gradlabCell.source);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  h = await open({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  page.on("pageerror", (e) => errors.push(e.message));
  if (process.env.GRADLAB_DEBUG) page.on("console", (m) => console.error(`console.${m.type()}: ${m.text()}`));
  // 404s are checked through the responses below (the import test's <img src="x"> is one).
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && notFound.push(new URL(r.url()).pathname));
  await page.goto(`${h.url}?timeLimit=${LIMIT_S}${lessonHash(SEED_LESSON)}`);
  await waitReady();
});

after(async () => {
  await h?.close();
});

test(`the seed lesson (lesson ${SEED_LESSON.n}) opens by its route with live outputs identical to PyTorch`, async () => {
  await assert.doesNotReject(resultOf("c3").waitFor());
  assert.equal(await resultOf("c3").textContent(), "tensor(4., requires_grad=True)");
  assert.equal(await resultOf("c4").textContent(), "tensor(16., grad_fn=<PowBackward0>)");
  assert.equal(await stdoutOf("c6").textContent(), "tensor(8.)\n");
  assert.equal(await resultOf("c8").textContent(), "tensor([[2., 3., 1.],\n        [4., 5., 3.],\n        [7., 6., 4.]], requires_grad=True)");
  assert.equal(await resultOf("c9").textContent(), "16");
  assert.equal(await resultOf("c11").textContent(), "tensor([[ 12.,  36.,   2.],\n        [ 80., 150.,  36.],\n        [392., 252.,  80.]], grad_fn=<AddBackward0>)");
  assert.equal(await resultOf("c13").textContent(), "tensor(1040., grad_fn=<SumBackward0>)");
  assert.equal(await resultOf("c15").textContent(), "tensor([[ 16.,  33.,   5.],\n        [ 56.,  85.,  33.],\n        [161., 120.,  56.]])");
  assert.equal(await cell("c4").locator(".prompt.out").first().textContent(), "Out[4]:");
  assert.equal(await cell("c4").locator(".prompt.in").textContent(), "In [4]:");
  const badge = await page.locator("#badge").textContent();
  assert.match(badge, /engine/);
  assert.match(badge, /8 of 8 lesson outputs match PyTorch/);
  assert.ok(await page.locator("html").getAttribute("data-engine-version"));
});

test("the picture shows the backward graph and the tangent plot of y = x**2", async () => {
  await page.locator("#graph svg").waitFor();
  const labels = await page.locator("#graph svg text").allTextContents();
  for (const l of ["PowBackward0", "AccumulateGrad"]) assert.ok(labels.includes(l), `graph lacks ${l}: ${labels}`);
  await page.locator("#plot svg.plot").waitFor();
  assert.match(await page.locator("#plot-numbers").textContent(), /x = 4.*y = 16.*dy\/dx = 8/);
  // hovering PowBackward0 shows its rule with numbers
  await page.locator("#graph g.node", { hasText: "PowBackward0" }).hover();
  await page.locator("#graph-tip").waitFor();
  assert.match(await page.locator("#graph-tip").textContent(), /∂\/∂x = 2·x\^\(2−1\) = 2·4\^\(2−1\) = 8/);
  await shot("lesson-en-1280x800");
  await page.locator("#graph g.node", { hasText: "AccumulateGrad" }).hover();
  assert.match(await page.locator("#graph-tip").textContent(), /x\.grad/);
});

test("language switch: Sinhala keeps its zero width joiners, remembered, both side by side", async () => {
  await page.locator('label:has(input[value="si"])').click();
  assert.equal(await page.locator("body").getAttribute("data-lang"), "si");
  const si = page.locator(".text-block .lang-si").nth(3);
  assert.ok(await si.isVisible());
  assert.equal(await page.locator(".text-block .lang-en").first().isVisible(), false);
  const text = await page.locator("#notebook").innerText();
  assert.ok(text.includes("අනුක\u0DCA\u200Dරමණය"), "අනුක්‍රමණය with ZWJ is on the page");
  assert.ok(text.includes("ව\u0DCA\u200Dයුත්පන්නය"), "ව්‍යුත්පන්නය with ZWJ is on the page");
  assert.doesNotMatch(text, /[\u0D9A-\u0DC6]\u0DCA[\u0DBA\u0DBB]/, "no conjunct lost its ZWJ");
  // the shipped font is used and loaded
  assert.match(await si.evaluate((e) => getComputedStyle(e).fontFamily), /Noto Sans Sinhala/);
  await page.evaluate(() => document.fonts.ready);
  assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Sans Sinhala"', "අනුක්‍රමණය")));
  // glossary: a term shows the other language
  const term = page.locator(".lang-si .term").first();
  assert.match(await term.getAttribute("data-other"), /[a-z]/);
  assert.equal(await page.evaluate(() => localStorage.getItem("gradlab.v1.lang")), "si");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("lesson-si-1280x800");
  await page.locator('label:has(input[value="both"])').click();
  const [en0, si0] = await Promise.all([
    page.locator(".text-block .lang-en").nth(1).boundingBox(),
    page.locator(".text-block .lang-si").nth(1).boundingBox(),
  ]);
  assert.ok(si0.x > en0.x + 100 && Math.abs(si0.y - en0.y) < 5, "side by side at 1280 px");
  await shot("lesson-both-1280x800");
  await page.setViewportSize({ width: 390, height: 844 });
  const [en1, si1] = await Promise.all([
    page.locator(".text-block .lang-en").nth(1).boundingBox(),
    page.locator(".text-block .lang-si").nth(1).boundingBox(),
  ]);
  assert.ok(si1.y > en1.y + en1.height - 1, "stacked on a phone");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
  await shot("lesson-both-390x844");
  await cell("c4").scrollIntoViewIfNeeded();
  await cell("c4").locator(".cm-content").click();
  await page.locator('[data-cell="c4"] #picture').waitFor();
  await page.locator('[data-cell="c4"] #plot svg').waitFor();
  await cell("c4").evaluate((e) => e.scrollIntoView());
  await shot("cell-picture-390x844");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('label:has(input[value="en"])').click();
});

test("error display: backward twice, Jupyter style with the hint and the line marked", async () => {
  // z.backward() already ran while the lesson opened: a second call finds the graph freed.
  await cell("c14").locator(".run-btn").click();
  const err = cell("c14").locator("pre.error");
  await err.waitFor();
  assert.match(await err.locator(".tb-last").textContent(), /^RuntimeError: Trying to backward through the graph a second time/);
  assert.match(await err.textContent(), /----> 1 z\.backward\(\)/);
  assert.equal(await cell("c14").locator(".cm-errorLine").count(), 1);
  assert.match(await cell("c14").locator(".hint").textContent(), /retain_graph=True/);
  await cell("c14").scrollIntoViewIfNeeded();
  await shot("error-backward-twice");
});

test("edit y=x**2 → y=x**3: Out updates, later cells stale, x.grad becomes 48", async () => {
  await setCode("c4", "y=x**3\ny");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c4"] pre.result')?.textContent === "tensor(64., grad_fn=<PowBackward0>)");
  assert.ok(await cell("c5").evaluate((e) => e.classList.contains("is-stale")));
  assert.ok(await cell("c15").evaluate((e) => e.classList.contains("is-stale")));
  assert.ok(await cell("c6").locator(".stale-banner").isVisible());
  // Shift+Enter runs and moves on
  await cell("c4").locator(".cm-content").click();
  await page.keyboard.press("Shift+Enter");
  await page.waitForFunction(() => document.activeElement?.closest('[data-cell="c5"]'));
  // "Run all below" continues the same session: x.grad accumulates (8 from before + 48)
  await cell("c6").locator(".stale-banner button").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(56.)\n");
  assert.match(await cell("c5").locator(".hint").textContent(), /accumulate/);
  // a fresh session from the top gives the learner's expected 48
  await page.locator("#btn-run-all").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(48.)\n");
  assert.equal(await resultOf("c4").textContent(), "tensor(64., grad_fn=<PowBackward0>)");
  assert.equal(await cell("c4").locator(".match").isVisible(), false, "an edited cell no longer claims to match the seed");
  await cell("c4").locator(".cm-content").click();
  await page.waitForFunction(() => /x\.grad = 48|dy\/dx = 48/.test(document.querySelector("#plot-numbers")?.textContent ?? ""));
  await cell("c4").scrollIntoViewIfNeeded();
  await shot("edited-x-cubed");
});

test("the slider moves x: the cells re-run and value, gradient and tangent follow", async () => {
  await page.locator("#x-slider").waitFor();
  if (process.env.GRADLAB_DEBUG) console.error("slider state", await page.locator("#x-slider").evaluate((s) => [s.min, s.max, s.value, !!s.oninput]), await page.locator("#picture-cell").textContent());
  await page.locator("#x-slider").evaluate((s) => {
    s.value = "2";
    s.dispatchEvent(new Event("input", { bubbles: true }));
  });
  if (process.env.GRADLAB_DEBUG) {
    await page.waitForTimeout(3000);
    console.error("after", await page.locator("#x-slider").evaluate((s) => [s.min, s.max, s.value]), await resultOf("c3").textContent(), await editorText("c2"));
  }
  await page.waitForFunction(() => document.querySelector('[data-cell="c3"] pre.result')?.textContent === "tensor(2., requires_grad=True)");
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(12.)\n");
  assert.match(await editorText("c2"), /torch\.tensor\(2\.0,requires_grad=True\)/);
  await page.waitForFunction(() => /x = 2(?![\d.])/.test(document.querySelector("#plot-numbers")?.textContent ?? ""));
  await shot("slider-x-2");
});

test("an endless loop does not freeze the page; the time limit and Stop end it", async () => {
  const original = await editorText("c9");
  await setCode("c9", "n = 0\nwhile True:\n    n += 1");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"]')?.dataset.state === "running");
  // the page stays responsive while the engine loops
  const t0 = Date.now();
  await page.locator('label:has(input[value="both"])').click();
  await page.locator('label:has(input[value="en"])').click();
  assert.ok(Date.now() - t0 < 1500, "the page answered while the cell ran");
  // the time limit stops it
  await cell("c9").locator(".stopped").waitFor({ timeout: (LIMIT_S + 10) * 1000 });
  assert.match(await cell("c9").locator(".stopped").textContent(), new RegExp(`more than ${LIMIT_S} s`));
  // earlier cells were re-run in the fresh session, later ones marked stale
  await page.waitForFunction(() => document.querySelector('[data-cell="c8"] pre.result') && !document.body.classList.contains("is-running"));
  assert.ok(await cell("c11").evaluate((e) => e.classList.contains("is-stale")));
  // run it again and press Stop
  await cell("c9").locator(".run-btn").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"]')?.dataset.state === "running");
  await page.waitForTimeout(300);
  await cell("c9").locator(".stop-btn").click();
  await cell("c9").locator(".stopped").waitFor();
  assert.match(await cell("c9").locator(".stopped").textContent(), /You stopped the cell/);
  await cell("c9").scrollIntoViewIfNeeded();
  await shot("stopped-endless-loop");
  // the fresh session works: variables from the restored cells are there
  await cell("c10").locator(".stale-banner button").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c15"] pre.result') && !document.querySelector('[data-cell="c15"]').classList.contains("is-stale"));
  await setCode("c9", original);
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector('[data-cell="c9"] pre.result')?.textContent === "16");
});

test("edits survive a reload; Reset lesson asks, then restores the seed", async () => {
  await page.waitForTimeout(400); // autosave debounce
  await page.reload();
  await waitReady();
  assert.equal(await editorText("c4"), "y=x**3\ny");
  assert.equal(await resultOf("c4").textContent(), "tensor(8., grad_fn=<PowBackward0>)");
  assert.equal(await stdoutOf("c6").textContent(), "tensor(12.)\n");
  await page.locator("#btn-reset").click();
  await page.locator("dialog#confirm").waitFor();
  await shot("reset-dialog");
  await page.locator("#confirm-no").click();
  assert.equal(await editorText("c4"), "y=x**3\ny", "Cancel keeps the edits");
  await page.locator("#btn-reset").click();
  await page.locator("#confirm-yes").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(8.)\n");
  assert.equal(await editorText("c4"), "y=x**2\ny");
  assert.equal(await editorText("c2"), "#requires_grad to calculate gradient\nx = torch.tensor(4.0,requires_grad=True)");
  assert.match(await page.locator("#badge").textContent(), /8 of 8/);
});

test("export .ipynb runs unchanged with PyTorch", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#btn-export").click()]);
  const file = path.join(os.tmpdir(), `gradlab-export-${process.pid}.ipynb`);
  await download.saveAs(file);
  const nb = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(nb.nbformat, 4);
  const code = nb.cells.filter((c) => c.cell_type === "code");
  assert.equal(code.length, 15);
  const out4 = code[3].outputs.find((o) => o.output_type === "execute_result");
  assert.equal(out4.data["text/plain"].join(""), "tensor(16., grad_fn=<PowBackward0>)");
  // If PyTorch is here, run the notebook's cells as Jupyter would and compare every output.
  const py = "/usr/bin/python3";
  if (existsSync(py) && spawnSync(py, ["-c", "import torch"]).status === 0) {
    const runner = `
import ast, io, json, sys, contextlib
nb = json.load(open(sys.argv[1]))
ns = {}
for c in nb["cells"]:
    if c["cell_type"] != "code": continue
    src = "".join(c["source"]); tree = ast.parse(src); buf = io.StringIO(); last = None
    with contextlib.redirect_stdout(buf):
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            exec(compile(ast.Module(tree.body[:-1], []), "<cell>", "exec"), ns)
            last = eval(compile(ast.Expression(tree.body[-1].value), "<cell>", "eval"), ns)
        else:
            exec(compile(tree, "<cell>", "exec"), ns)
    want = {"out": "", "res": None}
    for o in c["outputs"]:
        if o["output_type"] == "stream": want["out"] += "".join(o["text"])
        if o["output_type"] == "execute_result": want["res"] = "".join(o["data"]["text/plain"])
    got = {"out": buf.getvalue(), "res": None if last is None else repr(last)}
    assert got == want, (src, got, want)
print("ok")
`;
    const res = spawnSync(py, ["-c", runner, file], { encoding: "utf8" });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout.trim(), "ok");
  }
});

test("import .ipynb: sanitised markdown, cells run in the page", async () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", id: "m1", metadata: {}, source: ["# Imported *notes*\n", "<script>window.__pwned = 1</script>\n", '<img src="x" onerror="window.__pwned = 2">\n', "[bad](javascript:alert(1))"] },
      { cell_type: "code", id: "k1", metadata: {}, execution_count: null, outputs: [], source: ["import torch\n", "w = torch.tensor([1.0, 2.0], requires_grad=True)\n", "(w * w).sum()"] },
    ],
  };
  const file = path.join(os.tmpdir(), `gradlab-import-${process.pid}.ipynb`);
  writeFileSync(file, JSON.stringify(nb));
  await page.locator("#file-import").setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-cell="i1"] pre.result')?.textContent === "tensor(5., grad_fn=<SumBackward0>)");
  const md = page.locator(".text-block.imported");
  assert.equal(await md.locator("h1").textContent(), "Imported notes");
  assert.equal(await md.locator("script").count(), 0);
  assert.equal(await md.locator("[onerror]").count(), 0);
  assert.equal(await md.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot("imported-notebook");
  // kept across a reload, and "Back to lesson N" (the seed lesson, where it came from) returns
  await page.reload();
  await waitReady();
  assert.equal(await resultOf("i1").textContent(), "tensor(5., grad_fn=<SumBackward0>)");
  await page.locator("#btn-back").click();
  await page.waitForFunction(() => document.querySelector('[data-cell="c6"] pre.stdout')?.textContent === "tensor(8.)\n");
});

test("dark mode and keyboard focus look right", async () => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press("Tab");
  await shot("lesson-dark-1280x800");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(251, 250, 247)");
  await page.emulateMedia({ colorScheme: "light" });
});

test("nothing was loaded from outside the page's folder; no page errors", () => {
  assert.deepEqual(h.external, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(notFound.filter((p) => p !== "/x"), [], "every file the page asks for is in the folder");
});
