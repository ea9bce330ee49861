// The course's lessons (web/src/lessons/index.js): the seed lesson keeps the seed's code cells,
// outputs and links; every lesson has every explanation in English and Sinhala, Sinhala conjuncts
// with their zero width joiner (sinhala-lint), glossary terms known and glossed once, and an
// .ipynb export that, run cell by cell by real PyTorch (/usr/bin/python3), prints what the page
// printed (the lesson's .expected.js, which the engine test holds the engine to).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LESSONS, SEED_LESSON, loadLesson, editsKey, exportName, lessonHash } from "../../web/src/lessons/index.js";
import { torchOutputs, PYTHON, TORCH_ENV } from "../../tools/lesson-outputs.mjs";
import { GLOSSARY } from "../../web/src/glossary.js";
import { renderTerms } from "../../web/src/i18n.js";
import { toIpynb } from "../../web/src/ipynb.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = process.env.GRADLAB_SHARED_DIR || path.join(root, "..", "shared");
const seedDir = path.join(sharedDir, "seed");
const lesson1 = await loadLesson(SEED_LESSON); // the seed notebook (lesson 3 of the course)
const lessons = await Promise.all(LESSONS.map(loadLesson));

function seedCells() {
  const file = readdirSync(seedDir).find((f) => /^000_.*\.txt$/.test(f));
  const text = readFileSync(path.join(seedDir, file), "utf8");
  const parts = text.split(/^In \[\d+\]:\n/m).slice(1);
  return {
    text,
    cells: parts.map((p) => {
      const [code, ...rest] = p.split(/\n\n/);
      return { code: code.trimEnd(), out: rest.join("\n\n").trim() };
    }),
  };
}

test("every seed code cell is a lesson cell, unchanged and in order", () => {
  const seed = seedCells();
  const code = lesson1.blocks.filter((b) => b.kind === "code");
  assert.deepEqual(code.map((b) => b.source), seed.cells.map((c) => c.code));
  for (const [i, c] of seed.cells.entries()) {
    const exp = code[i].expected;
    const shown = exp ? (exp.result ?? exp.output.trimEnd()) : "";
    assert.equal(shown, c.out, `expected output of cell ${i + 1} (${c.code})`);
  }
});

test("the seed's links are in the lesson, in both languages", () => {
  const { text } = seedCells();
  const links = text.match(/https?:\/\/\S+/g);
  assert.ok(links.length >= 2);
  for (const b of lesson1.blocks.slice(0, 1)) for (const l of links) {
    assert.ok(b.en.includes(l), `English text lacks ${l}`);
    assert.ok(b.si.includes(l), `Sinhala text lacks ${l}`);
  }
});

test("every text block of every lesson has both languages, and Sinhala text is Sinhala", () => {
  for (const l of lessons) for (const b of l.blocks.filter((b) => b.kind === "text")) {
    assert.ok(b.en.trim() && b.si.trim(), `lesson ${l.n}`);
    assert.match(b.si, /[\u0D80-\u0DFF]/, `lesson ${l.n}`);
  }
  const si = lesson1.blocks.map((b) => b.si ?? "").join("\n");
  const en = renderTerms(lesson1.blocks.map((b) => b.en ?? "").join("\n"), "en");
  // the seed's topics: tensors, requires_grad, grad, backward(), DCG, the floating point note
  for (const topic of ["Tensors", "requires_grad", "grad:", "backward()", "dynamic computation graph", "floating point"]) {
    assert.ok(en.includes(topic), `English lacks ${topic}`);
  }
  for (const topic of ["ටෙන්සර", "requires_grad", "grad:", "backward()", "ගතික ගණනය කිරීමේ ප්‍රස්ථාරය", "ඉපිලුම් ලක්ෂ්‍ය"]) {
    assert.ok(si.includes(topic) || renderTerms(si, "si").includes(topic), `Sinhala lacks ${topic}`);
  }
});

test("conjuncts keep their zero width joiner", () => {
  const si = renderTerms(lesson1.blocks.map((b) => b.si ?? "").join("\n"), "si");
  assert.ok(si.includes("අනුක\u0DCA\u200Dරමණය"), "අනුක්‍රමණය with ZWJ");
  assert.ok(si.includes("ව\u0DCA\u200Dයුත්පන්නය"), "ව්‍යුත්පන්නය with ZWJ");
  assert.doesNotMatch(si, /[\u0D9A-\u0DC6]\u0DCA[\u0DBA\u0DBB]/, "a virama directly before ය/ර");
});

test("sinhala-lint passes over the page sources", () => {
  const lint = path.join(sharedDir, "tools", "sinhala-lint");
  assert.ok(existsSync(lint), `${lint} missing`);
  execFileSync(lint, [path.join(root, "web/src")], { stdio: "pipe" });
});

test("glossary terms are all known and carry both languages", () => {
  for (const [k, v] of Object.entries(GLOSSARY)) assert.ok(v.en && v.si && (!v.of || GLOSSARY[v.of]), k);
  for (const l of lessons) for (const b of l.blocks.filter((b) => b.kind === "text")) {
    const html = renderTerms(b.en, "en") + renderTerms(b.si, "si");
    assert.doesNotMatch(html, /\[\[/);
  }
});

test("in Sinhala each term's English word is shown once per lesson, never twice in a row", () => {
  for (const l of lessons) {
    const seen = new Set();
    const si = l.blocks.filter((b) => b.kind === "text").map((b) => renderTerms(b.si, "si", seen)).join("\n");
    const text = si.replace(/<[^>]+>/g, "");
    for (const [key, g] of Object.entries(GLOSSARY)) {
      const shown = text.split(`(${g.en})`).length - 1;
      assert.ok(shown <= 1, `lesson ${l.n}: "(${g.en})" shown ${shown} times`);
      if (g.of) assert.ok(!(text.includes(`(${g.en})`) && text.includes(`(${GLOSSARY[g.of].en})`)), `lesson ${l.n}: both "${g.en}" and its singular glossed`);
    }
    // a gloss never follows a gloss ("(gradient) (gradients)", "(dynamic computation graph) (DCG)")
    assert.doesNotMatch(text, /\([A-Za-z ,]+\)\s*\([A-Za-z ,]+\)/, `lesson ${l.n}`);
    // and is never repeated by hand next to itself ("ව්‍යුත්පන්නය (derivative) — derivative")
    for (const g of Object.values(GLOSSARY)) assert.ok(!text.includes(`(${g.en}) — ${g.en}`), `lesson ${l.n}: ${g.en}`);
  }
});

test("routes, storage keys and export names follow from the lesson's number and id", () => {
  assert.deepEqual(LESSONS.map((l) => l.n), LESSONS.map((_, i) => i + 1), "numbered 1, 2, 3, … in order");
  assert.equal(new Set(LESSONS.map((l) => l.id)).size, LESSONS.length, "ids are unique");
  for (const l of LESSONS) {
    assert.match(l.id, /^[a-z][a-z0-9-]*$/);
    assert.equal(lessonHash(l), `#/lesson/${l.n}`);
    assert.equal(editsKey(l), `gradlab.v1.edits.${l.id}`);
    assert.equal(exportName(l), `gradlab-${l.n}-${l.id}.ipynb`);
    assert.ok(l.title.en && /[\u0D80-\u0DFF]/.test(l.title.si) && l.about.en && /[\u0D80-\u0DFF]/.test(l.about.si), `lesson ${l.n} titles`);
    assert.ok(existsSync(path.join(root, "web/src/lessons", `${l.id}.js`)) && existsSync(path.join(root, "web/src/lessons", `${l.id}.expected.js`)));
  }
  assert.equal(SEED_LESSON.n, 3);
});

const hasTorch = spawnSync(PYTHON, ["-c", "import torch"], { env: TORCH_ENV }).status === 0;
for (const l of lessons) {
  test(`lesson ${l.n} (${l.id}): its .ipynb export, run by PyTorch, prints what the page printed`, { skip: !hasTorch && `${PYTHON} has no torch` }, () => {
    const code = l.blocks.filter((b) => b.kind === "code");
    const outs = torchOutputs(l);
    assert.equal(outs.length, code.length);
    for (const [i, b] of code.entries()) {
      assert.equal(outs[i].result, b.expected?.result ?? null, `${b.id} Out`);
      assert.equal(outs[i].output, b.expected?.output ?? "", `${b.id} stdout`);
      assert.deepEqual(outs[i].error, b.expected?.error ?? null, `${b.id} exception`);
    }
  });
}

test("the .ipynb export is nbformat 4 with the lesson's code cells", () => {
  const nb = toIpynb(lesson1);
  assert.equal(nb.nbformat, 4);
  const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
  assert.deepEqual(code, lesson1.blocks.filter((b) => b.kind === "code").map((b) => b.source));
  for (const c of nb.cells) assert.ok(c.id && Array.isArray(c.source));
  assert.ok(nb.cells.some((c) => c.cell_type === "markdown" && c.source.join("").includes("අනුක්‍රමණය")));
});
