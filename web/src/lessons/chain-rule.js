// Lesson 2 — the chain rule and the computational graph: sin(x**2) by backward() and by hand,
// a neuron tanh(w*x + b) with each node's local derivative, and paths that add where they meet
// (y = x * x). The picture is the page's backward graph of the current cell (picture.js).
// English and Sinhala; outputs in chain-rule.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./chain-rule.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>The chain rule and the computational graph</h1>
<p>Real models are [[composite|composite functions]]: functions of functions. The [[chain]] says
how to differentiate them: if y = g(u) and u = h(x), then dy/dx = dy/du · du/dx. PyTorch records
every operation as a [[node]] of a [[graph]]; backward() walks that graph from the output back to
the inputs, multiplying each node's [[local]] on the way.</p>`,
    si: `<h1>දාම නීතිය සහ ගණනය කිරීමේ ප්‍රස්ථාරය</h1>
<p>සැබෑ ආකෘති [[composite|සංයුක්ත ශ්‍රිත]] වේ: එනම් ශ්‍රිතවල ශ්‍රිත. ඒවා අවකලනය කරන්නේ කෙසේදැයි
[[chain]] කියයි: y = g(u) සහ u = h(x) නම්, dy/dx = dy/du · du/dx. PyTorch සෑම මෙහෙයුමක්ම
[[graph|ගණනය කිරීමේ ප්‍රස්ථාරයක]] [[node|නෝඩයක්]] ලෙස සටහන් කරයි; backward() එම ප්‍රස්ථාරය
දිගේ ප්‍රතිදානයේ සිට ආදාන දක්වා ආපසු ගමන් කරමින්, මඟදී හමු වන සෑම නෝඩයකම [[local]] ගුණ කරයි.</p>`,
  },
  { kind: "code", id: "c1", source: "import torch" },
  {
    kind: "text",
    en: `<h2>sin(x²)</h2>
<p>y = sin(u) with u = x². The graph has two nodes: <code>PowBackward0</code> (local derivative
du/dx = 2x) and <code>SinBackward0</code> (dy/du = cos u). Click the cell and look at its picture;
hover a node to see its rule with the numbers filled in.</p>`,
    si: `<h2>sin(x²)</h2>
<p>මෙහි y = sin(u) සහ u = x². ප්‍රස්ථාරයේ නෝඩ දෙකක් ඇත: <code>PowBackward0</code> (ස්ථානීය
ව්‍යුත්පන්නය du/dx = 2x) සහ <code>SinBackward0</code> (dy/du = cos u). cell එක ක්ලික් කර එහි
රූපය බලන්න; නෝඩයක් මත mouse එක තැබූ විට එහි නීතිය සංඛ්‍යා ආදේශ කර පෙන්වයි.</p>`,
  },
  { kind: "code", id: "c2", source: "x = torch.tensor(1.5, requires_grad=True)\ny = torch.sin(x**2)\ny" },
  { kind: "code", id: "c3", source: "y.backward()\nx.grad" },
  {
    kind: "text",
    en: `<p>By the chain rule, dy/dx = cos(x²) · 2x. Multiply the two local derivatives yourself at
x = 1.5: the same number.</p>`,
    si: `<p>දාම නීතියට අනුව dy/dx = cos(x²) · 2x. x = 1.5 දී ස්ථානීය ව්‍යුත්පන්න දෙක ඔබම ගුණ කර
බලන්න: එකම සංඛ්‍යාව ලැබේ.</p>`,
  },
  { kind: "code", id: "c4", source: "# dy/du · du/dx at x = 1.5\ntorch.cos(torch.tensor(1.5)**2) * 2 * 1.5" },
  {
    kind: "text",
    en: `<h2>A neuron: tanh(w·x + b)</h2>
<p>A [[neuron]] multiplies its input x by a [[weight]] w, adds a [[bias]] b, and passes the result
through an [[activation]] such as tanh. Training needs the gradient of the output with respect to
w and b. The graph: <code>MulBackward0</code>, <code>AddBackward0</code>,
<code>TanhBackward0</code>.</p>`,
    si: `<h2>නියුරෝනයක්: tanh(w·x + b)</h2>
<p>[[neuron|නියුරෝනයක්]] තම ආදානය x, [[weight]] w මගින් ගුණ කර, [[bias]] b එකතු කර, ප්‍රතිඵලය
tanh වැනි [[activation|සක්‍රියන ශ්‍රිතයක්]] හරහා යවයි. පුහුණු කිරීමට w සහ b විෂයයෙන් ප්‍රතිදානයේ
අනුක්‍රමණය අවශ්‍ය වේ. ප්‍රස්ථාරය: <code>MulBackward0</code>, <code>AddBackward0</code>,
<code>TanhBackward0</code>.</p>`,
  },
  { kind: "code", id: "c5", source: "w = torch.tensor(0.5, requires_grad=True)\nb = torch.tensor(0.2, requires_grad=True)\nx = torch.tensor(2.0)\nz = w*x + b\na = torch.tanh(z)\na" },
  { kind: "code", id: "c6", source: "a.backward()\nprint(w.grad, b.grad)" },
  {
    kind: "text",
    en: `<p>Walk the graph back by hand. The local derivative of tanh is 1 − tanh²(z) = 1 − a². The
add node passes the gradient on unchanged to b (∂z/∂b = 1); the multiply node multiplies it by x
on the way to w (∂z/∂w = x). So b.grad = 1 − a² and w.grad = (1 − a²)·x: the two numbers above.</p>`,
    si: `<p>ප්‍රස්ථාරය දිගේ අතින් ආපසු යමු. tanh හි ස්ථානීය ව්‍යුත්පන්නය 1 − tanh²(z) = 1 − a² වේ.
එකතු කිරීමේ නෝඩය අනුක්‍රමණය වෙනස් නොකර b වෙත යවයි (∂z/∂b = 1); ගුණ කිරීමේ නෝඩය w වෙත යන
අතරමඟදී එය x මගින් ගුණ කරයි (∂z/∂w = x). එබැවින් b.grad = 1 − a² සහ w.grad = (1 − a²)·x:
ඉහත සංඛ්‍යා දෙකයි.</p>`,
  },
  { kind: "code", id: "c7", source: "local = 1 - a.detach()**2\nprint(local, local * x)" },
  {
    kind: "text",
    en: `<h2>Where paths meet, gradients add</h2>
<p>In y = x * x the same x enters the multiplication twice, so there are two [[path|paths]] from y
back to x. Along each, the local derivative is the other factor, x = 3; the gradients of the paths
add: 3 + 3 = 6 = 2x. In the graph both arrows out of <code>MulBackward0</code> end at the same
<code>AccumulateGrad</code> — that is where the sum happens.</p>`,
    si: `<h2>මාර්‍ග හමු වන තැන අනුක්‍රමණ එකතු වේ</h2>
<p>y = x * x හි එකම x ගුණ කිරීමට දෙවරක් ඇතුළු වේ; එබැවින් y සිට x දක්වා ආපසු යන
[[path|මාර්‍ග]] දෙකක් ඇත. එක් එක් මාර්‍ගය දිගේ ස්ථානීය ව්‍යුත්පන්නය අනෙක් සාධකය, එනම් x = 3
වේ; මාර්‍ග දෙකේ අනුක්‍රමණ එකතු වේ: 3 + 3 = 6 = 2x. ප්‍රස්ථාරයේ <code>MulBackward0</code> සිට
එන ඊතල දෙකම එකම <code>AccumulateGrad</code> නෝඩයෙන් අවසන් වේ — එකතු වීම සිදු වන්නේ එතැනයි.</p>`,
  },
  {
    kind: "code",
    id: "c8",
    source: "x = torch.tensor(3.0, requires_grad=True)\ny = x * x\ny.backward()\nx.grad",
    exercise: {
      kind: "number",
      prompt: {
        en: "y = x * x at x = 3. What is x.grad after y.backward()?",
        si: "x = 3 දී y = x * x වේ. y.backward() ට පසු x.grad කීයද?"
      },
      answer: "6",
      mistakes: [
        {
          answer: "3",
          en: "x appears twice in x * x: each path gives 3 (the other factor), and where paths meet the gradients add: 3 + 3 = 6, the 2x of x².",
          si: "x * x හි x දෙවරක් ඇත: එක් එක් මාර්‍ගය 3 ක් දෙයි (අනෙක් සාධකය), මාර්‍ග හමු වන තැන අනුක්‍රමණ එකතු වේ: 3 + 3 = 6, එනම් x² හි 2x."
        },
        {
          answer: "9",
          en: "9 is y = 3 · 3. backward() fills x.grad with dy/dx, not with y.",
          si: "9 යනු y = 3 · 3 වේ. backward() x.grad පුරවන්නේ dy/dx වලින් මිස y වලින් නොවේ."
        }
      ],
      hint: {
        en: "x is used twice: the gradient along each use is added.",
        si: "x දෙවරක් භාවිත වේ: එක් එක් භාවිතය ඔස්සේ එන අනුක්‍රමණ එකතු වේ."
      }
    },
  },
  {
    kind: "text",
    en: `<p>The same happens with different operations: u = 2x and v = x² both use x, and y = u + v.
The path through u brings 2, the path through v brings 2x = 6; x.grad is their sum, 8.</p>`,
    si: `<p>වෙනස් මෙහෙයුම් සමඟද එසේමය: u = 2x සහ v = x² යන දෙකම x භාවිත කරන අතර y = u + v.
u හරහා යන මාර්‍ගය 2 ද, v හරහා යන මාර්‍ගය 2x = 6 ද ගෙන එයි; x.grad යනු ඒවායේ එකතුව වන 8 යි.</p>`,
  },
  {
    kind: "code",
    id: "c9",
    source: "x = torch.tensor(3.0, requires_grad=True)\nu = x * 2\nv = x ** 2\ny = u + v\ny.backward()\nx.grad",
    exercise: {
      kind: "number",
      prompt: {
        en: "u = 2x and v = x², y = u + v, at x = 3. What is x.grad?",
        si: "u = 2x සහ v = x², y = u + v, x = 3 දී. x.grad කීයද?"
      },
      answer: "8",
      mistakes: [
        {
          answer: "2",
          en: "2 is only the path through u = 2x. The path through v = x² gives 2x = 6 too, and paths that meet add: 2 + 6 = 8.",
          si: "2 යනු u = 2x හරහා යන මාර්‍ගය පමණි. v = x² හරහා යන මාර්‍ගය 2x = 6 ද දෙන අතර, හමු වන මාර්‍ග එකතු වේ: 2 + 6 = 8."
        },
        {
          answer: "6",
          en: "6 is only the path through v = x². The path through u = 2x adds 2: where paths meet, gradients add, 6 + 2 = 8.",
          si: "6 යනු v = x² හරහා යන මාර්‍ගය පමණි. u = 2x හරහා යන මාර්‍ගය 2 ක් එකතු කරයි: මාර්‍ග හමු වන තැන අනුක්‍රමණ එකතු වේ, 6 + 2 = 8."
        },
        {
          answer: "15",
          en: "15 is y = 6 + 9, the value. x.grad is dy/dx.",
          si: "15 යනු y = 6 + 9, එනම් අගයයි. x.grad යනු dy/dx ය."
        }
      ],
      hint: {
        en: "Follow both paths from y to x and add what each gives.",
        si: "y සිට x දක්වා මාර්‍ග දෙකම අනුගමනය කර එක් එක් මාර්‍ගය දෙන අගය එකතු කරන්න."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>.grad adds up, and only leaves keep it</h2>
<p>Two things surprise almost everyone. First, <code>backward()</code> does not overwrite
<code>.grad</code>: it adds to what is already there — gradients [[accumulate]]. Second, only
[[leaves]] (tensors you made with <code>requires_grad=True</code>) keep a <code>.grad</code>; the
gradient of an intermediate tensor is used on the way back and then dropped.</p>`,
    si: `<h2>.grad එකතු වේ, එය තබා ගන්නේ පත්‍ර නෝඩ පමණි</h2>
<p>දේවල් දෙකක් බොහෝ දෙනා පුදුමයට පත් කරයි. පළමුව, <code>backward()</code> <code>.grad</code>
උඩින් ලියන්නේ නැත: එය දැනටමත් ඇති දෙයට එකතු කරයි — අනුක්‍රමණ [[accumulate|සමුච්චය වේ]]. දෙවනුව,
<code>.grad</code> තබා ගන්නේ [[leaves]] (<code>requires_grad=True</code> සමඟ ඔබ සෑදූ ටෙන්සර)
පමණි; අතරමැදි ටෙන්සරයක අනුක්‍රමණය ආපසු යන ගමනේදී භාවිත කර ඉවත ලයි.</p>`,
  },
  {
    kind: "code",
    id: "c10",
    source: "x = torch.tensor(3.0, requires_grad=True)\n(x * x).backward()\n(x * x).backward()\nx.grad",
    exercise: {
      kind: "number",
      prompt: {
        en: "backward() runs twice on x * x at x = 3, with no zero_() between. What is x.grad?",
        si: "x = 3 දී x * x මත backward() දෙවරක් ධාවනය වේ, අතරට zero_() නැතිව. x.grad කීයද?"
      },
      answer: "12",
      mistakes: [
        {
          answer: "6",
          en: "Gradients accumulate: the second backward() adds its 6 to the 6 already in x.grad, giving 12. That is why training loops call x.grad.zero_() (or opt.zero_grad()) before backward().",
          si: "අනුක්‍රමණ සමුච්චය වේ: දෙවන backward() එහි 6, x.grad හි දැනටමත් ඇති 6 ට එකතු කර 12 දෙයි. පුහුණු කිරීමේ loops තුළ backward() ට පෙර x.grad.zero_() (හෝ opt.zero_grad()) කැඳවන්නේ එබැවිනි."
        }
      ],
      hint: {
        en: "Ask what backward() does to a .grad that already holds a number.",
        si: "දැනටමත් සංඛ්‍යාවක් ඇති .grad එකකට backward() කරන්නේ කුමක්දැයි සිතන්න."
      }
    },
  },
  {
    kind: "code",
    id: "c11",
    source: "x = torch.tensor(3.0, requires_grad=True)\nu = x * 2\ny = u ** 2\ny.backward()\nprint(x.grad)\nprint(u.grad)",
    exercise: {
      kind: "number",
      from: "output",
      item: -1,
      prompt: {
        en: "u = x * 2 is not a leaf. What does print(u.grad) show after y.backward()? (a number, or None)",
        si: "u = x * 2 පත්‍ර නෝඩයක් නොවේ. y.backward() ට පසු print(u.grad) පෙන්වන්නේ කුමක්ද? (සංඛ්‍යාවක්, නැතහොත් None)"
      },
      answer: "None",
      mistakes: [
        {
          answer: "12",
          en: "dy/du = 2u = 12 is computed on the way to x, but PyTorch keeps .grad only for leaf tensors (made by you with requires_grad=True). u.grad is None; call u.retain_grad() before backward() to keep it.",
          si: "dy/du = 2u = 12 x දක්වා යන ගමනේදී ගණනය වේ, නමුත් PyTorch .grad තබා ගන්නේ පත්‍ර ටෙන්සරවලට (requires_grad=True සමඟ ඔබ සෑදූ) පමණි. u.grad හි අගය None වේ; එය තබා ගැනීමට backward() ට පෙර u.retain_grad() කැඳවන්න."
        },
        {
          answer: "24",
          en: "24 is x.grad (dy/dx), printed on the line above. u is not a leaf, so its .grad stays None.",
          si: "24 යනු ඉහත පේළියේ මුද්‍රණය වූ x.grad (dy/dx) ය. u පත්‍ර නෝඩයක් නොවන බැවින් එහි .grad None ලෙසම පවතී."
        }
      ],
      hint: {
        en: "Which tensors does PyTorch fill .grad for?",
        si: "PyTorch .grad පුරවන්නේ කුමන ටෙන්සරවලටද?"
      }
    },
  },
  {
    kind: "text",
    en: `<h2>backward() on more than one number</h2>
<p>Above, y was always a single number. What if y holds two?</p>`,
    si: `<h2>සංඛ්‍යා එකකට වඩා ඇති විට backward()</h2>
<p>ඉහත y සැමවිටම තනි සංඛ්‍යාවක් විය. y තුළ සංඛ්‍යා දෙකක් ඇත්නම් කුමක් වේද?</p>`,
  },
  {
    kind: "code",
    id: "c12",
    source: "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * x\ny.backward()",
    exercise: {
      kind: "error",
      prompt: {
        en: "y = x * x holds two numbers. What happens at y.backward()? (the exception's name, or “no error”)",
        si: "y = x * x තුළ සංඛ්‍යා දෙකක් ඇත. y.backward() හිදී කුමක් සිදු වේද? (exception එකේ නම, නැතහොත් “no error”)"
      },
      answer: "RuntimeError",
      mistakes: [
        {
          answer: "no error",
          en: "backward() with no argument needs a scalar: it starts from the gradient 1 of a single number. For a y with two numbers PyTorch raises RuntimeError: reduce first, y.sum().backward(), or pass a gradient of y's shape, y.backward(torch.ones_like(y)).",
          si: "argument නැති backward() සඳහා අදිශයක් අවශ්‍යයි: එය ආරම්භ වන්නේ තනි සංඛ්‍යාවක අනුක්‍රමණය වන 1 සිටය. සංඛ්‍යා දෙකක් ඇති y සඳහා PyTorch RuntimeError දෙයි: පළමුව y.sum().backward() ලෙස එකතු කරන්න, නැතහොත් y හි හැඩයේම අනුක්‍රමණයක් දෙන්න, y.backward(torch.ones_like(y))."
        },
        {
          answer: "TypeError",
          en: "The call itself is fine (no wrong argument type): it is the value of y that is the problem, a RuntimeError — backward() with no argument needs a single number.",
          si: "කැඳවීමම නිවැරදියි (වැරදි argument වර්‍ගයක් නැත): ගැටලුව y හි අගයයි, එය RuntimeError එකකි — argument නැති backward() සඳහා තනි සංඛ්‍යාවක් අවශ්‍යයි."
        }
      ],
      hint: {
        en: "backward() with no argument starts from dy/dy = 1: ask what that 1 is when y has two numbers.",
        si: "argument නැති backward() ආරම්භ වන්නේ dy/dy = 1 සිටය: y තුළ සංඛ්‍යා දෙකක් ඇති විට එම 1 කුමක්දැයි සිතන්න."
      }
    },
  },
  {
    kind: "text",
    en: `<p>Next: lesson 3 uses the same tools on the notebook gradlab grew from — a number and a whole
matrix.</p>`,
    si: `<p>ඊළඟට: තුන්වන පාඩමේදී gradlab ආරම්භ වූ notebook එකේ සංඛ්‍යාවක් සහ සම්පූර්‍ණ න්‍යාසයක් මත මෙම
මෙවලම්ම භාවිත කරමු.</p>`,
  },
], expected);
