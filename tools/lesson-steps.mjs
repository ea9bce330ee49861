#!/usr/bin/env node
// Writes tests/node/fixtures/lesson-steps.json from real PyTorch: for every lesson cell that runs
// backward, PyTorch 1.13.1's passes node by node (tests/node/fixtures/backward-steps.py --ipynb,
// post hooks on every node), which tests/node/stepper.test.mjs holds the engine's traced passes
// (the page's "Step through backward") to. Run it after changing a lesson's code:
//   node tools/lesson-steps.mjs
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LESSONS, loadLesson } from "../web/src/lessons/index.js";
import { toIpynb } from "../web/src/ipynb.js";
import { PYTHON, TORCH_ENV } from "./lesson-outputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const recorder = path.join(root, "tests/node/fixtures/backward-steps.py");

const all = {};
for (const entry of LESSONS) {
  const lesson = await loadLesson(entry);
  const dir = mkdtempSync(path.join(os.tmpdir(), "gradlab-steps-"));
  try {
    const file = path.join(dir, "lesson.ipynb");
    writeFileSync(file, JSON.stringify(toIpynb(lesson)));
    const cells = JSON.parse(execFileSync(PYTHON, [recorder, "--ipynb", file], { env: TORCH_ENV, cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 }));
    const code = lesson.blocks.filter((b) => b.kind === "code");
    const steps = {};
    for (const [i, b] of code.entries()) if (cells[i].passes.length) steps[b.id] = cells[i];
    all[lesson.id] = steps;
    console.log(`lesson ${lesson.n} (${lesson.id}): ${Object.keys(steps).length} cells run backward`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(path.join(root, "tests/node/fixtures/lesson-steps.json"), JSON.stringify(all) + "\n");
