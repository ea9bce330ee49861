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
  { kind: "code", id: "c3", source: "c = a + b\nc" },
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
  { kind: "code", id: "c5", source: "c.mean(dim=1, keepdim=True)" },
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
  { kind: "code", id: "c6", source: "a = torch.tensor([[1.], [2.], [3.]], requires_grad=True)\nb = torch.tensor([[10., 20., 30.]], requires_grad=True)\nc = a * b\nc.sum().backward()\nprint(a.grad)\nprint(b.grad)" },
  {
    kind: "text",
    en: `<p>The same sum written out for b: ∂c[i, j]/∂b[j] = a[i], so stretch a to (3, 3) and add
down dim 0, keeping it. The result is b.grad: what b collects from every row of c.</p>`,
    si: `<p>b සඳහා එම එකතුවම අතින් ලියමු: ∂c[i, j]/∂b[j] = a[i] බැවින්, a, (3, 3) දක්වා දිගු කර
0 වන මානය ඔස්සේ (එය රඳවා ගනිමින්) එකතු කරන්න. ප්‍රතිඵලය b.grad යි: එනම් c හි සෑම පේළියකින්ම
b ට ලැබෙන අනුක්‍රමණවල එකතුවයි.</p>`,
  },
  { kind: "code", id: "c7", source: "print(a.grad.shape, b.grad.shape)\nprint(a.detach().expand(3, 3).sum(dim=0, keepdim=True))" },
], expected);
