// Lesson 7 — optimizers on a loss landscape: the Rosenbrock function, its gradient, and SGD,
// SGD with momentum and Adam from torch.optim started at the same point; the landscape picture
// (landscape-picture.js) draws their paths over a heatmap, step by step.
// English and Sinhala; outputs in optimizers.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./optimizers.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>Optimizers on a loss landscape</h1>
<p>Training is a walk downhill on the [[loss]]. Plain [[descent]] steps straight down the
[[gradient]]; that is slow in a long, curved valley, where the gradient points mostly across the
valley instead of along it. Better [[optimizer|optimizers]] remember where they were going
(momentum) or scale each step by how large the gradients have been (Adam). Here we race three of
them from <code>torch.optim</code> on the same landscape.</p>`,
    si: `<h1>හානි භූ දර්‍ශනයක් මත ප්‍රශස්තකාරක</h1>
<p>පුහුණු කිරීම යනු [[loss|හානියේ]] භූ දර්‍ශනය දිගේ පහළට යන ගමනකි. සාමාන්‍ය [[descent]] කරන්නේ
[[gradient]] දිගේ කෙළින්ම පහළට පියවර තැබීමයි; දිගු, වක්‍ර නිම්නයක එය සෙමින් යයි, මන්ද එහි අනුක්‍රමණය බොහෝ
දුරට නිම්නය දිගේ නොව නිම්නය හරහා යොමු වන බැවිනි. වඩා හොඳ [[optimizer|ප්‍රශස්තකාරක]] තමන් යමින්
සිටි දිශාව මතක තබා ගනී (momentum), නැතහොත් මෙතෙක් අනුක්‍රමණ කොතරම් විශාල වීද යන්න අනුව සෑම
පියවරක්ම පරිමාණය කරයි (Adam). මෙහි අපි <code>torch.optim</code> හි ප්‍රශස්තකාරක තුනක් එකම භූ
දර්‍ශනය මත තරඟ කරවමු.</p>`,
  },
  { kind: "code", id: "c1", source: "import torch" },
  {
    kind: "text",
    en: `<h2>The Rosenbrock function</h2>
<p>f(x, y) = (1 − x)² + 100·(y − x²)² has its minimum 0 at (1, 1), at the bottom of a narrow
banana-shaped valley. From the start (−1.5, 2) the gradient is large and points almost straight
across the valley.</p>`,
    si: `<h2>Rosenbrock ශ්‍රිතය</h2>
<p>f(x, y) = (1 − x)² + 100·(y − x²)² හි අවම අගය 0 වන අතර එය (1, 1) හි, කෙසෙල් හැඩැති පටු
නිම්නයක පතුලේ පිහිටයි. ආරම්භක ලක්ෂ්‍යය (−1.5, 2) හිදී අනුක්‍රමණය විශාල වන අතර එය බොහෝ දුරට
නිම්නය හරහා යොමු වේ.</p>`,
  },
  {
    kind: "code",
    id: "c2",
    source: "def rosenbrock(p):\n    x, y = p[0], p[1]\n    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2\n\nrosenbrock(torch.tensor([1.0, 1.0]))",
    exercise: {
      kind: "number",
      prompt: {
        en: "rosenbrock(p) = (1 − x)² + 100·(y − x²)². What is it at (1, 1)?",
        si: "rosenbrock(p) = (1 − x)² + 100·(y − x²)². (1, 1) හි එහි අගය කුමක්ද?"
      },
      answer: "0",
      mistakes: [
        {
          answer: "1",
          en: "Both terms vanish at (1, 1): (1 − 1)² = 0 and 100·(1 − 1²)² = 0. That is the minimum the optimizers look for.",
          si: "(1, 1) දී පද දෙකම ශුන්‍ය වේ: (1 − 1)² = 0 සහ 100·(1 − 1²)² = 0. ප්‍රශස්තකාරක සොයන අවම ලක්ෂ්‍යය එයයි."
        }
      ],
      hint: {
        en: "Put x = 1, y = 1 into both terms.",
        si: "පද දෙකටම x = 1, y = 1 ආදේශ කරන්න."
      }
    },
  },
  {
    kind: "code",
    id: "c3",
    source: "p = torch.tensor([-1.5, 2.0], requires_grad=True)\nloss = rosenbrock(p)\nloss.backward()\nprint(loss, p.grad)",
    exercise: {
      kind: "number",
      from: "output",
      item: 0,
      prompt: {
        en: "At p = (−1.5, 2), what is the loss (the first number printed)?",
        si: "p = (−1.5, 2) දී හානිය (මුද්‍රණය වන පළමු සංඛ්‍යාව) කීයද?"
      },
      answer: "12.5",
      mistakes: [
        {
          answer: "6.25",
          en: "6.25 is one term only. Both are 6.25 here: (1 + 1.5)² = 6.25 and 100·(2 − 2.25)² = 6.25, so the loss is 12.5.",
          si: "6.25 යනු එක් පදයක් පමණි. මෙහි දෙකම 6.25 වේ: (1 + 1.5)² = 6.25 සහ 100·(2 − 2.25)² = 6.25, එබැවින් හානිය 12.5."
        },
        {
          answer: "0",
          en: "0 is the minimum's loss, at (1, 1). At (−1.5, 2) both terms are 6.25.",
          si: "0 යනු (1, 1) හි අවම ලක්ෂ්‍යයේ හානියයි. (−1.5, 2) දී පද දෙකම 6.25 වේ."
        }
      ],
      hint: {
        en: "(1 − x)² = 2.5² and y − x² = 2 − 2.25.",
        si: "(1 − x)² = 2.5² සහ y − x² = 2 − 2.25."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>One loop, three optimizers</h2>
<p>Every optimizer in <code>torch.optim</code> is used the same way: <code>zero_grad()</code>,
backward(), <code>step()</code>. So one function runs them all; only the line that makes the
optimizer changes.</p>`,
    si: `<h2>එක් ලූපයක්, ප්‍රශස්තකාරක තුනක්</h2>
<p><code>torch.optim</code> හි සෑම ප්‍රශස්තකාරකයක්ම භාවිත කරන්නේ එකම ආකාරයටයි:
<code>zero_grad()</code>, backward(), <code>step()</code>. එබැවින් එක් ශ්‍රිතයකින් ඒ සියල්ල ධාවනය
කළ හැක; වෙනස් වන්නේ ප්‍රශස්තකාරකය සාදන පේළිය පමණි.</p>`,
  },
  {
    kind: "code",
    id: "c4",
    source:
      "def descend(make_optimizer, steps=500):\n    p = torch.tensor([-1.5, 2.0], requires_grad=True)\n    opt = make_optimizer([p])\n    for step in range(steps):\n        opt.zero_grad()\n        loss = rosenbrock(p)\n        loss.backward()\n        opt.step()\n    return p.detach(), rosenbrock(p).item()",
  },
  {
    kind: "code",
    id: "c5",
    source: "descend(lambda ps: torch.optim.SGD(ps, lr=0.001))",
    exercise: {
      kind: "shape",
      item: 0,
      prompt: {
        en: "descend returns (p.detach(), loss). What is the shape of the p it returns?",
        si: "descend මගින් (p.detach(), loss) ලබා දෙයි. එය ලබා දෙන p හි හැඩය කුමක්ද?"
      },
      answer: "(2,)",
      mistakes: [
        {
          answer: "(1, 2)",
          en: "p was made from the list [-1.5, 2.0]: one dim of 2 numbers, (2,). The optimizer changes its values, never its shape.",
          si: "p සෑදුවේ [-1.5, 2.0] ලැයිස්තුවෙනි: සංඛ්‍යා 2 ක එක් මානයක්, (2,). ප්‍රශස්තකාරකය එහි අගයන් වෙනස් කරයි, කිසි විටෙක හැඩය නොවේ."
        },
        {
          answer: "()",
          en: "p is the point itself, two numbers (x, y), so (2,); the loss is the single number beside it.",
          si: "p යනු ලක්ෂ්‍යයමයි, සංඛ්‍යා දෙකක් (x, y), එබැවින් (2,); හානිය ඒ අසල ඇති තනි සංඛ්‍යාවයි."
        }
      ],
      hint: {
        en: "p holds the point (x, y).",
        si: "p හි ඇත්තේ (x, y) ලක්ෂ්‍යයයි."
      }
    },
  },
  { kind: "code", id: "c6", source: "descend(lambda ps: torch.optim.SGD(ps, lr=0.001, momentum=0.9))" },
  { kind: "code", id: "c7", source: "descend(lambda ps: torch.optim.Adam(ps, lr=0.05))" },
  {
    kind: "text",
    en: `<p>After 500 steps plain SGD is still crawling along the valley, momentum has nearly reached
(1, 1), and Adam is on its way by a different route. Press Play to watch the three paths (the dot
marks the minimum), or drag the step slider. Doubling the learning rates (× 2) speeds them up —
until the steps get too large for the steep walls.</p>`,
    si: `<p>පියවර 500 කට පසුවත් සාමාන්‍ය SGD නිම්නය දිගේ සෙමින් බඩගාමින් සිටී; momentum (1, 1) ට
බොහෝ දුරට ළඟා වී ඇති අතර Adam වෙනත් මාර්‍ගයක ගමන් කරමින් සිටී. මාර්‍ග තුන බැලීමට Play ඔබන්න
(තිත අවම ලක්ෂ්‍යය පෙන්වයි), නැතහොත් step slider එක අදින්න. ඉගෙනුම් අනුපාත දෙගුණ කළ විට (× 2)
ඒවා වේගවත් වේ — පියවර, නිම්නයේ බෑවුම් සහිත බිත්තිවලට විශාල වැඩි වන තුරු.</p>`,
  },
  { kind: "picture", id: "landscape", cell: "c2", load: () => import("./landscape-picture.js") },
], expected);
