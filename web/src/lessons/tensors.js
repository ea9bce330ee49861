// Lesson 4 — tensors, broadcasting and reductions: shapes, (3,1) + (1,3), sum/mean over a dim,
// and why the gradient of a broadcast input is summed back; the shape picture
// (shapes-picture.js). English and Sinhala; outputs in tensors.expected.js (PyTorch 1.13).
import { withExpected } from "./index.js";
import { expected } from "./tensors.expected.js";

export const blocks = withExpected([
  {
    kind: "text",
    en: `<h1>Tensors, broadcasting and reductions</h1>
<p>A [[tensor]] is a grid of numbers with a [[shape]]: a [[scalar]] has shape (), a [[vector]] of 3
numbers (3,), a 3×3 [[matrix]] (3, 3). Each entry of the shape is a [[dim]]. This lesson shows
how PyTorch combines tensors of different shapes, how it sums a dimension away, and what both mean
for gradients.</p>`,
    si: `<h1>ටෙන්සර, විකාශනය සහ ඌනනය</h1>
<p>[[tensor|ටෙන්සරයක්]] යනු [[shape|හැඩයක්]] ඇති සංඛ්‍යා ජාලයකි: [[scalar|අදිශයක]] හැඩය (),
සංඛ්‍යා 3 ක [[vector|දෛශිකයක]] හැඩය (3,), 3×3 [[matrix|න්‍යාසයක]] හැඩය (3, 3) වේ. හැඩයේ සෑම
සංඛ්‍යාවක්ම [[dim|මානයකි]]. වෙනස් හැඩ ඇති ටෙන්සර PyTorch එකිනෙක හා ගළපන ආකාරය, මානයක් එකතු කර ඉවත්
කරන ආකාරය සහ ඒ දෙකම අනුක්‍රමණවලට බලපාන ආකාරය මෙම පාඩමෙන් බලමු.</p>`,
  },
  { kind: "code", id: "c1", source: "import torch" },
  {
    kind: "text",
    en: `<h2>Broadcasting</h2>
<p><code>a</code> is a column of shape (3, 1), <code>b</code> a row of shape (1, 3). Adding them
looks impossible, but [[broadcasting]] stretches every dim of size 1 to match the other tensor:
both become (3, 3), and c[i, j] = a[i, 0] + b[0, j]. Nothing is copied in memory; the picture
shows the stretched entries faded.</p>`,
    si: `<h2>විකාශනය</h2>
<p><code>a</code> යනු (3, 1) හැඩය ඇති තීරුවකි; <code>b</code> යනු (1, 3) හැඩය ඇති පේළියකි.
ඒවා එකතු කිරීම කළ නොහැකි සේ පෙනුණත්, [[broadcasting]] මගින් ප්‍රමාණය 1 වූ සෑම මානයක්ම අනෙක්
ටෙන්සරයට ගැළපෙන සේ දිගු කෙරේ: දෙකම (3, 3) බවට පත් වන අතර c[i, j] = a[i, 0] + b[0, j] වේ.
මතකයේ කිසිවක් පිටපත් නොවේ; රූපයේ, දිගු කිරීමෙන් ලැබුණු අවයව අඳුරු පැහැයෙන් පෙන්වා ඇත.</p>`,
  },
  { kind: "code", id: "c2", source: "a = torch.tensor([[1.], [2.], [3.]])\nb = torch.tensor([[10., 20., 30.]])\nprint(a.shape, b.shape)" },
  {
    kind: "code",
    id: "c3",
    source: "c = a + b\nc",
    exercise: {
      kind: "shape",
      prompt: {
        en: "a has shape (3, 1) and b has shape (1, 3). What is the shape of c = a + b?",
        si: "a හි හැඩය (3, 1) සහ b හි හැඩය (1, 3) වේ. c = a + b හි හැඩය කුමක්ද?"
      },
      answer: "(3, 3)",
      mistakes: [
        {
          answer: "(3, 1)",
          en: "Both inputs stretch, not only b: a's size-1 columns stretch to 3 and b's size-1 rows stretch to 3, so c is (3, 3).",
          si: "දිගු වන්නේ b පමණක් නොවේ, දෙකම ය: a හි 1 ප්‍රමාණයේ තීරු 3 දක්වාත් b හි 1 ප්‍රමාණයේ පේළි 3 දක්වාත් දිගු වේ; එබැවින් c (3, 3) වේ."
        },
        {
          answer: "(1, 3)",
          en: "Both inputs stretch, not only a: a's size-1 columns stretch to 3 and b's size-1 rows stretch to 3, so c is (3, 3).",
          si: "දිගු වන්නේ a පමණක් නොවේ, දෙකම ය: a හි 1 ප්‍රමාණයේ තීරු 3 දක්වාත් b හි 1 ප්‍රමාණයේ පේළි 3 දක්වාත් දිගු වේ; එබැවින් c (3, 3) වේ."
        }
      ],
      hint: {
        en: "Broadcasting compares sizes dim by dim; a size 1 stretches to match the other.",
        si: "විකාශනය මානයෙන් මානය ප්‍රමාණ සසඳයි; 1 ප්‍රමාණයක් අනෙකට ගැළපෙන සේ දිගු වේ."
      }
    },
  },
  { kind: "picture", id: "shapes", cell: "c2", load: () => import("./shapes-picture.js") },
  {
    kind: "text",
    en: `<h2>Reductions</h2>
<p>A [[reduction]] turns many numbers into fewer. <code>c.sum()</code> adds everything into a
scalar; <code>c.sum(dim=0)</code> adds down the columns, so dim 0 disappears and (3, 3) becomes
(3,); <code>dim=1</code> adds along the rows. <code>mean</code> works the same way, and
<code>keepdim=True</code> keeps the reduced dim with size 1.</p>`,
    si: `<h2>ඌනනය</h2>
<p>[[reduction]] යනු බොහෝ සංඛ්‍යා අඩු සංඛ්‍යාවක් බවට පත් කිරීමයි. <code>c.sum()</code> සියල්ල
එකතු කර අදිශයක් සාදයි; <code>c.sum(dim=0)</code> තීරු දිගේ පහළට එකතු කරයි, එබැවින් 0 වන මානය
ඉවත් වී (3, 3) හැඩය (3,) වේ; <code>dim=1</code> පේළි දිගේ එකතු කරයි. <code>mean</code>
([[mean]]) ද එලෙසම ක්‍රියා කරන අතර <code>keepdim=True</code> මගින් ඌනනය කළ මානය ප්‍රමාණය 1
ලෙස රඳවා ගනී.</p>`,
  },
  { kind: "code", id: "c4", source: "print(c.sum())\nprint(c.sum(dim=0))\nprint(c.sum(dim=1))" },
  {
    kind: "code",
    id: "c5",
    source: "c.mean(dim=1, keepdim=True)",
    exercise: {
      kind: "shape",
      prompt: {
        en: "c is (3, 3). What is the shape of c.mean(dim=1, keepdim=True)?",
        si: "c හි හැඩය (3, 3) වේ. c.mean(dim=1, keepdim=True) හි හැඩය කුමක්ද?"
      },
      answer: "(3, 1)",
      mistakes: [
        {
          answer: "(3,)",
          en: "keepdim=True keeps the reduced dim with size 1, so the result is (3, 1), a column; without keepdim it would be (3,).",
          si: "keepdim=True ඌනනය කළ මානය 1 ප්‍රමාණයෙන් තබා ගනී; එබැවින් ප්‍රතිඵලය (3, 1) තීරුවකි; keepdim නැතිව එය (3,) වේ."
        },
        {
          answer: "(1, 3)",
          en: "dim=1 runs along a row, so each row becomes one number: 3 rows, 1 column, (3, 1). (1, 3) would be dim=0.",
          si: "dim=1 පේළියක් දිගේ යයි; එබැවින් සෑම පේළියක්ම එක් සංඛ්‍යාවක් වේ: පේළි 3, තීරු 1, (3, 1). (1, 3) ලැබෙන්නේ dim=0 සඳහාය."
        }
      ],
      hint: {
        en: "dim=1 is the one reduced; keepdim decides whether it stays.",
        si: "ඌනනය වන්නේ dim=1 ය; එය රැඳෙන්නේද යන්න keepdim තීරණය කරයි."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>Gradients flow back through broadcasting</h2>
<p>Each a[i] was used in three entries of c (one per column), so its gradient collects three
contributions: backward() sums the gradient over the dims that were stretched, and
<code>a.grad</code> has a's own shape (3, 1). Here c = a * b and we call
<code>c.sum().backward()</code>: ∂c[i, j]/∂a[i] = b[j], so a.grad = 10 + 20 + 30 = 60 in every
row, and b.grad = 1 + 2 + 3 = 6 in every column.</p>`,
    si: `<h2>අනුක්‍රමණ විකාශනය හරහා ආපසු ගලයි</h2>
<p>සෑම a[i] එකක්ම c හි අවයව තුනක (එක් තීරුවකට එකක් බැගින්) භාවිත විය; එබැවින් එහි අනුක්‍රමණයට
දායකත්ව තුනක් එකතු වේ: දිගු කළ මාන ඔස්සේ backward() අනුක්‍රමණය එකතු කරන අතර
<code>a.grad</code> හි හැඩය a හි හැඩයම වන (3, 1) වේ. මෙහි c = a * b වන අතර අපි
<code>c.sum().backward()</code> කැඳවමු: ∂c[i, j]/∂a[i] = b[j] බැවින් සෑම පේළියකම
a.grad = 10 + 20 + 30 = 60 ද, සෑම තීරුවකම b.grad = 1 + 2 + 3 = 6 ද වේ.</p>`,
  },
  {
    kind: "code",
    id: "c6",
    source: "a = torch.tensor([[1.], [2.], [3.]], requires_grad=True)\nb = torch.tensor([[10., 20., 30.]], requires_grad=True)\nc = a * b\nc.sum().backward()\nprint(a.grad)\nprint(b.grad)",
    exercise: {
      kind: "tensor",
      from: "output",
      item: 0,
      prompt: {
        en: "c = a * b with a (3, 1) and b = [[10., 20., 30.]]. What does print(a.grad) show?",
        si: "a (3, 1) සහ b = [[10., 20., 30.]] සමඟ c = a * b වේ. print(a.grad) පෙන්වන්නේ කුමක්ද?"
      },
      answer: "[[60.], [60.], [60.]]",
      mistakes: [
        {
          answer: "[[10., 20., 30.]]",
          en: "That is b. a.grad has a's shape (3, 1): each a[i] multiplied every entry of b, and the gradient of a stretched input is summed back: 10 + 20 + 30 = 60.",
          si: "එය b වේ. a.grad හි හැඩය a හි හැඩය (3, 1) වේ: සෑම a[i] ක්ම b හි සෑම අවයවයකින්ම ගුණ විය, දිගු කළ ආදානයක අනුක්‍රමණය නැවත එකතු කෙරේ: 10 + 20 + 30 = 60."
        },
        {
          answer: "[[60., 60., 60.]]",
          en: "The values are right, the shape is not: a.grad has a's shape, the column (3, 1), not b's row.",
          si: "අගයන් නිවැරදියි, හැඩය වැරදිය: a.grad හි හැඩය a හි හැඩය වන (3, 1) තීරුවයි, b හි පේළිය නොවේ."
        }
      ],
      hint: {
        en: "a.grad has a's shape; each a[i] was stretched across all of b.",
        si: "a.grad හි හැඩය a හි හැඩයමයි; සෑම a[i] ක්ම b පුරා දිගු විය."
      }
    },
  },
  {
    kind: "text",
    en: `<p>The same sum written out for b: ∂c[i, j]/∂b[j] = a[i], so stretch a to (3, 3) and add
down dim 0, keeping it. The result is b.grad: what b collects from every row of c.</p>`,
    si: `<p>b සඳහා එම එකතුවම අතින් ලියමු: ∂c[i, j]/∂b[j] = a[i] බැවින්, a, (3, 3) දක්වා දිගු කර
0 වන මානය ඔස්සේ (එය රඳවා ගනිමින්) එකතු කරන්න. ප්‍රතිඵලය b.grad යි: එනම් c හි සෑම පේළියකින්ම
b ට ලැබෙන අනුක්‍රමණවල එකතුවයි.</p>`,
  },
  { kind: "code", id: "c7", source: "print(a.grad.shape, b.grad.shape)\nprint(a.detach().expand(3, 3).sum(dim=0, keepdim=True))" },
  {
    kind: "text",
    en: `<h2>Integer tensors</h2>
<p>Numbers written without a decimal point make an integer tensor (<code>torch.int64</code>).
What happens when you divide one?</p>`,
    si: `<h2>නිඛිල ටෙන්සර</h2>
<p>දශම තිතක් නැතිව ලියූ සංඛ්‍යා නිඛිල ටෙන්සරයක් (<code>torch.int64</code>) සාදයි. එවැන්නක්
බෙදූ විට කුමක් සිදු වේද?</p>`,
  },
  {
    kind: "code",
    id: "c8",
    source: "n = torch.tensor([1, 2, 3])\nprint(n.dtype)\nn / 2",
    exercise: {
      kind: "tensor",
      prompt: {
        en: "n = torch.tensor([1, 2, 3]) is an integer tensor. What is n / 2?",
        si: "n = torch.tensor([1, 2, 3]) නිඛිල ටෙන්සරයකි. n / 2 කුමක්ද?"
      },
      answer: "[0.5, 1.0, 1.5]",
      mistakes: [
        {
          answer: "[0, 1, 1]",
          en: "/ is true division in PyTorch, as in Python 3: an integer tensor divided by 2 gives floats, [0.5, 1.0, 1.5]. // floors. And an integer tensor can never require grad: gradients need floats.",
          si: "PyTorch හි / යනු Python 3 හි මෙන් සැබෑ බෙදීමයි: නිඛිල ටෙන්සරයක් 2 න් බෙදූ විට ඉපිලුම් ලක්ෂ්‍ය සංඛ්‍යා [0.5, 1.0, 1.5] ලැබේ. // පහළට වටයයි. නිඛිල ටෙන්සරයකට කිසි විටෙක requires grad විය නොහැක: අනුක්‍රමණවලට ඉපිලුම් ලක්ෂ්‍ය සංඛ්‍යා අවශ්‍යයි."
        }
      ],
      hint: {
        en: "Look at what / means in Python 3, and whether PyTorch follows it.",
        si: "Python 3 හි / යනු කුමක්ද, PyTorch එය අනුගමනය කරන්නේද යන්න බලන්න."
      }
    },
  },
  {
    kind: "text",
    en: `<h2>Can an integer tensor require grad?</h2>`,
    si: `<h2>නිඛිල ටෙන්සරයකට requires grad විය හැකිද?</h2>`,
  },
  {
    kind: "code",
    id: "c9",
    source: "k = torch.tensor([1, 2, 3], requires_grad=True)",
    exercise: {
      kind: "error",
      prompt: {
        en: "What happens when this cell runs? (the exception's name, or “no error”)",
        si: "මෙම cell එක ධාවනය වන විට කුමක් සිදු වේද? (exception එකේ නම, නැතහොත් “no error”)"
      },
      answer: "RuntimeError",
      mistakes: [
        {
          answer: "no error",
          en: "Gradients exist only for floating point tensors: [1, 2, 3] makes torch.int64, and requires_grad=True on it is a RuntimeError. Write [1., 2., 3.] (or dtype=torch.float32).",
          si: "අනුක්‍රමණ ඇත්තේ ඉපිලුම් ලක්ෂ්‍ය ටෙන්සර සඳහා පමණි: [1, 2, 3] torch.int64 සාදයි, එයට requires_grad=True දීම RuntimeError එකකි. [1., 2., 3.] ලෙස ලියන්න (නැතහොත් dtype=torch.float32)."
        }
      ],
      hint: {
        en: "Think of what a gradient is: a small change in a value. Can an integer change a little?",
        si: "අනුක්‍රමණයක් යනු කුමක්දැයි සිතන්න: අගයක කුඩා වෙනසකි. නිඛිලයක් ටිකක් වෙනස් විය හැකිද?"
      }
    },
  },
], expected);
