// Lesson 3 — the seed notebook (shared/seed/000_*.txt): PyTorch autograd basics, every
// explanation in English and Sinhala. Text blocks are trusted HTML with glossary markup:
// [[key]] or [[key|shown words]] (keys in ../glossary.js). In Sinhala the first use of each term
// is followed by its English word, as GLOSSARY.md asks. Code cells are the seed's cells, unchanged;
// Their outputs are PyTorch 1.13's (backprop.expected.js; the tests also hold them to the seed's).
// Sinhala conjuncts carry the zero width joiner (U+200D); tests run sinhala-lint over this file.

import { withExpected } from "./index.js";
import { expected } from "./backprop.expected.js";

const TDS = "https://towardsdatascience.com/pytorch-autograd-understanding-the-heart-of-pytorchs-magic-2686cd94ec95";
const VIDEO = "https://www.youtube.com/watch?v=tIpKfDc295M";

export const blocks = withExpected([
    {
      kind: "text",
      en: `<h1>Backpropagation using PyTorch</h1>
<p>This lesson follows the notebook gradlab grew from. Every code cell below is live: it runs in
your browser on gradlab's C++ engine, compiled to WebAssembly. Edit any cell and run it again.</p>
<p>Further reading: <a href="${TDS}" target="_blank" rel="noopener">PyTorch Autograd — understanding
the heart of PyTorch’s magic</a>.<br>
[[gradient|Gradient]] (අනුක්‍රමණය): <a href="${VIDEO}" target="_blank" rel="noopener">a video explanation</a>.<br>
[[derivative|Derivative]] — ව්‍යුත්පන්නය.</p>`,
      si: `<h1>PyTorch භාවිතයෙන් [[backprop]]</h1>
<p>මෙම පාඩම gradlab ආරම්භ වූ notebook එක අනුගමනය කරයි. පහත සෑම code cell එකක්ම සජීවීය: එය ඔබගේ
browser එක තුළ, WebAssembly බවට සම්පාදනය කළ gradlab හි C++ engine එක මත ධාවනය වේ. ඕනෑම cell
එකක් වෙනස් කර නැවත ධාවනය කරන්න.</p>
<p>වැඩිදුර කියවීමට: <a href="${TDS}" target="_blank" rel="noopener">PyTorch Autograd — understanding
the heart of PyTorch’s magic</a> (ඉංග්‍රීසියෙන්).<br>
[[gradient]]: <a href="${VIDEO}" target="_blank" rel="noopener">පැහැදිලි කිරීමේ වීඩියෝව</a>.<br>
[[derivative]].</p>`,
    },
    {
      kind: "text",
      en: `<p><b>Tensors:</b> in simple words, a [[tensor]] is just an n-dimensional array in PyTorch.
Tensors support some additional enhancements which make them unique: apart from the CPU, they can
be loaded on the GPU for faster computations. On setting <code>.requires_grad = True</code> they
start forming a backward graph that tracks every operation applied on them, to calculate the
[[gradients]] using something called a [[dcg]] (DCG).</p>
<p><code>torch.Tensor</code> is capable of tracking history and behaves like the old
<code>Variable</code>.</p>`,
      si: `<p><b>ටෙන්සර:</b> සරලව කිවහොත්, PyTorch හි [[tensor|ටෙන්සරයක්]] යනු n-මාන අරාවක්
(n-dimensional array) පමණි. ටෙන්සරවලට ඒවා විශේෂ කරන අමතර හැකියාවන් කිහිපයක් ඇත: CPU එකට අමතරව,
වේගවත් ගණනය කිරීම් සඳහා ඒවා GPU එකට ද පැටවිය හැකිය. <code>.requires_grad = True</code> ලෙස
සැකසූ විට, ඒවා මත යොදන සෑම මෙහෙයුමක්ම ආපසු ප්‍රස්ථාරයක (backward graph) සටහන් වේ; මෙය කෙටියෙන් DCG ලෙස
හැඳින්වෙන [[dcg|ගතික ගණනය කිරීමේ ප්‍රස්ථාරයකි]]. [[gradients]] ගණනය කරන්නේ එය ඔස්සේය.</p>
<p><code>torch.Tensor</code> තමන්ගේ ඉතිහාසය සටහන් කර ගන්නා අතර, පැරණි <code>Variable</code>
මෙන් හැසිරේ.</p>`,
    },
    {
      kind: "text",
      en: `<p><b>Note:</b> by PyTorch’s design, gradients can only be calculated for floating point
tensors (tensors of [[floats]]). That is why the original notebook created a float type array
before making it a gradient-enabled PyTorch tensor — and why the numbers below are written
<code>4.0</code> and <code>2.</code>, not <code>4</code> and <code>2</code>. Try
<code>torch.tensor(4, requires_grad=True)</code> in a cell to see the error PyTorch gives.</p>`,
      si: `<p><b>සටහන:</b> PyTorch නිර්‍මාණය කර ඇති ආකාරය අනුව, අනුක්‍රමණ ගණනය කළ හැක්කේ
[[floats]] සහිත ටෙන්සර සඳහා පමණි. මුල් notebook එකේ, අනුක්‍රමණ ගණනය කළ හැකි PyTorch ටෙන්සරයක්
සෑදීමට පෙර float වර්‍ගයේ අරාවක් සෑදුවේ එබැවිනි; පහත සංඛ්‍යා <code>4</code> සහ <code>2</code> ලෙස
නොව <code>4.0</code> සහ <code>2.</code> ලෙස ලියා ඇත්තේත් එබැවිනි. PyTorch දෙන දෝෂය බැලීමට
<code>torch.tensor(4, requires_grad=True)</code> cell එකක ධාවනය කර බලන්න.</p>`,
    },
    {
      kind: "text",
      en: `<p><b>requires_grad:</b> this member, if true, starts tracking all the operation history and
forms a backward graph for gradient calculation. For an arbitrary tensor <code>a</code> it can be
set in place as follows: <code>a.requires_grad_(True)</code>.</p>
<p><b>grad:</b> <code>.grad</code> holds the value of the [[gradient]]. If
<code>requires_grad</code> is False it holds <code>None</code>. Even if <code>requires_grad</code>
is True, it holds <code>None</code> until <code>.backward()</code> is called from some other
[[node]]. For example, if you call <code>out.backward()</code> for some [[variable]]
<code>out</code> that involved <code>x</code> in its calculations, then <code>x.grad</code> holds
∂out/∂x, the [[partial]] of <code>out</code> with respect to <code>x</code>.</p>`,
      si: `<p><b>requires_grad:</b> මෙම සාමාජිකය (member) True නම්, සියලු මෙහෙයුම්වල ඉතිහාසය සටහන්
කිරීම ආරම්භ කර, අනුක්‍රමණය ගණනය කිරීම සඳහා ආපසු ප්‍රස්ථාරයක් සාදයි. ඕනෑම ටෙන්සරයක්
<code>a</code> සඳහා එය ස්ථානයේදීම (in-place) මෙසේ සැකසිය හැකිය: <code>a.requires_grad_(True)</code>.</p>
<p><b>grad:</b> <code>.grad</code> තුළ [[gradient|අනුක්‍රමණයේ]] අගය රැඳේ. <code>requires_grad</code>
False නම් එහි අගය <code>None</code> වේ. <code>requires_grad</code> True වුවද, වෙනත් [[node|නෝඩයකින්]]
<code>.backward()</code> කැඳවන තුරු එය <code>None</code> ලෙසම පවතී. උදාහරණයක් ලෙස, <code>x</code>
භාවිතයෙන් ගණනය කළ <code>out</code> නම් [[variable|විචල්‍යයක්]] සඳහා <code>out.backward()</code>
කැඳවූ විට, <code>x.grad</code> තුළ ∂out/∂x රැඳේ; එනම් <code>x</code> විෂයයෙන් <code>out</code> හි
[[partial]].</p>`,
    },
    {
      kind: "text",
      en: `<h2>The backward() function</h2>
<p>Backward is the [[function]] which actually calculates the gradient by passing its argument
(a 1×1 unit tensor by default) through the backward graph all the way up to every [[leaf]]
traceable from the calling root tensor. The calculated gradients are then stored in
<code>.grad</code> of every leaf node. Remember, the backward graph is already made dynamically
during the [[forward]]. The backward function only calculates the gradient using the already
made graph and stores it in the leaf nodes.</p>
<p><b>Dynamic computation graph:</b> the graph is not declared in advance; each operation adds its
node as the code runs. Run a cell again and a fresh graph is built — the picture beside the
cells shows the graph of the current cell.</p>`,
      si: `<h2>backward() ශ්‍රිතය</h2>
<p>backward යනු අනුක්‍රමණය සැබවින්ම ගණනය කරන [[function]] වේ: එය තමාට දෙන අගය (argument;
පෙරනිමියෙන් 1×1 ඒකක ටෙන්සරයක්) ආපසු ප්‍රස්ථාරය හරහා, එය කැඳවූ මූල ටෙන්සරයේ (root tensor) සිට
ළඟා විය හැකි සෑම [[leaf|පත්‍ර නෝඩයක්]] දක්වාම යවයි. ගණනය කළ අනුක්‍රමණ පසුව සෑම පත්‍ර නෝඩයකම
<code>.grad</code> තුළ ගබඩා වේ. මතක තබා ගන්න: ආපසු ප්‍රස්ථාරය [[forward|ඉදිරි ගමනේදීම]] ගතිකව සෑදී
ඇත. backward ශ්‍රිතය කරන්නේ දැනටමත් සාදා ඇති ප්‍රස්ථාරය භාවිතයෙන් අනුක්‍රමණය ගණනය කර පත්‍ර
නෝඩවල ගබඩා කිරීම පමණි.</p>
<p><b>ගතික ගණනය කිරීමේ ප්‍රස්ථාරය:</b> ප්‍රස්ථාරය කලින් ප්‍රකාශ කර නැත; code එක ධාවනය වන විට සෑම
මෙහෙයුමක්ම තම නෝඩය එයට එකතු කරයි. cell එකක් නැවත ධාවනය කළ විට අලුත් ප්‍රස්ථාරයක් සෑදේ — cells
අසල ඇති රූපයේ දැක්වෙන්නේ දැනට තෝරා ඇති cell එකේ ගණනය කිරීමේ ප්‍රස්ථාරයයි.</p>`,
    },
    {
      kind: "text",
      en: `<h2>y = x²</h2>
<p>First import PyTorch, then make <code>x</code> a tensor that requires grad, so PyTorch records
what we do with it.</p>`,
      si: `<h2>y = x²</h2>
<p>මුලින්ම PyTorch import කරන්න, ඉන්පසු <code>x</code> අනුක්‍රමණ අවශ්‍ය (requires grad) ටෙන්සරයක් ලෙස
සාදන්න; එවිට අප එය සමඟ කරන දේ PyTorch සටහන් කර ගනී.</p>`,
    },
    { kind: "code", id: "c1", source: "import torch" },
    { kind: "code", id: "c2", source: "#requires_grad to calculate gradient\nx = torch.tensor(4.0,requires_grad=True)" },
    { kind: "code", id: "c3", source: "x" },
    {
      kind: "text",
      en: `<p><code>y</code> remembers how it was made: its <code>grad_fn</code> is
<code>PowBackward0</code>, the node that knows the [[derivative]] of a [[power]]. The picture
shows the graph and the curve y = x² with its [[tangent]] at x; move the slider to change x.</p>`,
      si: `<p><code>y</code> සෑදුණේ කෙසේදැයි එය මතක තබා ගනී: එහි <code>grad_fn</code> වන්නේ
<code>PowBackward0</code> ය; එනම් [[power|බලයක]] [[derivative]] දන්නා නෝඩයයි. රූපයේ ගණනය කිරීමේ ප්‍රස්ථාරය සහ
y = x² වක්‍රය, x හි එහි [[tangent]] සමඟ දැක්වේ; x වෙනස් කිරීමට slider එක චලනය කරන්න.</p>`,
    },
    {
      kind: "code",
      id: "c4",
      source: "y=x**2\ny",
      exercise: {
        kind: "number",
        prompt: {
          en: "x is 4. What number does y = x**2 hold?",
          si: "x හි අගය 4 වේ. y = x**2 හි ඇති සංඛ්‍යාව කුමක්ද?"
        },
        answer: "16",
        mistakes: [
          {
            answer: "8",
            en: "8 is the gradient dy/dx = 2x, which backward() will compute later. y itself is x² = 16.",
            si: "8 යනු පසුව backward() ගණනය කරන dy/dx = 2x අනුක්‍රමණයයි. y ම x² = 16 වේ."
          }
        ],
        hint: {
          en: "y is the value of the function, x squared.",
          si: "y යනු ශ්‍රිතයේ අගයයි, එනම් x හි වර්‍ගය."
        }
      },
    },
    {
      kind: "text",
      en: `<p><code>y.backward()</code> walks the graph from <code>y</code> back to <code>x</code>
([[backprop]]): dy/dx = 2x, so at x = 4 the gradient is 2·4 = 8, the [[slope]] of the tangent.</p>`,
      si: `<p><code>y.backward()</code> ප්‍රස්ථාරය ඔස්සේ <code>y</code> සිට <code>x</code> දක්වා
ආපසු ගමන් කරයි ([[backprop]]): dy/dx = 2x බැවින්, x = 4 දී අනුක්‍රමණය 2·4 = 8 වේ; එය x = 4 හි
ස්පර්‍ශක රේඛාවේ අනුක්‍රමණයයි.</p>`,
    },
    { kind: "code", id: "c5", source: "### Backpropagation y = 2*x\ny.backward()" },
    {
      kind: "code",
      id: "c6",
      source: "print(x.grad)",
      exercise: {
        kind: "number",
        from: "output",
        prompt: {
          en: "After y.backward(), what does print(x.grad) show?",
          si: "y.backward() ට පසු print(x.grad) පෙන්වන්නේ කුමක්ද?"
        },
        answer: "8",
        mistakes: [
          {
            answer: "16",
            en: "16 is y = x². x.grad holds the derivative dy/dx = 2x = 8.",
            si: "16 යනු y = x² වේ. x.grad හි ඇත්තේ dy/dx = 2x = 8 ව්‍යුත්පන්නයයි."
          },
          {
            answer: "4",
            en: "4 is x. x.grad is the slope of y = x² at x = 4, that is 2·4.",
            si: "4 යනු x වේ. x.grad යනු x = 4 දී y = x² හි අනුක්‍රමණයයි, එනම් 2·4."
          }
        ],
        hint: {
          en: "x.grad holds dy/dx at x = 4.",
          si: "x.grad හි ඇත්තේ x = 4 දී dy/dx ය."
        }
      },
    },
    {
      kind: "text",
      en: `<h2>A matrix: y = x³ + x²</h2>
<p>The same works for a 3×3 [[matrix]] of floats: every entry gets its own gradient.</p>`,
      si: `<h2>න්‍යාසයක්: y = x³ + x²</h2>
<p>ඉපිලුම් ලක්ෂ්‍ය සංඛ්‍යා සහිත 3×3 [[matrix|න්‍යාසයක්]] සඳහාද මෙය එලෙසම ක්‍රියා කරයි: සෑම
අවයවයකටම තමන්ගේම අනුක්‍රමණයක් ලැබේ.</p>`,
    },
    { kind: "code", id: "c7", source: "lst=[[2.,3.,1.],[4.,5.,3.],[7.,6.,4.]]\ntorch_input = torch.tensor(lst,requires_grad=True)" },
    { kind: "code", id: "c8", source: "torch_input" },
    {
      kind: "text",
      en: `<p>Plain Python arithmetic: 3·2² + 2·2 is the derivative 3x² + 2x at x = 2. It should equal
the first entry of <code>torch_input.grad</code> at the end.</p>`,
      si: `<p>සාමාන්‍ය Python අංක ගණිතය: 3·2² + 2·2 යනු ව්‍යුත්පන්නය වන 3x² + 2x හි x = 2 ආදේශ කළ විට ලැබෙන
අගයයි. එය අවසානයේ
<code>torch_input.grad</code> හි පළමු අවයවයට සමාන විය යුතුය.</p>`,
    },
    { kind: "code", id: "c9", source: "3*2**2+2*2" },
    { kind: "code", id: "c10", source: "#y=x**3 + x**3\n#y =3x**2 +2x\ny = torch_input**3 +torch_input**2" },
    { kind: "code", id: "c11", source: "y" },
    {
      kind: "text",
      en: `<p><code>sum()</code> adds every entry into one number (a [[scalar]]), so
<code>backward()</code> needs no argument.</p>`,
      si: `<p><code>sum()</code> සියලු අවයව එකතු කර එක් සංඛ්‍යාවක් ([[scalar|අදිශයක්]]) සාදයි; එබැවින්
<code>backward()</code> සඳහා argument එකක් අවශ්‍ය නැත.</p>`,
    },
    { kind: "code", id: "c12", source: "z=y.sum()" },
    { kind: "code", id: "c13", source: "z" },
    { kind: "code", id: "c14", source: "z.backward()" },
    {
      kind: "code",
      id: "c15",
      source: "torch_input.grad",
      exercise: {
        kind: "tensor",
        prompt: {
          en: "z = (x³ + x²).sum() for the 3×3 matrix. What is torch_input.grad? (a 3×3 list)",
          si: "3×3 න්‍යාසය සඳහා z = (x³ + x²).sum() වේ. torch_input.grad කුමක්ද? (3×3 ලැයිස්තුවක්)"
        },
        answer: "[[16, 33, 5], [56, 85, 33], [161, 120, 56]]",
        mistakes: [
          {
            answer: "[[12, 36, 2], [80, 150, 36], [392, 252, 80]]",
            en: "Those are the values of y = x³ + x². The gradient is the derivative 3x² + 2x at each entry: 3·2² + 2·2 = 16 first.",
            si: "ඒවා y = x³ + x² හි අගයන් ය. අනුක්‍රමණය යනු සෑම අවයවයකම 3x² + 2x ව්‍යුත්පන්නයයි: පළමුවැන්න 3·2² + 2·2 = 16."
          },
          {
            answer: "1040",
            en: "1040 is z, the sum. torch_input.grad has torch_input's shape: one gradient per entry.",
            si: "1040 යනු z, එනම් එකතුවයි. torch_input.grad හි හැඩය torch_input හි හැඩයමයි: එක් අවයවයකට එක් අනුක්‍රමණයක්."
          }
        ],
        hint: {
          en: "Each entry gets 3x² + 2x at that entry; the sum passes a 1 to every entry.",
          si: "සෑම අවයවයකටම එම අවයවයේ 3x² + 2x ලැබේ; sum එක සෑම අවයවයකටම 1 ක් යවයි."
        }
      },
    },
    {
      kind: "text",
      en: `<p>Each entry is 3x² + 2x at that entry: 3·2² + 2·2 = 16, 3·3² + 2·3 = 33, and so on.
Gradients [[accumulate]] in <code>.grad</code>: run <code>z=y.sum()</code> and
<code>z.backward()</code> again after re-making <code>y</code> and every entry doubles — that is
why training loops call <code>.grad.zero_()</code>.</p>`,
      si: `<p>සෑම අවයවයකම අනුක්‍රමණය, 3x² + 2x හි x වෙනුවට එම අවයවයේ අගය ආදේශ කළ විට ලැබෙන අගයයි:
3·2² + 2·2 = 16, 3·3² + 2·3 = 33, ආදී ලෙස.
අනුක්‍රමණ <code>.grad</code> තුළ [[accumulate|සමුච්චය වේ]]: <code>y</code> නැවත සාදා
<code>z=y.sum()</code> සහ <code>z.backward()</code> නැවත ධාවනය කළහොත් සෑම අවයවයක්ම දෙගුණ වේ —
පුහුණු කිරීමේ loops තුළ <code>.grad.zero_()</code> කැඳවන්නේ එබැවිනි.</p>`,
    },
  ], expected);
