// The course: every lesson in order, with what the course map shows before a lesson loads.
// A lesson is one module (its blocks, loaded only when the lesson opens: a lazy chunk) plus its
// PyTorch outputs beside it (<id>.expected.js, written by tools/lesson-outputs.mjs). Everything
// else follows from the lesson's number and id: its route, storage key, export file name, and
// the test names and screenshots of tests/. Adding a lesson = one module + one line below.

export const LESSONS = [
  {
    n: 1,
    id: "derivatives",
    title: { en: "Derivatives and slopes", si: "ව්‍යුත්පන්න සහ අනුක්‍රමණ" },
    about: {
      en: "What a derivative is: by hand, by finite differences as h shrinks, and by backward().",
      si: "ව්‍යුත්පන්නයක් යනු කුමක්ද: අතින්, h කුඩා වන විට පරිමිත අන්තර මගින්, සහ backward() මගින්.",
    },
    load: () => import("./derivatives.js"),
  },
  {
    n: 2,
    id: "chain-rule",
    title: { en: "The chain rule and the computational graph", si: "දාම නීතිය සහ ගණනය කිරීමේ ප්‍රස්ථාරය" },
    about: {
      en: "sin(x**2) and a neuron tanh(w*x + b): local derivatives multiply along a path and add where paths meet.",
      si: "sin(x**2) සහ tanh(w*x + b) නියුරෝනයක්: ස්ථානීය ව්‍යුත්පන්න මාර්‍ගයක් දිගේ ගුණ වන අතර මාර්‍ග හමු වන තැන එකතු වේ.",
    },
    load: () => import("./chain-rule.js"),
  },
  {
    n: 3,
    id: "backprop",
    title: { en: "Backpropagation with PyTorch", si: "PyTorch සමඟ පසු ප්‍රචාරණය" },
    about: {
      en: "The notebook gradlab grew from: requires_grad, backward() and .grad on a number and a matrix.",
      si: "gradlab ආරම්භ වූ notebook එක: සංඛ්‍යාවක් සහ න්‍යාසයක් මත requires_grad, backward() සහ .grad.",
    },
    load: () => import("./backprop.js"),
  },
  {
    n: 4,
    id: "tensors",
    title: { en: "Tensors, broadcasting and reductions", si: "ටෙන්සර, විකාශනය සහ ඌනනය" },
    about: {
      en: "Shapes, (3,1) + (1,3), sum and mean over a dim, and why a broadcast input's gradient is summed back.",
      si: "හැඩ, (3,1) + (1,3), මානයක් ඔස්සේ sum සහ mean, සහ විකාශනය වූ ආදානයක අනුක්‍රමණය නැවත එකතු වන්නේ ඇයි.",
    },
    load: () => import("./tensors.js"),
  },
  {
    n: 5,
    id: "linear-regression",
    title: { en: "Linear regression by gradient descent", si: "අනුක්‍රමණ අවරෝහණයෙන් රේඛීය ප්‍රතිපායනය" },
    about: {
      en: "Fit a line to seeded random data: the loop by hand (w -= lr * w.grad, zero_()), then nn.Linear, nn.MSELoss and optim.SGD.",
      si: "seed කළ සසම්භාවී දත්තවලට රේඛාවක් ගැළපීම: ලූපය අතින් (w -= lr * w.grad, zero_()), පසුව nn.Linear, nn.MSELoss සහ optim.SGD.",
    },
    load: () => import("./linear-regression.js"),
  },
  {
    n: 6,
    id: "neural-network",
    title: { en: "A small neural network", si: "කුඩා ස්නායු ජාලයක්" },
    about: {
      en: "An nn.Module MLP learns to separate two moons; play its training, change width, activation or learning rate.",
      si: "nn.Module MLP එකක් අඩ සඳ දෙකක් වෙන් කිරීමට ඉගෙන ගනී; එහි පුහුණුව ධාවනය කර width, activation හෝ ඉගෙනුම් අනුපාතය වෙනස් කරන්න.",
    },
    load: () => import("./neural-network.js"),
  },
  {
    n: 7,
    id: "optimizers",
    title: { en: "Optimizers on a loss landscape", si: "හානි භූ දර්‍ශනයක් මත ප්‍රශස්තකාරක" },
    about: {
      en: "SGD, momentum and Adam from torch.optim race down the Rosenbrock valley; their paths drawn step by step.",
      si: "torch.optim හි SGD, momentum සහ Adam, Rosenbrock නිම්නයේ පහළට තරඟ කරයි; ඒවායේ මාර්‍ග පියවරෙන් පියවර අඳින ලදී.",
    },
    load: () => import("./optimizers.js"),
  },
];

/** The lesson the page opened on before there was a course (its edits key was "lesson1"). */
export const SEED_LESSON = LESSONS.find((l) => l.id === "backprop");

export const lessonByNumber = (n) => LESSONS.find((l) => l.n === Number(n)) ?? null;
export const lessonById = (id) => LESSONS.find((l) => l.id === id) ?? null;
export const editsKey = (lesson) => `gradlab.v1.edits.${lesson.id}`;
export const exportName = (lesson) => `gradlab-${lesson.n}-${lesson.id}.ipynb`;
export const lessonHash = (lesson) => `#/lesson/${lesson.n}`;

/** The lesson's blocks (its module, loaded on first use) with the registry's facts. */
export async function loadLesson(lesson) {
  const m = await lesson.load();
  return { ...lesson, blocks: m.blocks };
}

/**
 * Code blocks with their PyTorch outputs attached: `expected` maps a cell id to
 * {result} (the Out value) and/or {output} (stdout); cells that show nothing have no entry.
 */
export function withExpected(blocks, expected) {
  return blocks.map((b) => (b.kind === "code" && expected[b.id] ? { ...b, expected: expected[b.id] } : b));
}
