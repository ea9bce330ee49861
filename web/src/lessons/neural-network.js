// Lesson 6 — a small neural network: two moons generated in the cell, an nn.Module MLP, trained
// with BCEWithLogitsLoss and Adam; the classifier picture (classify-picture.js) plays the engine's
// training (Play / Pause / Step) with width, activation and learning rate to change.
// English and Sinhala; outputs in neural-network.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./neural-network.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>A small neural network</h1>
<p>A straight line cannot separate two interlocking half-moons. A [[network]] can: layers of
neurons (lesson 2), each a weighted sum followed by an [[activation]], bend the boundary between
the classes. We build one as an <code>nn.Module</code>, train it with the same loop as lesson 5,
and watch the boundary form.</p>`,
    si: `<h1>කුඩා ස්නායු ජාලයක්</h1>
<p>එකිනෙක පටලැවුණු අඩ සඳ හැඩ දෙකක් සරල රේඛාවකින් වෙන් කළ නොහැක. [[network|ස්නායු ජාලයකට]] එය
හැකිය: නියුරෝන ස්තර (දෙවන පාඩම) — සෑම එකක්ම බර සහිත එකතුවක් සහ ඉන්පසු [[activation|සක්‍රියන
ශ්‍රිතයක්]] — පන්ති දෙක අතර මායිම නැමීමට සමත් වේ. අපි එවැන්නක් <code>nn.Module</code> ලෙස සාදා,
පස්වන පාඩමේ ලූපයෙන්ම පුහුණු කර, මායිම සෑදෙන අයුරු බලමු.</p>`,
  },
  { kind: "code", id: "c1", source: "import math\nimport torch\nimport torch.nn as nn" },
  {
    kind: "text",
    en: `<h2>Two moons</h2>
<p>100 points on an upper half-circle (class 0) and 100 on a lower one shifted right (class 1),
with a little noise. The seed makes them the same everywhere.</p>`,
    si: `<h2>අඩ සඳ දෙකක්</h2>
<p>ඉහළ අර්‍ධ වෘත්තයක් මත ලක්ෂ්‍ය 100 ක් (පන්තිය 0) සහ දකුණට විතැන් කළ පහළ අර්‍ධ වෘත්තයක් මත
ලක්ෂ්‍ය 100 ක් (පන්තිය 1), මඳ ශබ්දයක් සමඟ. seed එක නිසා ඒවා සෑම තැනකම එක සමාන වේ.</p>`,
  },
  {
    kind: "code",
    id: "c2",
    source:
      "torch.manual_seed(0)\nn = 100\nt = torch.rand(n) * math.pi\nouter = torch.stack([torch.cos(t), torch.sin(t)], dim=1)\ninner = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], dim=1)\nX = torch.cat([outer, inner]) + 0.1 * torch.randn(2 * n, 2)\ny = torch.cat([torch.zeros(n), torch.ones(n)])\nprint(X.shape, y.shape)",
    exercise: {
      kind: "shape",
      from: "output",
      item: 0,
      prompt: {
        en: "Two moons of n = 100 points each, 2 coordinates per point, joined with torch.cat. What is X.shape?",
        si: "එක් එක් සඳට ලක්ෂ්‍ය n = 100 බැගින් සහ එක් ලක්ෂ්‍යයකට ඛණ්ඩාංක 2 බැගින් ඇති අඩ සඳ දෙක torch.cat මගින් එකතු කෙරේ. X.shape කුමක්ද?"
      },
      answer: "(200, 2)",
      mistakes: [
        {
          answer: "(100, 2)",
          en: "torch.cat puts the outer moon's 100 rows and the inner moon's 100 rows one after the other: 200 rows of 2 coordinates.",
          si: "torch.cat පිටත සඳේ පේළි 100 සහ ඇතුළත සඳේ පේළි 100 එකින් පසු එක තබයි: ඛණ්ඩාංක 2 බැගින් පේළි 200."
        },
        {
          answer: "(2, 200)",
          en: "Each row is one point: 200 points, 2 coordinates each, so (200, 2).",
          si: "සෑම පේළියක්ම එක් ලක්ෂ්‍යයකි: ලක්ෂ්‍ය 200, එකකට ඛණ්ඩාංක 2 බැගින්, එබැවින් (200, 2)."
        }
      ],
      hint: {
        en: "cat joins along dim 0: rows add up.",
        si: "cat එකතු කරන්නේ dim 0 ඔස්සේය: පේළි එකතු වේ."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>The model</h2>
<p>An <code>nn.Module</code> names its layers in <code>__init__</code> and says in
<code>forward</code> how data flows through them. Two hidden layers of <code>width</code> neurons;
the last layer gives one number per point, a score (a logit) for class 1.</p>`,
    si: `<h2>ආකෘතිය</h2>
<p><code>nn.Module</code> එකක් එහි ස්තර <code>__init__</code> තුළ නම් කරන අතර, දත්ත ඒවා හරහා
ගලා යන ආකාරය <code>forward</code> තුළ කියයි. නියුරෝන <code>width</code> බැගින් ඇති සැඟවුණු
ස්තර දෙකක් ඇත; අවසාන ස්තරය එක් ලක්ෂ්‍යයකට එක් සංඛ්‍යාවක්, එනම් පන්තිය 1 සඳහා ලකුණක් (logit)
දෙයි.</p>`,
  },
  {
    kind: "code",
    id: "c3",
    source:
      "class MLP(nn.Module):\n    def __init__(self, width, activation):\n        super().__init__()\n        self.layers = nn.Sequential(\n            nn.Linear(2, width), activation,\n            nn.Linear(width, width), activation,\n            nn.Linear(width, 1))\n\n    def forward(self, x):\n        return self.layers(x).squeeze(1)",
  },
  { kind: "code", id: "c4", source: "torch.manual_seed(1)\nmodel = MLP(8, nn.Tanh())\nmodel" },
  {
    kind: "code",
    id: "c5",
    source: "sum(p.numel() for p in model.parameters())",
    exercise: {
      kind: "number",
      prompt: {
        en: "Linear(2, 8), Linear(8, 8), Linear(8, 1): how many numbers does the model learn?",
        si: "Linear(2, 8), Linear(8, 8), Linear(8, 1): model එක ඉගෙන ගන්නා සංඛ්‍යා කීයද?"
      },
      answer: "105",
      mistakes: [
        {
          answer: "88",
          en: "88 counts the weights only (16 + 64 + 8). Every Linear has a bias per output too: 8 + 8 + 1 more, 105.",
          si: "88 ගණන් කරන්නේ බර පමණි (16 + 64 + 8). සෑම Linear එකකටම එක් ප්‍රතිදානයකට එක් නැඹුරුවක් ද ඇත: තවත් 8 + 8 + 1, 105."
        }
      ],
      hint: {
        en: "Each Linear(i, o) has an i×o weight and o biases.",
        si: "සෑම Linear(i, o) එකකටම i×o බර න්‍යාසයක් සහ නැඹුරු o ක් ඇත."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>Training</h2>
<p><code>nn.BCEWithLogitsLoss</code> turns each score into a probability with the sigmoid and
measures how far it is from the label; <code>torch.optim.Adam</code> is gradient descent that
adapts its step for each parameter. backward() finds the gradient of all 105 parameters at once.</p>`,
    si: `<h2>පුහුණු කිරීම</h2>
<p><code>nn.BCEWithLogitsLoss</code> සෑම ලකුණක්ම sigmoid මගින් සම්භාවිතාවක් බවට හරවා, එය ලේබලයෙන්
කොතරම් දුරින් දැයි මනියි; <code>torch.optim.Adam</code> යනු එක් එක් පරාමිතියට තම පියවර
ගළපා ගන්නා අනුක්‍රමණ අවරෝහණයකි. පරාමිති 105 හි අනුක්‍රමණ backward() එකවර සොයයි.</p>`,
  },
  {
    kind: "code",
    id: "c6",
    source:
      "loss_fn = nn.BCEWithLogitsLoss()\nopt = torch.optim.Adam(model.parameters(), lr=0.03)\nfor step in range(200):\n    opt.zero_grad()\n    loss = loss_fn(model(X), y)\n    loss.backward()\n    opt.step()\n    if step % 50 == 0:\n        print(step, round(loss.item(), 4))",
  },
  {
    kind: "code",
    id: "c7",
    source: "with torch.no_grad():\n    accuracy = ((model(X) > 0).float() == y).float().mean()\naccuracy",
    exercise: {
      kind: "number",
      prompt: {
        en: "After training, the accuracy on the 200 points is computed under torch.no_grad(). What number does it show?",
        si: "පුහුණු කිරීමෙන් පසු ලක්ෂ්‍ය 200 මත නිරවද්‍යතාව torch.no_grad() තුළ ගණනය කෙරේ. එය පෙන්වන සංඛ්‍යාව කුමක්ද?"
      },
      answer: "1",
      mistakes: [
        {
          answer: "100",
          en: "The accuracy is the mean of 0/1 values (right or not), a fraction between 0 and 1, not a percentage: 1 means every point is right.",
          si: "නිරවද්‍යතාව යනු 0/1 අගයන්ගේ (නිවැරදිද නැද්ද) මධ්‍යන්‍යයයි, 0 සහ 1 අතර භාගයකි, ප්‍රතිශතයක් නොවේ: 1 යනු සෑම ලක්ෂ්‍යයක්ම නිවැරදි බවයි."
        }
      ],
      hint: {
        en: "The last loss printed is small; the accuracy is a fraction of points right.",
        si: "අවසානයේ මුද්‍රණය වූ හානිය කුඩාය; නිරවද්‍යතාව යනු නිවැරදි ලක්ෂ්‍යවල භාගයයි."
      }
    },
  },
  {
    kind: "text",
    en: `<p>The picture trains the same network in the engine and plays it back: the background is the
network's probability of class 1 (blue) or class 0 (orange), the points are the data. Press Play,
or Step through it. Change the width, the activation or the learning rate and it trains again:
width 2 is too narrow for the moons, a tiny learning rate barely moves, ReLU makes a boundary of
straight pieces.</p>`,
    si: `<p>රූපය එම ජාලයම engine එක තුළ පුහුණු කර නැවත පෙන්වයි: පසුබිම යනු පන්තිය 1 (නිල්) හෝ පන්තිය
0 (තැඹිලි) සඳහා ජාලය දෙන සම්භාවිතාවයි; ලක්ෂ්‍ය යනු දත්තයි. Play ඔබන්න, නැතහොත් Step මගින්
පියවරෙන් පියවර යන්න. width, activation හෝ ඉගෙනුම් අනුපාතය වෙනස් කළ විට එය නැවත පුහුණු වේ:
width 2 අඩ සඳ සඳහා පටු වැඩිය, ඉතා කුඩා ඉගෙනුම් අනුපාතයක් යන්තම් චලනය වේ, ReLU සරල කොටස්වලින් යුත්
මායිමක් සාදයි.</p>`,
  },
  { kind: "picture", id: "classify", dataCell: "c2", classCell: "c3", load: () => import("./classify-picture.js") },
], expected);
