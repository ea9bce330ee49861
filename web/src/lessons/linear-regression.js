// Lesson 5 — linear regression by gradient descent: data drawn with torch.manual_seed, the loop
// by hand (w -= lr * w.grad, zero_()), then nn.Linear, nn.MSELoss and optim.SGD; the fit picture
// (fit-picture.js) replays the engine's steps with a learning-rate slider that shows divergence.
// English and Sinhala; outputs in linear-regression.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./linear-regression.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>Linear regression by gradient descent</h1>
<p>Everything so far computed gradients. Now we use them: to fit a straight line y = w·x + b to
noisy data we choose the [[weight]] w and the [[bias]] b that make the [[loss]] — the mean squared
distance between the line and the points — as small as possible. [[descent]] does it in small
steps: compute the loss, call backward(), and move each parameter a little against its gradient.</p>`,
    si: `<h1>අනුක්‍රමණ අවරෝහණයෙන් රේඛීය ප්‍රතිපායනය</h1>
<p>මෙතෙක් අපි අනුක්‍රමණ ගණනය කළෙමු. දැන් ඒවා භාවිත කරමු: ශබ්දය (noise) සහිත දත්තවලට y = w·x + b සරල
රේඛාවක් ගැළපීමට, රේඛාව සහ ලක්ෂ්‍ය අතර දුරවල වර්‍ගවල මධ්‍යන්‍යය වන [[loss]] හැකි තරම් කුඩා වන
ලෙස [[weight]] w සහ [[bias]] b තෝරා ගනිමු. [[descent]] මෙය කුඩා පියවරෙන් කරයි: හානිය ගණනය කර,
backward() කැඳවා, එක් එක් පරාමිතිය එහි අනුක්‍රමණයට විරුද්ධ දිශාවට මඳක් චලනය කරයි.</p>`,
  },
  { kind: "code", id: "c1", source: "import torch" },
  {
    kind: "text",
    en: `<h2>The data</h2>
<p>Twenty points on the line y = 3x + 0.5, each moved up or down by random noise.
<code>torch.manual_seed(0)</code> fixes the random numbers, so you, the page and PyTorch all get
the same points.</p>`,
    si: `<h2>දත්ත</h2>
<p>y = 3x + 0.5 රේඛාව මත ලක්ෂ්‍ය විස්සක්; එක් එක් ලක්ෂ්‍යය සසම්භාවී ශබ්දයක් මගින් ඉහළට හෝ පහළට
තල්ලු කර ඇත. <code>torch.manual_seed(0)</code> සසම්භාවී සංඛ්‍යා ස්ථිර කරයි; එබැවින් ඔබටත්, මෙම
පිටුවටත්, PyTorch ටත් එකම ලක්ෂ්‍ය ලැබේ.</p>`,
  },
  {
    kind: "code",
    id: "c2",
    source: "torch.manual_seed(0)\nx = torch.linspace(-1, 1, 20).reshape(-1, 1)\ny = 3 * x + 0.5 + 0.2 * torch.randn(20, 1)\nprint(x.shape, y.shape)",
    exercise: {
      kind: "shape",
      from: "output",
      item: 0,
      prompt: {
        en: "torch.linspace(-1, 1, 20) is then reshaped with reshape(-1, 1). What is x.shape?",
        si: "torch.linspace(-1, 1, 20) පසුව reshape(-1, 1) මගින් හැඩය වෙනස් කෙරේ. x.shape කුමක්ද?"
      },
      answer: "(20, 1)",
      mistakes: [
        {
          answer: "(20,)",
          en: "linspace alone gives (20,); reshape(-1, 1) turns it into a column of 20 rows and 1 column, (20, 1) — the shape nn.Linear(1, 1) expects.",
          si: "linspace පමණක් (20,) දෙයි; reshape(-1, 1) එය පේළි 20 ක් සහ තීරු 1 ක තීරුවක් (20, 1) බවට පත් කරයි — nn.Linear(1, 1) බලාපොරොත්තු වන හැඩයයි."
        }
      ],
      hint: {
        en: "-1 in reshape means: whatever size makes the count come out.",
        si: "reshape හි -1 යනු: ගණන නිවැරදි වන ඕනෑම ප්‍රමාණයකි."
      }
    },
  },
  {
    kind: "code",
    id: "c3",
    source: "y[:3]",
    exercise: {
      kind: "shape",
      prompt: {
        en: "y is (20, 1). What is the shape of y[:3]?",
        si: "y හි හැඩය (20, 1) වේ. y[:3] හි හැඩය කුමක්ද?"
      },
      answer: "(3, 1)",
      mistakes: [
        {
          answer: "(3,)",
          en: "Slicing rows with [:3] keeps both dims: 3 rows of the 1 column, (3, 1). Only an integer index such as y[0] removes a dim.",
          si: "[:3] මගින් පේළි slice කිරීම මාන දෙකම තබා ගනී: එක් තීරුවේ පේළි 3, (3, 1). y[0] වැනි නිඛිල දර්‍ශකයක් පමණක් මානයක් ඉවත් කරයි."
        }
      ],
      hint: {
        en: "A slice keeps its dim; only the number of rows changes.",
        si: "slice එකක් තම මානය තබා ගනී; වෙනස් වන්නේ පේළි ගණන පමණි."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>The loss and its gradient</h2>
<p>Start from w = 0 and b = 0: a flat line, far from the points. The loss is the mean of the
squared errors; backward() gives how the loss changes with w and with b.</p>`,
    si: `<h2>හානිය සහ එහි අනුක්‍රමණය</h2>
<p>w = 0 සහ b = 0 න් පටන් ගනිමු: එය ලක්ෂ්‍යවලින් ඈත තිරස් රේඛාවකි. හානිය යනු දෝෂවල වර්‍ගවල
මධ්‍යන්‍යයයි; w සහ b වෙනස් වන විට හානිය වෙනස් වන ආකාරය backward() අපට දෙයි.</p>`,
  },
  { kind: "code", id: "c4", source: "w = torch.zeros(1, requires_grad=True)\nb = torch.zeros(1, requires_grad=True)\nloss = ((x * w + b - y) ** 2).mean()\nloss" },
  { kind: "code", id: "c5", source: "loss.backward()\nprint(w.grad, b.grad)" },
  {
    kind: "text",
    en: `<h2>The loop, by hand</h2>
<p>Each step: clear the old gradients with <code>zero_()</code> (they [[accumulate]] otherwise),
compute the loss, call backward(), and update <code>w -= lr * w.grad</code> inside
<code>torch.no_grad()</code>, so the update itself is not recorded in the graph. The
[[lr]] <code>lr</code> sets the size of the steps.</p>`,
    si: `<h2>ලූපය, අතින්</h2>
<p>සෑම පියවරකදීම: පැරණි අනුක්‍රමණ <code>zero_()</code> මගින් ඉවත් කරන්න (නැතහොත් ඒවා
[[accumulate|සමුච්චය වේ]]), හානිය ගණනය කර, backward() කැඳවා, <code>torch.no_grad()</code> තුළ
<code>w -= lr * w.grad</code> ලෙස යාවත්කාලීන කරන්න; එවිට යාවත්කාලීන කිරීම ප්‍රස්ථාරයේ සටහන් නොවේ.
පියවරවල ප්‍රමාණය තීරණය කරන්නේ <code>lr</code> නම් [[lr]] යි.</p>`,
  },
  {
    kind: "code",
    id: "c6",
    source:
      "lr = 0.1\nfor step in range(100):\n    w.grad.zero_()\n    b.grad.zero_()\n    loss = ((x * w + b - y) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n        w -= lr * w.grad\n        b -= lr * b.grad\n    if step % 20 == 0:\n        print(step, loss.item())",
  },
  {
    kind: "code",
    id: "c7",
    source: "print(w, b)",
    exercise: {
      kind: "number",
      from: "output",
      item: 0,
      decimals: 0,
      prompt: {
        en: "The data was made as y = 3x + 0.5 + noise. After 100 steps from w = 0, about what is w?",
        si: "දත්ත සෑදුවේ y = 3x + 0.5 + ඝෝෂාව ලෙසය. w = 0 සිට පියවර 100 කට පසු w ආසන්න වශයෙන් කීයද?"
      },
      answer: "3.2",
      mistakes: [
        {
          answer: "0",
          en: "w started at 0, but each step w -= lr * w.grad moved it downhill on the loss, towards the data's slope: about 3.",
          si: "w ආරම්භ වූයේ 0 නුත්, සෑම w -= lr * w.grad පියවරක්ම එය හානිය මත පහළට, දත්තවල අනුක්‍රමණය දෙසට ගෙන ගියේය: ආසන්න වශයෙන් 3."
        },
        {
          answer: "0.5",
          en: "0.5 is the intercept, the b the data was made with. w is the slope, about 3.",
          si: "0.5 යනු අන්තඃඛණ්ඩය, දත්ත සෑදූ b ය. w යනු අනුක්‍රමණයයි, ආසන්න වශයෙන් 3."
        }
      ],
      hint: {
        en: "w is the slope of the fitted line.",
        si: "w යනු ගැළපූ රේඛාවේ අනුක්‍රමණයයි."
      }
    },
  },
  {
    kind: "text",
    en: `<p>w ≈ 3.19 and b ≈ 0.57: close to the 3 and 0.5 the data was made from (the noise moves
them a little). The picture replays the first 40 steps: press Play, or drag the step slider. Then
raise the learning rate: up to about 1 the line arrives faster; above 1 each step overshoots
further than the last, the loss grows instead of shrinking, and the fit diverges.</p>`,
    si: `<p>w ≈ 3.19 සහ b ≈ 0.57: දත්ත සෑදූ 3 සහ 0.5 ට ආසන්නයි (ශබ්දය ඒවා මඳක් වෙනස් කරයි). රූපය
පළමු පියවර 40 නැවත පෙන්වයි: Play ඔබන්න, නැතහොත් step slider එක අදින්න. ඉන්පසු ඉගෙනුම්
අනුපාතය වැඩි කරන්න: 1 පමණ දක්වා රේඛාව ඉක්මනින් ළඟා වේ; 1 ට වැඩි වූ විට සෑම පියවරක්ම පෙර
පියවරට වඩා දුරින් ඉලක්කය පසු කර යයි, හානිය අඩු වීම වෙනුවට වැඩි වන අතර ගැළපීම අපසරණය වේ.</p>`,
  },
  { kind: "picture", id: "fit", cell: "c2", lr: 0.1, load: () => import("./fit-picture.js") },
  {
    kind: "text",
    en: `<h2>The same with nn.Linear, nn.MSELoss and optim.SGD</h2>
<p>PyTorch packs these pieces: <code>nn.Linear(1, 1)</code> holds w and b (started at random, so
we seed again), <code>nn.MSELoss()</code> is our loss, and <code>torch.optim.SGD</code> does the
update (<code>step()</code>) and the clearing (<code>zero_grad()</code>). This is the loop you
will write in every PyTorch model.</p>`,
    si: `<h2>nn.Linear, nn.MSELoss සහ optim.SGD සමඟ එයම</h2>
<p>PyTorch මෙම කොටස් එකට ඇසුරුම් කරයි: <code>nn.Linear(1, 1)</code> w සහ b තබා ගනී (ඒවා
සසම්භාවීව ආරම්භ වන බැවින් අපි නැවත seed කරමු), <code>nn.MSELoss()</code> අපගේ හානි ශ්‍රිතයයි,
<code>torch.optim.SGD</code> යාවත්කාලීන කිරීම (<code>step()</code>) සහ අනුක්‍රමණ ඉවත් කිරීම
(<code>zero_grad()</code>) කරයි. ඕනෑම PyTorch ආකෘතියක් සඳහා ඔබ ලියන ලූපය මෙයයි.</p>`,
  },
  {
    kind: "code",
    id: "c8",
    source:
      "import torch.nn as nn\ntorch.manual_seed(0)\nmodel = nn.Linear(1, 1)\nloss_fn = nn.MSELoss()\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor step in range(100):\n    opt.zero_grad()\n    loss = loss_fn(model(x), y)\n    loss.backward()\n    opt.step()\nprint(model.weight.item(), model.bias.item(), loss.item())",
  },
  {
    kind: "text",
    en: `<h2>Too large a step</h2>
<p>With <code>lr = 1.1</code> every update of b jumps past the best b to a worse point on the
other side. For a few steps the loss still falls (w keeps improving); then b's swings take over and
the loss grows with every step.</p>`,
    si: `<h2>ඉතා විශාල පියවරක්</h2>
<p><code>lr = 1.1</code> විට සෑම යාවත්කාලීන කිරීමක්ම හොඳම b පසු කර අනෙක් පැත්තේ වඩා නරක
ලක්ෂ්‍යයකට පනී. පියවර කිහිපයක් යන තුරු හානිය තවමත් අඩු වේ (w දිගටම හොඳ වන බැවින්); ඉන්පසු b හි
දෝලනය ප්‍රබල වී සෑම පියවරකදීම හානිය වැඩි වේ.</p>`,
  },
  {
    kind: "code",
    id: "c9",
    source:
      "w = torch.zeros(1, requires_grad=True)\nb = torch.zeros(1, requires_grad=True)\nfor step in range(30):\n    loss = ((x * w + b - y) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n        w -= 1.1 * w.grad\n        b -= 1.1 * b.grad\n    w.grad.zero_()\n    b.grad.zero_()\n    if step % 5 == 0:\n        print(step, loss.item())",
  },
  {
    kind: "text",
    en: `<h2>Updating w outside no_grad</h2>
<p>The loops above change w inside <code>with torch.no_grad():</code>. What if the update is
written without it?</p>`,
    si: `<h2>no_grad නැතිව w යාවත්කාලීන කිරීම</h2>
<p>ඉහත loops w වෙනස් කරන්නේ <code>with torch.no_grad():</code> තුළය. යාවත්කාලීනය එය නැතිව
ලීවොත් කුමක් වේද?</p>`,
  },
  {
    kind: "code",
    id: "c10",
    source: "w = torch.zeros(1, requires_grad=True)\nloss = ((x * w - y) ** 2).mean()\nloss.backward()\nw -= 0.1 * w.grad",
    exercise: {
      kind: "error",
      prompt: {
        en: "What happens at the last line, w -= 0.1 * w.grad? (the exception's name, or “no error”)",
        si: "අවසාන පේළිය වන w -= 0.1 * w.grad හිදී කුමක් සිදු වේද? (exception එකේ නම, නැතහොත් “no error”)"
      },
      answer: "RuntimeError",
      mistakes: [
        {
          answer: "no error",
          en: "w is a leaf that requires grad: an in-place change would itself be recorded in the graph, so PyTorch refuses with a RuntimeError. A training step is not part of the graph: write it inside with torch.no_grad():, as the loops above do (or let an optimizer's step() do it).",
          si: "w යනු requires grad ඇති පත්‍ර නෝඩයකි: ස්ථානයේදීම කරන වෙනසක්ම ප්‍රස්ථාරයේ සටහන් වන බැවින් PyTorch RuntimeError එකකින් එය ප්‍රතික්ෂේප කරයි. පුහුණු කිරීමේ පියවරක් ප්‍රස්ථාරයේ කොටසක් නොවේ: ඉහත loops මෙන් එය with torch.no_grad(): තුළ ලියන්න (නැතහොත් optimizer එකක step() මගින් කරවන්න)."
        }
      ],
      hint: {
        en: "w is a leaf that requires grad, and -= changes it in place.",
        si: "w යනු requires grad ඇති පත්‍ර නෝඩයකි, -= එය ස්ථානයේදීම වෙනස් කරයි."
      }
    },
  },
], expected);
