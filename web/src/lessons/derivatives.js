// Lesson 1 — derivatives and slopes: f(x) = x³ − 2x, its derivative by hand, by finite
// differences as h shrinks (in Python floats, then in float32 where rounding wins), and by
// backward(); the secant/tangent picture with sliders for x and h. English and Sinhala; glossary
// markup [[key]] (../glossary.js); outputs in derivatives.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./derivatives.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>Derivatives and slopes</h1>
<p>A [[derivative]] tells how fast a [[function]] changes. Draw the curve y = f(x) and the
[[tangent]] that touches it at one point: the derivative f′(x) is the [[slope]] of that tangent.
In this lesson we find it three ways — by hand, by measuring, and with PyTorch — and see that they
agree. Every cell runs live in your browser; change any number and run it again.</p>`,
    si: `<h1>ව්‍යුත්පන්න සහ අනුක්‍රමණ</h1>
<p>[[function|ශ්‍රිතයක්]] කොතරම් වේගයෙන් වෙනස් වේදැයි [[derivative]] අපට කියයි. y = f(x) වක්‍රය
ඇඳ, එය එක් ලක්ෂ්‍යයක දී ස්පර්‍ශ කරන [[tangent]] ගැන සිතන්න: f′(x) ව්‍යුත්පන්නය යනු එම ස්පර්‍ශක
රේඛාවේ [[slope]] යි. මෙම පාඩමේදී අපි එය ක්‍රම තුනකින් සොයමු — අතින්, මැනීමෙන් සහ PyTorch
මගින් — ඒවා එකම පිළිතුර දෙන බව බලමු. සෑම cell එකක්ම ඔබගේ browser එක තුළ සජීවීව ධාවනය වේ;
ඕනෑම සංඛ්‍යාවක් වෙනස් කර නැවත ධාවනය කරන්න.</p>`,
  },
  { kind: "code", id: "c1", source: "import torch" },
  {
    kind: "text",
    en: `<h2>A function</h2>
<p>Our function is f(x) = x³ − 2x. In Python it is an ordinary <code>def</code>; the same
<code>f</code> works on plain numbers and on [[tensors]].</p>`,
    si: `<h2>ශ්‍රිතයක්</h2>
<p>අපගේ ශ්‍රිතය f(x) = x³ − 2x වේ. Python වලදී එය සාමාන්‍ය <code>def</code> එකකි; එකම
<code>f</code> සාමාන්‍ය සංඛ්‍යා මතත් [[tensors|ටෙන්සර]] මතත් ක්‍රියා කරයි.</p>`,
  },
  { kind: "code", id: "c2", source: "def f(x):\n    return x**3 - 2*x" },
  {
    kind: "text",
    en: `<h2>1. By hand</h2>
<p>The power rule gives the derivative of xⁿ as n·xⁿ⁻¹, so f′(x) = 3x² − 2. At x = 2 that is
3·4 − 2 = 10.</p>`,
    si: `<h2>1. අතින්</h2>
<p>xⁿ හි ව්‍යුත්පන්නය n·xⁿ⁻¹ බව බල නීතියෙන් දනිමු; එබැවින් f′(x) = 3x² − 2. x = 2 ආදේශ කළ විට
එය 3·4 − 2 = 10 වේ.</p>`,
  },
  {
    kind: "code",
    id: "c3",
    source: "# the derivative by hand: f'(x) = 3x² - 2\ndef df(x):\n    return 3*x**2 - 2\n\ndf(2.0)",
    exercise: {
      kind: "number",
      prompt: {
        en: "What number does df(2.0) return?",
        si: "df(2.0) ලබා දෙන සංඛ්‍යාව කුමක්ද?"
      },
      answer: "10.0",
      mistakes: [
        {
          answer: "4",
          en: "4 is f(2) = 2³ − 2·2, the value of the function itself. df is its derivative 3x² − 2, so 3·4 − 2.",
          si: "4 යනු f(2) = 2³ − 2·2, එනම් ශ්‍රිතයේම අගයයි. df යනු එහි ව්‍යුත්පන්නය 3x² − 2 බැවින් 3·4 − 2."
        },
        {
          answer: "12",
          en: "12 is 3x² alone: the derivative of −2x is −2, and it stays in.",
          si: "12 යනු 3x² පමණි: −2x හි ව්‍යුත්පන්නය −2 වන අතර එයද එකතු විය යුතුය."
        }
      ],
      hint: {
        en: "df is the derivative 3x² − 2: put x = 2 into it.",
        si: "df යනු 3x² − 2 ව්‍යුත්පන්නයයි: එහි x = 2 ආදේශ කරන්න."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>2. By measuring: finite differences</h2>
<p>Take a second point a small step h to the right. The line through (x, f(x)) and
(x + h, f(x + h)) is a [[secant]]; its slope is the [[finitediff]]
<b>(f(x + h) − f(x)) / h</b>. As h shrinks, the second point slides towards the first and the
secant turns into the tangent: the finite difference approaches the derivative (its [[limit]]).</p>`,
    si: `<h2>2. මැනීමෙන්: පරිමිත අන්තර</h2>
<p>x සිට h නම් කුඩා පියවරක් දකුණට ගොස් දෙවන ලක්ෂ්‍යයක් ගන්න. (x, f(x)) සහ (x + h, f(x + h))
හරහා යන රේඛාව [[secant]] වේ; එහි අනුක්‍රමණය <b>(f(x + h) − f(x)) / h</b> නම්
[[finitediff]] යි. h කුඩා වන විට දෙවන ලක්ෂ්‍යය පළමු ලක්ෂ්‍යය දෙසට ලිස්සා යන අතර ඡේදක රේඛාව
ස්පර්‍ශක රේඛාව බවට පත් වේ: පරිමිත අන්තරය ව්‍යුත්පන්නයට ළං වේ. ව්‍යුත්පන්නය යනු h → 0 වන විට
පරිමිත අන්තරයේ [[limit]] යි.</p>`,
  },
  { kind: "code", id: "c4", source: "x0 = 2.0\nfor h in [1.0, 0.1, 0.01, 0.001, 0.0001]:\n    print(h, (f(x0 + h) - f(x0)) / h)" },
  {
    kind: "text",
    en: `<p>17, 10.61, 10.06, 10.006, 10.0006: each time h is ten times smaller, the error is about ten
times smaller too. In the picture, move x and make h smaller: the secant swings onto the dashed
tangent, and the two numbers above the plot meet.</p>`,
    si: `<p>17, 10.61, 10.06, 10.006, 10.0006: h දස ගුණයකින් කුඩා වන සෑම වාරයකම දෝෂයද දස ගුණයකින් පමණ
කුඩා වේ. රූපයේ x චලනය කර h කුඩා කරන්න: ඡේදක රේඛාව කඩ ඉරෙන් ඇඳි ස්පර්‍ශක රේඛාව මතට හැරෙන අතර
වක්‍රයට ඉහළින් ඇති සංඛ්‍යා දෙක එකිනෙකට ළං වේ.</p>`,
  },
  { kind: "picture", id: "secant", cell: "c2", x: 1, load: () => import("./secant-picture.js") },
  {
    kind: "text",
    en: `<h2>3. With PyTorch: backward()</h2>
<p>Make x a tensor that <code>requires_grad</code>, compute y = f(x), and call
<code>y.backward()</code>. PyTorch applies the derivative rules of every operation it recorded, so
<code>x.grad</code> holds dy/dx at x = 2 — exactly 10, with no h at all.</p>`,
    si: `<h2>3. PyTorch සමඟ: backward()</h2>
<p>x, <code>requires_grad</code> සහිත ටෙන්සරයක් ලෙස සාදා, y = f(x) ගණනය කර
<code>y.backward()</code> කැඳවන්න. PyTorch තමා සටහන් කර ගත් සෑම මෙහෙයුමකම ව්‍යුත්පන්න නීති
යොදයි; එබැවින් <code>x.grad</code> තුළ x = 2 හි dy/dx රැඳේ — h කිසිවක් නැතිව, හරියටම 10.</p>`,
  },
  { kind: "code", id: "c5", source: "x = torch.tensor(2.0, requires_grad=True)\ny = f(x)\ny" },
  {
    kind: "code",
    id: "c6",
    source: "y.backward()\nx.grad",
    exercise: {
      kind: "number",
      prompt: {
        en: "After y.backward(), what number does x.grad hold?",
        si: "y.backward() ට පසු x.grad හි ඇති සංඛ්‍යාව කුමක්ද?"
      },
      answer: "10",
      mistakes: [
        {
          answer: "4",
          en: "4 is y, the value f(2). backward() does not copy y: it puts the derivative dy/dx into x.grad.",
          si: "4 යනු y, එනම් f(2) අගයයි. backward() y පිටපත් නොකරයි: එය dy/dx ව්‍යුත්පන්නය x.grad තුළ තබයි."
        },
        {
          answer: "2",
          en: "2 is x itself. x.grad is the slope of f at x = 2, not x.",
          si: "2 යනු x ම වේ. x.grad යනු x = 2 දී f හි අනුක්‍රමණයයි, x නොවේ."
        }
      ],
      hint: {
        en: "x.grad holds dy/dx at x = 2: the same number as df(2.0) above.",
        si: "x.grad හි ඇත්තේ x = 2 දී dy/dx ය: ඉහත df(2.0) හි අගයමයි."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>Why not just make h tiny?</h2>
<p>Computers keep only so many digits. Tensors hold 32-bit floats (about 7 digits), so for a very
small h, f(x + h) and f(x) round to nearly the same number and their difference is mostly rounding
error. Below, the quotient first gets better, then worse, and at h = 10⁻⁷ it is 0. backward() has
no such trade-off: it never subtracts nearby values.</p>`,
    si: `<h2>h ඉතා කුඩා නොකරන්නේ ඇයි?</h2>
<p>පරිගණක තබා ගන්නේ සීමිත ඉලක්කම් ගණනකි. ටෙන්සරවල ඇත්තේ bit 32 [[floats]] (ඉලක්කම් 7 ක් පමණ)
බැවින්, h ඉතා කුඩා වූ විට f(x + h) සහ f(x) වටයා ලැබෙන්නේ බොහෝ දුරට එකම සංඛ්‍යාවයි; ඒවායේ
වෙනස බොහෝ දුරට වටයීමේ දෝෂයකි. පහත, ලබ්ධිය මුලින් හොඳ වී පසුව නරක් වන අතර h = 10⁻⁷ දී එය 0
වේ. backward() ට මෙවැනි ගැටලුවක් නැත: එය කිසි විටෙක ළඟ ළඟ ඇති අගයන් අඩු නොකරයි.</p>`,
  },
  {
    kind: "code",
    id: "c7",
    source: "xd = x.detach()\nfor h in [0.1, 0.001, 0.00001, 0.0000001]:\n    print(h, ((f(xd + h) - f(xd)) / h).item())",
    exercise: {
      kind: "number",
      from: "output",
      item: -1,
      prompt: {
        en: "The last line uses h = 0.0000001 with a float32 tensor. What is the last number it prints?",
        si: "අවසාන පේළිය float32 ටෙන්සරයක් සමඟ h = 0.0000001 භාවිත කරයි. එය මුද්‍රණය කරන අවසාන සංඛ්‍යාව කුමක්ද?"
      },
      answer: "0.0",
      mistakes: [
        {
          answer: "10",
          en: "In float32 (about 7 significant digits) 2.0 + 0.0000001 rounds back to 2.0, so f(x + h) − f(x) is exactly 0 and so is the quotient: too small an h loses everything to rounding.",
          si: "float32 හි (සාර්‍ථක ඉලක්කම් 7 ක් පමණ) 2.0 + 0.0000001 නැවත 2.0 ලෙස වටයයි; එබැවින් f(x + h) − f(x) හරියටම 0 වන අතර භාගයද 0 වේ: h ඉතා කුඩා වූ විට වැටයීම නිසා සියල්ල නැති වේ."
        }
      ],
      hint: {
        en: "float32 keeps about 7 significant digits: look at what 2.0 + 0.0000001 is in float32.",
        si: "float32 තබා ගන්නේ සාර්‍ථක ඉලක්කම් 7 ක් පමණ ය: float32 හි 2.0 + 0.0000001 කීයදැයි බලන්න."
      }
    },
  },
  {
    kind: "text",
    en: `<p>Next: lesson 2 follows a derivative through a chain of functions — the rule that
backward() applies node by node.</p>`,
    si: `<p>ඊළඟට: ශ්‍රිත දාමයක් හරහා ව්‍යුත්පන්නයක් ගමන් කරන ආකාරය දෙවන පාඩමෙන් බලමු — backward()
නෝඩයෙන් නෝඩයට යොදන්නේ එම නීතියයි.</p>`,
  },
], expected);
