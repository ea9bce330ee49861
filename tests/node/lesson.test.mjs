// Lesson 1 is the seed: its code cells, outputs and links, every explanation in English and
// Sinhala, Sinhala conjuncts with their zero width joiner (sinhala-lint), glossary terms known.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lesson1 } from "../../web/src/lessons/lesson1.js";
import { GLOSSARY } from "../../web/src/glossary.js";
import { renderTerms } from "../../web/src/i18n.js";
import { toIpynb } from "../../web/src/ipynb.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = process.env.GRADLAB_SHARED_DIR || path.join(root, "..", "shared");
const seedDir = path.join(sharedDir, "seed");

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

test("every text block has both languages, and Sinhala text is Sinhala", () => {
  for (const b of lesson1.blocks.filter((b) => b.kind === "text")) {
    assert.ok(b.en.trim() && b.si.trim());
    assert.match(b.si, /[\u0D80-\u0DFF]/);
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
  for (const [k, v] of Object.entries(GLOSSARY)) assert.ok(v.en && v.si, k);
  for (const b of lesson1.blocks.filter((b) => b.kind === "text")) {
    const html = renderTerms(b.en, "en") + renderTerms(b.si, "si");
    assert.doesNotMatch(html, /\[\[/);
  }
});

test("the .ipynb export is nbformat 4 with the lesson's code cells", () => {
  const nb = toIpynb(lesson1);
  assert.equal(nb.nbformat, 4);
  const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
  assert.deepEqual(code, lesson1.blocks.filter((b) => b.kind === "code").map((b) => b.source));
  for (const c of nb.cells) assert.ok(c.id && Array.isArray(c.source));
  assert.ok(nb.cells.some((c) => c.cell_type === "markdown" && c.source.join("").includes("අනුක්‍රමණය")));
});
