// Errors explained: what a traceback's last line means and how to fix it, in English and
// Sinhala, shown under the error (cell.js). One row per pattern, keyed by the exception type AND
// a pattern over PyTorch's / CPython's exact message (the message itself is always shown
// unchanged above, so it can be searched). The first row that matches wins: specific rows come
// before general ones.
//
// A row: {id, type (one name or a list), message (RegExp), when?(source) (an extra condition on
// the cell's code), en, si, fix?(source, error) → the fixed cell source or null, gradlab?}.
// `fix` makes the "Show me" button: it returns a copy of the cell with the fix applied (the
// learner's own cell is never changed); null where this cell has nothing mechanical to fix.
// `gradlab: true` marks messages only gradlab gives (PyTorch has no such limit), so they have no
// golden PyTorch error; tests/node/error-help.test.mjs checks every other row against the golden
// .err files, so a changed PyTorch or gradlab message is caught.
//
// Sinhala: the glossary's terms (GLOSSARY.md); each box is read on its own, so a term gets its
// English word at its first use in that box.

// ---- fixes: small edits of one line (error.line, 1-based) or of the whole cell ---------------

const lines = (src) => src.split("\n");

/** `src` with line `n` (1-based) replaced by `edit(line)`; null when the edit changes nothing. */
function editLine(src, n, edit) {
  const ls = lines(src);
  if (!(n >= 1 && n <= ls.length)) return null;
  const out = edit(ls[n - 1], ls, n - 1);
  if (out == null || out === ls[n - 1]) return null;
  ls[n - 1] = out;
  return ls.join("\n");
}

/** `src` with every match of `re` replaced; null when nothing matched. */
function replaceAll(src, re, by) {
  const out = src.replace(re, by);
  return out === src ? null : out;
}

const indentOf = (line) => /^[ \t]*/.exec(line)[0];
/** The nearest non-blank line above index `i`, or "". */
const lineAbove = (ls, i) => ls.slice(0, i).reverse().find((l) => l.trim()) ?? "";

/** The names a cell may use without importing them first, and the import that brings each. */
const IMPORTS = {
  torch: "import torch",
  nn: "import torch.nn as nn",
  F: "import torch.nn.functional as F",
  optim: "import torch.optim as optim",
  math: "import math",
  random: "import random",
};

/** Tensor properties written as if they were methods: x.shape() → x.shape. */
const PROPERTIES = "shape|T|mT|grad|grad_fn|data|dtype|device|ndim|is_leaf|requires_grad";

// In-place methods that are not arithmetic on the tensor's value (never rewritten).
const KEEP_IN_PLACE = new Set(["requires_grad_", "retain_grad", "zero_"]);

const CROSS_ENTROPY = /cross_entropy|nll_loss|CrossEntropyLoss|NLLLoss/;

// ---- the table ---------------------------------------------------------------------------------

export const ERROR_HELP = [
  // -- autograd ---------------------------------------------------------------------------------
  {
    id: "backward-twice",
    type: "RuntimeError",
    message: /Trying to backward through the graph a second time/,
    en: "backward() frees the graph’s saved values. To call it again, first re-run the cell that builds the graph (the forward pass), or call backward(retain_graph=True) the first time.",
    si: "backward() ප්‍රස්ථාරයේ සුරැකූ අගයන් නිදහස් කරයි. එය නැවත කැඳවීමට පෙර ප්‍රස්ථාරය සාදන cell එක (ඉදිරි ගමන (forward pass)) නැවත ධාවනය කරන්න, නැතහොත් පළමු වරට backward(retain_graph=True) ලෙස කැඳවන්න.",
    // two backward() calls in this cell: every one but the last keeps the graph
    fix(src) {
      const calls = [...src.matchAll(/\.backward\(\)/g)];
      if (calls.length < 2) return null;
      let i = 0;
      return src.replace(/\.backward\(\)/g, (m) => (++i < calls.length ? ".backward(retain_graph=True)" : m));
    },
  },
  {
    id: "nonscalar-backward",
    type: "RuntimeError",
    message: /grad can be implicitly created only for scalar outputs/,
    en: "backward() with no argument needs a single number (a scalar). Reduce first, e.g. y.sum().backward(), or pass a gradient of y’s shape: y.backward(torch.ones_like(y)).",
    si: "argument නැතිව backward() කැඳවීමට එක් සංඛ්‍යාවක්, එනම් අදිශයක් (scalar), අවශ්‍යයි. පළමුව එකතුව ගන්න, උදා: y.sum().backward(), නැතහොත් y හි හැඩයේම අනුක්‍රමණයක් (gradient) දෙන්න: y.backward(torch.ones_like(y)).",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(/\.backward\(\)/, ".sum().backward()")),
  },
  {
    id: "int-requires-grad",
    type: "RuntimeError",
    message: /nly Tensors of floating point (and complex )?dtype can require gradients/,
    en: "Gradients exist only for floating point tensors. Write 4.0 instead of 4, or pass dtype=torch.float32.",
    si: "අනුක්‍රමණ (gradient) ඇත්තේ ඉපිලුම් ලක්ෂ්‍ය සංඛ්‍යා (floating point) ටෙන්සර (tensor) සඳහා පමණි. 4 වෙනුවට 4.0 ලෙස ලියන්න, නැතහොත් dtype=torch.float32 දෙන්න.",
    fix: (src, e) =>
      editLine(src, e.line, (l) => {
        if (!/requires_grad\s*=\s*True/.test(l)) return null;
        if (/dtype\s*=\s*torch\.\w+/.test(l)) return l.replace(/dtype\s*=\s*torch\.\w+/, "dtype=torch.float32");
        return l.replace(/requires_grad\s*=\s*True/, "dtype=torch.float32, requires_grad=True");
      }),
  },
  {
    id: "no-grad-fn",
    type: "RuntimeError",
    message: /element \d+ of tensors does not require grad and does not have a grad_fn/,
    en: "This tensor is not part of any graph: none of the tensors it was made from had requires_grad=True (or it was made under torch.no_grad() or with .detach()). Set requires_grad=True on the input, and compute outside torch.no_grad().",
    si: "මෙම ටෙන්සරය (tensor) කිසිදු ගණනය කිරීමේ ප්‍රස්ථාරයක (computation graph) කොටසක් නොවේ: එය සෑදූ කිසිම ටෙන්සරයකට requires_grad=True නොතිබුණි (නැතහොත් එය torch.no_grad() තුළ හෝ .detach() සමඟ සාදන ලදී). ආදානයට requires_grad=True දී, torch.no_grad() න් පිටත ගණනය කරන්න.",
  },
  {
    id: "leaf-inplace",
    type: "RuntimeError",
    message: /a leaf Variable that requires grad is being used in an in-place operation/,
    en: "Updating a leaf tensor that requires grad must happen outside the graph: put the update inside with torch.no_grad():.",
    si: "requires grad ඇති පත්‍ර නෝඩයක් (leaf) යාවත්කාලීන කිරීම ප්‍රස්ථාරයෙන් පිටත සිදු විය යුතුය: එම යාවත්කාලීනය with torch.no_grad(): තුළ ලියන්න.",
    fix: (src, e) =>
      editLine(src, e.line, (l) => {
        if (!l.trim() || /:\s*$/.test(l)) return null;
        const pad = indentOf(l);
        return `${pad}with torch.no_grad():\n${pad}    ${l.trimStart()}`;
      }),
  },
  {
    id: "saved-tensor-modified",
    type: "RuntimeError",
    message: /one of the variables needed for gradient computation has been modified by an inplace operation/,
    en: "backward() needs a value the forward pass saved, but an in-place operation (a method ending in _, or +=) changed it afterwards. Use the out-of-place form, e.g. y = y.add(1) instead of y.add_(1).",
    si: "backward() ට ඉදිරි ගමනේදී (forward pass) සුරැකූ අගයක් අවශ්‍යයි, නමුත් in-place මෙහෙයුමක් (_ න් අවසන් වන method එකක්, හෝ +=) පසුව එය වෙනස් කළේය. නව ටෙන්සරයක් (tensor) සාදන ආකාරය භාවිතා කරන්න, උදා: y.add_(1) වෙනුවට y = y.add(1).",
    fix(src) {
      let changed = false;
      const out = lines(src).map((l) => {
        const m = /^(\s*)(\w+)\.(\w+_)\((.*)\)\s*$/.exec(l);
        if (!m || KEEP_IN_PLACE.has(m[3])) return l;
        changed = true;
        return `${m[1]}${m[2]} = ${m[2]}.${m[3].slice(0, -1)}(${m[4]})`;
      });
      return changed ? out.join("\n") : null;
    },
  },
  {
    id: "grad-none",
    type: ["AttributeError", "TypeError"],
    message: /'NoneType'/,
    when: (src) => /\.grad\b/.test(src),
    en: ".grad is None here. Only leaf tensors created with requires_grad=True get a .grad, and only after backward() has run. For an intermediate (non-leaf) tensor call .retain_grad() before backward().",
    si: "මෙහි .grad හි අගය None වේ. .grad ලැබෙන්නේ requires_grad=True සමඟ සෑදූ පත්‍ර (leaf) ටෙන්සරවලට (tensor) පමණි, එයද backward() ධාවනය වූ පසුව පමණි. අතරමැදි (පත්‍ර නොවන) ටෙන්සරයක් සඳහා backward() ට පෙර .retain_grad() කැඳවන්න.",
  },
  {
    id: "grad-unused",
    type: "RuntimeError",
    message: /appears to not have been used in the graph/,
    en: "torch.autograd.grad was asked for the gradient of a tensor the output does not depend on. Check the inputs you listed, or pass allow_unused=True to get None for it.",
    si: "ප්‍රතිදානය රඳා නොපවතින ටෙන්සරයක (tensor) අනුක්‍රමණය (gradient) torch.autograd.grad ගෙන් ඉල්ලා ඇත. ඔබ දුන් ආදාන පරීක්ෂා කරන්න, නැතහොත් ඒ සඳහා None ලබා ගැනීමට allow_unused=True දෙන්න.",
  },
  {
    id: "grad-input-no-grad",
    type: "RuntimeError",
    message: /One of the differentiated Tensors does not require grad/,
    en: "torch.autograd.grad gives gradients only with respect to tensors that require grad. Create that input with requires_grad=True (or leave it out of the inputs).",
    si: "torch.autograd.grad අනුක්‍රමණ (gradient) දෙන්නේ requires grad ඇති ටෙන්සර (tensor) සම්බන්ධයෙන් පමණි. එම ආදානය requires_grad=True සමඟ සාදන්න (නැතහොත් එය ආදාන ලැයිස්තුවෙන් ඉවත් කරන්න).",
  },
  {
    id: "grad-output-shape",
    type: "RuntimeError",
    message: /Mismatch in shape: grad_output\[\d+\] has a shape of/,
    en: "The gradient passed to backward(gradient) (or grad_outputs) must have the same shape as the tensor it belongs to. torch.ones_like(y) always fits.",
    si: "backward(gradient) වෙත (හෝ grad_outputs වෙත) දෙන අනුක්‍රමණයට (gradient) එය අයත් ටෙන්සරයේ (tensor) හැඩයම තිබිය යුතුය. torch.ones_like(y) සැමවිටම ගැළපේ.",
  },
  {
    id: "hook-no-grad",
    type: "RuntimeError",
    message: /cannot register a hook on a tensor that doesn't require gradient/,
    en: "A hook runs when a gradient passes through a tensor, so the tensor must be part of the graph: create it (or the tensors it comes from) with requires_grad=True.",
    si: "hook එකක් ධාවනය වන්නේ ටෙන්සරයක් (tensor) හරහා අනුක්‍රමණයක් (gradient) ගමන් කරන විටය, එබැවින් ටෙන්සරය ප්‍රස්ථාරයේ කොටසක් විය යුතුය: එය (හෝ එය සෑදූ ටෙන්සර) requires_grad=True සමඟ සාදන්න.",
  },
  {
    id: "no-derivative",
    type: "RuntimeError",
    message: /derivative for [\w:.]+ is not implemented/,
    en: "This operation has no derivative in PyTorch (its result is piecewise constant, like floor division), so it cannot be part of a graph that backward() goes through. Use a differentiable operation, or .detach() its input.",
    si: "මෙම මෙහෙයුමට PyTorch හි ව්‍යුත්පන්නයක් (derivative) නැත (floor division මෙන් එහි ප්‍රතිඵලය කොටස් වශයෙන් නියතයකි), එබැවින් backward() ගමන් කරන ප්‍රස්ථාරයක එය තිබිය නොහැක. අවකලනය කළ හැකි මෙහෙයුමක් භාවිතා කරන්න, නැතහොත් එහි ආදානය .detach() කරන්න.",
  },
  // -- models and optimizers ----------------------------------------------------------------------
  {
    id: "missing-forward",
    type: "NotImplementedError",
    message: /Module \[\w+\] is missing the required "forward" function/,
    en: "Calling a model runs its forward method, and this class has none: check that it is spelt forward, that it is indented inside the class, and that it takes (self, x).",
    si: "model එකක් කැඳවීමෙන් එහි forward method එක ධාවනය වේ, නමුත් මෙම class එකේ එය නැත: එය forward ලෙස නිවැරදිව ලියා ඇති බවත්, class එක තුළට ඉඩ තබා (indent කර) ඇති බවත්, (self, x) ගන්නා බවත් පරීක්ෂා කරන්න.",
  },
  {
    id: "optimizer-non-leaf",
    type: "ValueError",
    message: /can't optimize a non-leaf Tensor/,
    en: "An optimizer updates leaf tensors (weights you created), not results of operations. Create the weight first and then compute with it: w = torch.ones(3) * 0.5 followed by w.requires_grad_().",
    si: "optimizer එකක් යාවත්කාලීන කරන්නේ ඔබ සෑදූ පත්‍ර (leaf) ටෙන්සර (tensor), එනම් බර (weight) පමණි; මෙහෙයුම්වල ප්‍රතිඵල නොවේ. පළමුව බර සාදා ඉන්පසු එය සමඟ ගණනය කරන්න: w = torch.ones(3) * 0.5, ඉන්පසු w.requires_grad_().",
  },
  {
    id: "optimizer-empty",
    type: "ValueError",
    message: /optimizer got an empty parameter list/,
    en: "The optimizer was given no parameters. Pass model.parameters() (with the brackets) of a model whose layers are attributes (self.fc = nn.Linear(...)) set after super().__init__().",
    si: "optimizer එකට කිසිදු පරාමිතියක් (parameter) ලැබී නැත. super().__init__() පසුව ස්ථර attribute ලෙස (self.fc = nn.Linear(...)) ඇති model එකක model.parameters() (වරහන් සමඟ) දෙන්න.",
  },
  {
    id: "no-grad-parentheses",
    type: "TypeError",
    message: /'type' object does not support the context manager protocol/,
    en: "torch.no_grad is used with brackets: write with torch.no_grad(): — without them Python gets the class, not a context.",
    si: "torch.no_grad වරහන් සමඟ භාවිතා වේ: with torch.no_grad(): ලෙස ලියන්න — වරහන් නැතිව Python ට ලැබෙන්නේ class එක මිස context එකක් නොවේ.",
    fix: (src) => replaceAll(src, /(with\s+torch\.(?:no_grad|enable_grad|inference_mode))\s*:/g, "$1():"),
  },
  // -- shapes -----------------------------------------------------------------------------------
  {
    id: "matmul-shapes",
    type: "RuntimeError",
    message: /shapes cannot be multiplied|with shapes \[[\d, ]*\] and \[[\d, ]*\] cannot be multiplied/,
    en: "In a matrix product (@, mm, nn.Linear) the columns of the first matrix must equal the rows of the second: (n×k) @ (k×m). Check both shapes with .shape; a transpose (.T) or a layer with the right in_features fixes it.",
    si: "න්‍යාස (matrix) ගුණිතයක (@, mm, nn.Linear) පළමු න්‍යාසයේ තීරු ගණන දෙවැන්නේ පේළි ගණනට සමාන විය යුතුය: (n×k) @ (k×m). .shape මගින් හැඩ දෙකම පරීක්ෂා කරන්න; transpose (.T) එකක් හෝ නිවැරදි in_features සහිත ස්ථරයක් මෙය විසඳයි.",
  },
  {
    id: "broadcast-mismatch",
    type: "RuntimeError",
    message: /The size of tensor a \(\d+\) must match the size of tensor b \(\d+\)/,
    en: "These two tensors cannot be combined element by element. Broadcasting compares shapes from the right: each pair of sizes must be equal, or one of them 1. Print both .shape values; reshape one, e.g. with .unsqueeze() or .reshape().",
    si: "මෙම ටෙන්සර (tensor) දෙක අවයවයෙන් අවයවයට සංයෝජනය කළ නොහැක. විකාශනය (broadcasting) හැඩ දකුණේ සිට සසඳයි: එක් එක් ප්‍රමාණ යුගලය සමාන විය යුතුය, නැතහොත් එකක් 1 විය යුතුය. .shape දෙකම මුද්‍රණය කරන්න; එකක් .unsqueeze() හෝ .reshape() මගින් වෙනස් කරන්න.",
  },
  {
    id: "expand-size",
    type: "RuntimeError",
    message: /The expanded size of the tensor \(\d+\) must match the existing size/,
    en: "A tensor can only be stretched (expanded) along dimensions of size 1. The sizes named in the message do not fit: check the shapes, e.g. a bias must have as many values as the layer has outputs.",
    si: "ටෙන්සරයක් (tensor) දිගු (expand) කළ හැක්කේ ප්‍රමාණය 1 වූ මානයන් ඔස්සේ පමණි. පණිවිඩයේ ප්‍රමාණ නොගැළපේ: හැඩ පරීක්ෂා කරන්න, උදා: නැඹුරුවට (bias) ස්ථරයේ ප්‍රතිදාන තරම් අගයන් තිබිය යුතුය.",
  },
  {
    id: "needs-matrix",
    type: "RuntimeError",
    message: /must be a matrix, got \d-D tensor|must be 2D but got \dD|must have at least 2 dimensions/,
    en: "This operation needs a 2-D tensor (a matrix), but got a vector. One example of n features is a batch of one: x.unsqueeze(0) (or x.reshape(1, -1)) has shape (1, n).",
    si: "මෙම මෙහෙයුමට මාන 2 ක ටෙන්සරයක් (tensor), එනම් න්‍යාසයක් (matrix) අවශ්‍යයි, නමුත් ලැබුණේ දෛශිකයකි (vector). ලක්ෂණ n ක් ඇති එක් උදාහරණයක් එකක කාණ්ඩයකි: x.unsqueeze(0) (හෝ x.reshape(1, -1)) හි හැඩය (1, n) වේ.",
  },
  {
    id: "mask-shape",
    type: "IndexError",
    message: /The shape of the mask \[[\d, ]*\] at index \d+ does not match the shape of the indexed tensor/,
    en: "A True/False mask used as an index must have the shape of the tensor it selects from (one True or False per element). Make the mask from the same tensor, e.g. x[x > 0].",
    si: "දර්‍ශකයක් (index) ලෙස භාවිතා කරන True/False mask එකකට, එය තෝරන ටෙන්සරයේ (tensor) හැඩයම තිබිය යුතුය (අවයවයකට එක් True හෝ False). mask එක එම ටෙන්සරයෙන්ම සාදන්න, උදා: x[x > 0].",
  },
  {
    id: "view-non-contiguous",
    type: "RuntimeError",
    message: /view size is not compatible with input tensor's size and stride/,
    en: "view() needs the tensor’s values laid out in order in memory, which a transposed or sliced tensor is not. Use .reshape(), which copies when it has to.",
    si: "view() ට ටෙන්සරයේ (tensor) අගයන් මතකයේ පිළිවෙළට තිබිය යුතුය; transpose කළ හෝ කපාගත් ටෙන්සරයක එසේ නොවේ. අවශ්‍ය විට පිටපත් කරන .reshape() භාවිතා කරන්න.",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(/\.view\(/g, ".reshape(")),
  },
  {
    id: "reshape-size",
    type: "RuntimeError",
    message: /shape '\[[-\d, ]*\]' is invalid for input of size \d+/,
    en: "The new shape must hold exactly as many values as the tensor has: the product of the sizes must equal the number of elements. Use -1 for one size to let PyTorch work it out.",
    si: "නව හැඩයට ටෙන්සරයේ (tensor) ඇති අගයන් ගණනම තිබිය යුතුය: ප්‍රමාණවල ගුණිතය අවයව ගණනට සමාන විය යුතුය. එක් ප්‍රමාණයක් සඳහා -1 දුන් විට PyTorch එය ගණනය කරයි.",
  },
  {
    id: "cat-stack-sizes",
    type: "RuntimeError",
    message: /Sizes of tensors must match except in dimension|stack expects each tensor to be equal size/,
    en: "torch.stack needs tensors of one shape; torch.cat needs equal sizes in every dimension except the one you join along (dim=). Print each .shape, or join along another dim.",
    si: "torch.stack ට එකම හැඩයේ ටෙන්සර (tensor) අවශ්‍යයි; torch.cat ට, එකතු කරන මානය (dim=) හැර අනෙක් සියලු මානවල සමාන ප්‍රමාණ අවශ්‍යයි. එක් එක් .shape මුද්‍රණය කරන්න, නැතහොත් වෙනත් dim එකක් ඔස්සේ එකතු කරන්න.",
  },
  {
    id: "ragged-list",
    type: "ValueError",
    message: /expected sequence of length \d+ at dim \d+/,
    en: "A tensor is a rectangular grid: every row of the nested list must have the same length. Check the row the message names.",
    si: "ටෙන්සරයක් (tensor) සෘජුකෝණාස්‍රාකාර ජාලයකි: කැදැලි list එකේ සෑම පේළියකම දිග සමාන විය යුතුය. පණිවිඩයේ සඳහන් පේළිය පරීක්ෂා කරන්න.",
  },
  {
    id: "negative-dimension",
    type: "RuntimeError",
    message: /Trying to create tensor with negative dimension/,
    en: "A size in the shape is negative. Sizes count elements, so they are 0 or more; check the numbers (or the computation) you passed as the shape.",
    si: "හැඩයේ එක් ප්‍රමාණයක් සෘණ වේ. ප්‍රමාණ අවයව ගණන් කරයි, එබැවින් ඒවා 0 හෝ ඊට වැඩි විය යුතුය; හැඩය ලෙස ඔබ දුන් සංඛ්‍යා පරීක්ෂා කරන්න.",
  },
  // -- losses -----------------------------------------------------------------------------------
  {
    id: "cross-entropy-target-dtype",
    type: "RuntimeError",
    message: /expected scalar type Long but found (Float|Double|Half|Int)/,
    when: (src) => CROSS_ENTROPY.test(src),
    en: "cross_entropy and nll_loss take the target as class numbers, an integer (Long) tensor such as torch.tensor([0, 2, 1]). Convert it with .long().",
    si: "cross_entropy සහ nll_loss ඉලක්කය (target) ලෙස පන්ති අංක ගනී: torch.tensor([0, 2, 1]) වැනි පූර්‍ණ සංඛ්‍යා (Long) ටෙන්සරයක් (tensor). .long() මගින් එය පරිවර්‍තනය කරන්න.",
    fix: (src, e) =>
      editLine(src, e.line, (l) => {
        const m = /,\s*([A-Za-z_][\w.]*)\s*\)(?!.*,\s*[A-Za-z_][\w.]*\s*\))/.exec(l);
        return m ? l.slice(0, m.index) + `, ${m[1]}.long())` + l.slice(m.index + m[0].length) : null;
      }),
  },
  {
    id: "cross-entropy-target-shape",
    type: "RuntimeError",
    message: /0D or 1D target tensor expected, multi-target not supported|Expected floating point type for target with class probabilities/,
    when: (src) => CROSS_ENTROPY.test(src),
    en: "With class numbers as the target, cross_entropy and nll_loss want one number per example: a 1-D integer tensor of shape (N,), not (N, 1) — use target.squeeze(1) or target.view(-1). A target shaped like the input must hold probabilities (floats).",
    si: "ඉලක්කය (target) ලෙස පන්ති අංක දෙන විට, cross_entropy සහ nll_loss ට උදාහරණයකට එක් සංඛ්‍යාවක් අවශ්‍යයි: (N, 1) නොව (N,) හැඩයේ මාන 1 ක පූර්‍ණ සංඛ්‍යා ටෙන්සරයක් (tensor) — target.squeeze(1) හෝ target.view(-1) භාවිතා කරන්න. ආදානයේ හැඩයම ඇති ඉලක්කයක සම්භාවිතා (float) තිබිය යුතුය.",
  },
  {
    id: "loss-target-size",
    type: "ValueError",
    message: /Target size \(torch\.Size\(\[[\d, ]*\]\)\) must be the same as input size|Using a target size .* that is different to the input size/,
    en: "For this loss the prediction and the target need the same shape, e.g. both (4,) or both (4, 1). A model with one output gives (N, 1): use output.squeeze(1), or target.unsqueeze(1).",
    si: "මෙම හානි ශ්‍රිතයට (loss function) පුරෝකථනයට සහ ඉලක්කයට (target) එකම හැඩය අවශ්‍යයි, උදා: දෙකම (4,) හෝ දෙකම (4, 1). එක් ප්‍රතිදානයක් ඇති model එකක් (N, 1) දෙයි: output.squeeze(1) හෝ target.unsqueeze(1) භාවිතා කරන්න.",
  },
  {
    id: "bce-not-probability",
    type: "RuntimeError",
    message: /all elements of input should be between 0 and 1/,
    en: "binary_cross_entropy (BCELoss) takes probabilities between 0 and 1. For raw scores (logits) use binary_cross_entropy_with_logits (BCEWithLogitsLoss), which applies the sigmoid itself and is more accurate.",
    si: "binary_cross_entropy (BCELoss) 0 ත් 1 ත් අතර සම්භාවිතා ගනී. අමු ලකුණු (logits) සඳහා sigmoid එක තමාම යොදන, වඩා නිවැරදි binary_cross_entropy_with_logits (BCEWithLogitsLoss) භාවිතා කරන්න.",
    fix: (src) => replaceAll(src, /\bbinary_cross_entropy\(|\bBCELoss\(/g, (m) => (m.startsWith("BCE") ? "BCEWithLogitsLoss(" : "binary_cross_entropy_with_logits(")),
  },
  {
    id: "reduction-value",
    type: "ValueError",
    message: /is not a valid value for reduction/,
    en: "reduction= takes one of three words: 'mean' (the default), 'sum' or 'none' (one loss per element).",
    si: "reduction= ගන්නේ වචන තුනෙන් එකකි: 'mean' (පෙරනිමිය), 'sum' හෝ 'none' (අවයවයකට එක් හානියක් (loss)).",
  },
  {
    id: "batch-size-mismatch",
    type: "ValueError",
    message: /Expected input batch_size \(\d+\) to match target batch_size \(\d+\)/,
    en: "The loss got a different number of predictions (rows of the input) than targets. Each example needs one target: check both .shape[0].",
    si: "හානි ශ්‍රිතයට (loss function) ලැබුණු පුරෝකථන ගණන (ආදානයේ පේළි) ඉලක්ක ගණනට වඩා වෙනස් ය. සෑම උදාහරණයකටම එක් ඉලක්කයක් අවශ්‍යයි: .shape[0] දෙකම පරීක්ෂා කරන්න.",
  },
  {
    id: "target-out-of-bounds",
    type: "IndexError",
    message: /Target -?\d+ is out of bounds/,
    en: "A class number in the target is not below the number of classes (the input’s last size). Classes are numbered from 0, so with 3 classes the target holds 0, 1 or 2.",
    si: "ඉලක්කයේ (target) පන්ති අංකයක් පන්ති ගණනට (ආදානයේ අවසාන ප්‍රමාණය) වඩා අඩු නොවේ. පන්ති 0 සිට අංකනය වේ, එබැවින් පන්ති 3ක් සමඟ ඉලක්කයේ 0, 1 හෝ 2 තිබිය යුතුය.",
  },
  // -- dtypes -----------------------------------------------------------------------------------
  {
    id: "dtype-mismatch",
    type: "RuntimeError",
    message: /expected scalar type \w+ but found \w+|must have (be )?the same dtype|expected both vectors to have same dtype|to have the same dtype/,
    en: "The two tensors have different dtypes (e.g. float32 and float64, or float and an integer). Make them the same first, e.g. with .float() or .double().",
    si: "ටෙන්සර (tensor) දෙකෙහි dtype වෙනස් ය (උදා: float32 සහ float64, නැතහොත් float සහ පූර්‍ණ සංඛ්‍යා). පළමුව ඒවා සමාන කරන්න, උදා: .float() හෝ .double() මගින්.",
  },
  {
    id: "integer-mean",
    type: "RuntimeError",
    message: /could not infer output dtype\. Input dtype must be either a floating point/,
    en: "A mean of integers is not an integer, so PyTorch asks for a floating point tensor. Convert first: x.float().mean().",
    si: "පූර්‍ණ සංඛ්‍යාවල මධ්‍යන්‍යය පූර්‍ණ සංඛ්‍යාවක් නොවේ, එබැවින් PyTorch ඉපිලුම් ලක්ෂ්‍ය සංඛ්‍යා (floating point) ටෙන්සරයක් (tensor) ඉල්ලයි. පළමුව පරිවර්‍තනය කරන්න: x.float().mean().",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(/\.mean\(/g, ".float().mean(")),
  },
  {
    id: "in-place-cast",
    type: "RuntimeError",
    message: /result type \w+ can't be cast to the desired output type \w+/,
    en: "An in-place operation (+=, add_, mul_ ...) keeps the tensor’s dtype, and a float result does not fit an integer tensor. Make the tensor float first (torch.tensor([1., 2.]) or x = x.float()), or write x = x + 0.5.",
    si: "in-place මෙහෙයුමක් (+=, add_, mul_ ...) ටෙන්සරයේ (tensor) dtype එක වෙනස් නොකරයි, සහ float ප්‍රතිඵලයක් පූර්‍ණ සංඛ්‍යා ටෙන්සරයකට නොගැළපේ. පළමුව ටෙන්සරය float කරන්න (torch.tensor([1., 2.]) හෝ x = x.float()), නැතහොත් x = x + 0.5 ලෙස ලියන්න.",
  },
  {
    id: "bool-arithmetic",
    type: "RuntimeError",
    message: /the `-` operator, (on|with) (a|two) bool tensors?/,
    en: "True/False tensors (masks) do not subtract or negate. To flip a mask use ~mask or mask.logical_not(); to count with it, convert first: mask.float().",
    si: "True/False ටෙන්සර (tensor), එනම් mask, අඩු කිරීමට හෝ සෘණ කිරීමට නොහැක. mask එකක් පෙරළීමට ~mask හෝ mask.logical_not() භාවිතා කරන්න; එය සමඟ ගණන් කිරීමට පළමුව පරිවර්‍තනය කරන්න: mask.float().",
  },
  {
    id: "dtype-not-implemented",
    type: "RuntimeError",
    message: /"\w+" not implemented for '\w+'/,
    en: "This operation has no version for the dtype named at the end (Long and Int are integers, Half is float16, Bool is True/False). Convert the tensor first, e.g. with .float().",
    si: "අවසානයේ සඳහන් dtype සඳහා මෙම මෙහෙයුමට සංස්කරණයක් නැත (Long සහ Int පූර්‍ණ සංඛ්‍යා, Half යනු float16, Bool යනු True/False). පළමුව ටෙන්සරය (tensor) පරිවර්‍තනය කරන්න, උදා: .float() මගින්.",
  },
  // -- converting tensors -----------------------------------------------------------------------
  {
    id: "item-many-elements",
    type: "ValueError",
    message: /only one element tensors can be converted to Python scalars/,
    en: ".item() (and float(), int()) turn a one-element tensor into a Python number. For a tensor of several values use .tolist(), or pick one element first, e.g. x[0].item(). To join tensors into one, use torch.stack.",
    si: ".item() (සහ float(), int()) එක් අවයවයක් ඇති ටෙන්සරයක් (tensor) Python සංඛ්‍යාවක් බවට පත් කරයි. අගයන් කිහිපයක් ඇති ටෙන්සරයක් සඳහා .tolist() භාවිතා කරන්න, නැතහොත් පළමුව එක් අවයවයක් තෝරන්න, උදා: x[0].item(). ටෙන්සර එකක් ලෙස එකතු කිරීමට torch.stack භාවිතා කරන්න.",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(/\.item\(\)/g, ".tolist()")),
  },
  {
    id: "out-of-memory",
    type: "RuntimeError",
    message: /can't allocate memory/,
    en: "The tensor asked for is far too large for the memory (the message says how many bytes). Check the shape: a size typed with extra zeros, or a product of sizes that grew by mistake.",
    si: "ඉල්ලූ ටෙන්සරය (tensor) මතකයට ඉතා විශාලය (පණිවිඩය bytes ගණන කියයි). හැඩය පරීක්ෂා කරන්න: අමතර බිංදු සහිතව ලියූ ප්‍රමාණයක්, හෝ වැරදීමකින් වැඩුණු ප්‍රමාණවල ගුණිතයක්.",
  },
  {
    id: "bool-ambiguous",
    type: "RuntimeError",
    message: /Boolean value of Tensor with more than one value is ambiguous/,
    en: "if and while need one True or False, but this comparison gives one per element. Say which you mean: (x > 0).all() or (x > 0).any().",
    si: "if සහ while ට එක් True හෝ False අවශ්‍යයි, නමුත් මෙම සැසඳීම එක් එක් අවයවයට එකක් බැගින් දෙයි. ඔබ අදහස් කරන්නේ කුමක්දැයි කියන්න: (x > 0).all() හෝ (x > 0).any().",
  },
  // -- indexing ---------------------------------------------------------------------------------
  {
    id: "index-out-of-bounds",
    type: "IndexError",
    message: /index -?\d+ is out of bounds for dimension \d+ with size \d+/,
    en: "Indices count from 0, so a dimension of size n has indices 0 to n−1 (and −1 to −n from the end). Check the index against x.shape.",
    si: "දර්‍ශක (index) 0 සිට ගණන් කෙරේ, එබැවින් ප්‍රමාණය n වූ මානයක දර්‍ශක 0 සිට n−1 දක්වා වේ (අගින් −1 සිට −n දක්වා). දර්‍ශකය x.shape සමඟ සසඳන්න.",
  },
  {
    id: "list-index",
    type: "IndexError",
    message: /(list|tuple) index out of range/,
    en: "The list has fewer items than this index needs. Indices count from 0: a list of n items has indices 0 to n−1. Check len() of the list.",
    si: "මෙම දර්‍ශකයට (index) අවශ්‍ය ප්‍රමාණයට වඩා list එකේ අයිතම අඩුය. දර්‍ශක 0 සිට ගණන් කෙරේ: අයිතම n ක list එකක දර්‍ශක 0 සිට n−1 දක්වා වේ. list එකේ len() පරීක්ෂා කරන්න.",
  },
  {
    id: "dimension-out-of-range",
    type: "IndexError",
    message: /Dimension out of range/,
    en: "dim= names a dimension the tensor does not have. A tensor with d dimensions has dims 0 to d−1 (or −1 to −d); the message gives the allowed range.",
    si: "dim= මගින් ටෙන්සරයේ (tensor) නැති මානයක් නම් කරයි. මාන d ක් ඇති ටෙන්සරයක dim 0 සිට d−1 දක්වා (හෝ −1 සිට −d දක්වා) වේ; පණිවිඩය ඉඩ දෙන පරාසය දක්වයි.",
  },
  {
    id: "key-error",
    type: "KeyError",
    message: /./,
    en: "The dictionary has no entry with this key. Check the spelling, or list the keys that exist with d.keys().",
    si: "ශබ්දකෝෂයේ (dictionary) මෙම key එක සහිත ඇතුළත් කිරීමක් නැත. අක්ෂර වින්‍යාසය පරීක්ෂා කරන්න, නැතහොත් d.keys() මගින් පවතින key ලැයිස්තුගත කරන්න.",
  },
  // -- Python -----------------------------------------------------------------------------------
  {
    id: "name-not-defined",
    type: "NameError",
    message: /name '\w+' is not defined/,
    en: "Python does not know this name yet: check its spelling, run the cell above that defines it (or Restart & run all), or import it (e.g. import torch).",
    si: "Python ට මෙම නම තවම නොදනී: අක්ෂර වින්‍යාසය පරීක්ෂා කරන්න, එය අර්‍ථ දක්වන ඉහළ cell එක ධාවනය කරන්න (නැතහොත් Restart & run all), නැතහොත් එය import කරන්න (උදා: import torch).",
    fix(src, e) {
      const name = /name '(\w+)'/.exec(e.message)?.[1];
      return IMPORTS[name] ? `${IMPORTS[name]}\n${src}` : null;
    },
  },
  {
    id: "unbound-local",
    type: "UnboundLocalError",
    message: /cannot access local variable/,
    en: "A function assigns to this name, so Python treats it as the function’s own variable, and it is read before that assignment. Pass the value in as an argument and return the new one (or declare it global).",
    si: "ශ්‍රිතයක් (function) මෙම නමට අගයක් පවරයි, එබැවින් Python එය ශ්‍රිතයේම විචල්‍යයක් (variable) ලෙස සලකයි, සහ එම පැවරීමට පෙර එය කියවා ඇත. අගය argument එකක් ලෙස ලබා දී නව අගය return කරන්න (නැතහොත් එය global ලෙස ප්‍රකාශ කරන්න).",
  },
  {
    id: "argument-type",
    type: "TypeError",
    message: /argument '\w+' \(position \d+\) must be [\w ,]+, not \w+/,
    en: "This function wants another kind of value for the argument named in the message, e.g. a Tensor where you gave a plain number. Wrap it: torch.tensor(1.0), or use the int/float it asks for.",
    si: "පණිවිඩයේ සඳහන් argument එක සඳහා මෙම ශ්‍රිතයට (function) වෙනත් වර්‍ගයක අගයක් අවශ්‍යයි, උදා: ඔබ සාමාන්‍ය සංඛ්‍යාවක් දුන් තැන Tensor එකක්. එය torch.tensor(1.0) ලෙස ඔතන්න, නැතහොත් ඉල්ලන int/float භාවිතා කරන්න.",
  },
  {
    id: "not-subscriptable",
    type: "TypeError",
    message: /'[\w.]+' object is not subscriptable/,
    en: "Square brackets [ ] read an item of a list, tuple, dict or tensor, and this value is none of those (the message names what it is). Check the variable; to call a function use round brackets ( ).",
    si: "[ ] වරහන් list, tuple, dict හෝ ටෙන්සරයක (tensor) අයිතමයක් කියවයි, නමුත් මෙම අගය ඒවායින් එකක් නොවේ (පණිවිඩය එය කුමක්දැයි කියයි). විචල්‍යය (variable) පරීක්ෂා කරන්න; ශ්‍රිතයක් (function) කැඳවීමට ( ) වරහන් භාවිතා කරන්න.",
  },
  {
    id: "immutable-item",
    type: "TypeError",
    message: /'(tuple|str|torch\.Size)' object does not support item assignment/,
    en: "Tuples and strings cannot be changed after they are made. Use a list (made with [ ] or list(t)) when the items must change, or build a new tuple.",
    si: "tuple සහ string සෑදූ පසු වෙනස් කළ නොහැක. අයිතම වෙනස් විය යුතු විට list එකක් ([ ] හෝ list(t) මගින් සාදන) භාවිතා කරන්න, නැතහොත් නව tuple එකක් සාදන්න.",
  },
  {
    id: "unhashable",
    type: "TypeError",
    message: /unhashable type: '\w+'/,
    en: "Dictionary keys and set members must not change, so a list (or dict, or set) cannot be one. Use a tuple instead: d[(1, 2)] rather than d[[1, 2]].",
    si: "ශබ්දකෝෂ (dictionary) key සහ set සාමාජිකයන් වෙනස් නොවිය යුතුය, එබැවින් list (හෝ dict, set) එකක් එසේ විය නොහැක. ඒ වෙනුවට tuple එකක් භාවිතා කරන්න: d[[1, 2]] නොව d[(1, 2)].",
  },
  {
    id: "int-literal",
    type: "ValueError",
    message: /invalid literal for int\(\) with base \d+/,
    en: "int() got text that is not a whole number. Check the string; for text like \"2.5\" use float() first.",
    si: "int() ට ලැබුණේ පූර්‍ණ සංඛ්‍යාවක් නොවන පෙළකි. string එක පරීක්ෂා කරන්න; \"2.5\" වැනි පෙළ සඳහා පළමුව float() භාවිතා කරන්න.",
  },
  {
    id: "tensor-no-attribute",
    type: "AttributeError",
    message: /'Tensor' object has no attribute/,
    en: "Tensors have no method or property of this name. Check the spelling and the case; many operations exist as torch.name(x) but not as x.name().",
    si: "ටෙන්සරවලට (tensor) මෙම නමින් method එකක් හෝ property එකක් නැත. අක්ෂර වින්‍යාසය සහ කැපිටල් අකුරු පරීක්ෂා කරන්න; බොහෝ මෙහෙයුම් torch.name(x) ලෙස ඇතත් x.name() ලෙස නැත.",
  },
  {
    id: "module-no-attribute",
    type: "AttributeError",
    message: /module '[\w.]+' has no attribute/,
    en: "The module has nothing of this name. Check the spelling (the message may suggest one) and where it lives, e.g. torch.nn.functional.relu, not torch.relu_function.",
    si: "මොඩියුලයේ (module) මෙම නමින් කිසිවක් නැත. අක්ෂර වින්‍යාසය (පණිවිඩය යෝජනාවක් දිය හැක) සහ එය ඇති තැන පරීක්ෂා කරන්න, උදා: torch.nn.functional.relu.",
  },
  {
    id: "not-callable",
    type: "TypeError",
    message: /'[\w.]+' object is not callable/,
    en: "Brackets after a value call it like a function. Properties such as .shape, .grad, .T and .dtype are written without (); and 2(x + 1) needs a * : 2 * (x + 1).",
    si: "අගයකට පසු වරහන් එය ශ්‍රිතයක් (function) ලෙස කැඳවයි. .shape, .grad, .T, .dtype වැනි property () නැතිව ලියනු ලැබේ; 2(x + 1) ට * අවශ්‍යයි: 2 * (x + 1).",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(new RegExp(`\\.(${PROPERTIES})\\(\\)`, "g"), ".$1")),
  },
  {
    id: "call-arguments",
    type: "TypeError",
    message: /missing \d+ required (positional|keyword-only) arguments?|takes (from \d+ to )?\d+ positional arguments? but \d+|got an unexpected keyword argument|takes no arguments/,
    en: "The function was called with the wrong arguments: too many, too few, or a name it does not take. Compare the call with the function’s def line (or the PyTorch docs).",
    si: "ශ්‍රිතය (function) වැරදි argument සමඟ කැඳවා ඇත: වැඩි ගණනක්, අඩු ගණනක්, හෝ එය නොගන්නා නමක්. කැඳවීම ශ්‍රිතයේ def පේළිය (හෝ PyTorch ලේඛන) සමඟ සසඳන්න.",
  },
  {
    id: "operand-types",
    type: "TypeError",
    message: /unsupported operand type\(s\)/,
    en: "This operator does not work between these two kinds of value (named in the message), e.g. a number and a string. Convert one of them first, e.g. int(\"3\") or str(3).",
    si: "මෙම ක්‍රියාකාරකය පණිවිඩයේ සඳහන් අගය වර්‍ග දෙක අතර ක්‍රියා නොකරයි, උදා: සංඛ්‍යාවක් සහ string එකක්. පළමුව එකක් පරිවර්‍තනය කරන්න, උදා: int(\"3\") හෝ str(3).",
  },
  {
    id: "indent-expected",
    type: "IndentationError",
    message: /expected an indented block/,
    en: "A line ending in : (if, for, def, with, class) must be followed by an indented block. Indent the next line by 4 spaces.",
    si: ": න් අවසන් වන පේළියකට (if, for, def, with, class) පසු ඉඩ තැබූ (indented) කොටසක් තිබිය යුතුය. ඊළඟ පේළිය හිස්තැන් 4 කින් ඇතුළට තබන්න.",
    fix: (src, e) => editLine(src, e.line, (l, ls, i) => indentOf(lineAbove(ls, i)) + "    " + l.trimStart()),
  },
  {
    id: "indent-unexpected",
    type: "IndentationError",
    message: /unexpected indent/,
    en: "This line is indented more than the one above, but no block starts there (no : at the end of the line above). Line it up with the line above.",
    si: "මෙම පේළිය ඉහළ පේළියට වඩා ඇතුළට තබා ඇත, නමුත් එහි කොටසක් ආරම්භ නොවේ (ඉහළ පේළිය : න් අවසන් නොවේ). එය ඉහළ පේළිය සමඟ පෙළගස්වන්න.",
    fix: (src, e) => editLine(src, e.line, (l, ls, i) => indentOf(lineAbove(ls, i)) + l.trimStart()),
  },
  {
    id: "unindent-mismatch",
    type: "IndentationError",
    message: /unindent does not match any outer indentation level/,
    en: "This line’s indentation matches none of the blocks around it. Use the same number of spaces as the line it belongs with (4 per level is usual).",
    si: "මෙම පේළියේ ඉඩ තැබීම (indentation) අවට කිසිදු කොටසකට නොගැළපේ. එය අයත් පේළියේ ඇති හිස්තැන් ගණනම භාවිතා කරන්න (සාමාන්‍යයෙන් මට්ටමකට 4).",
    // line it up with the nearest block above that is indented less
    fix: (src, e) =>
      editLine(src, e.line, (l, ls, i) => {
        const here = indentOf(l).length;
        const outer = ls.slice(0, i).filter((x) => x.trim()).map((x) => indentOf(x)).filter((p) => p.length < here);
        return outer.length ? outer.reduce((a, b) => (b.length > a.length ? b : a)) + l.trimStart() : null;
      }),
  },
  {
    id: "tab-error",
    type: "TabError",
    message: /inconsistent use of tabs and spaces/,
    en: "Some lines are indented with tabs and others with spaces, which Python refuses to mix. Indent with spaces only.",
    si: "සමහර පේළි tab මගින් සහ අනෙක් ඒවා හිස්තැන් මගින් ඇතුළට තබා ඇත; Python ඒවා මිශ්‍ර කිරීමට ඉඩ නොදේ. හිස්තැන් පමණක් භාවිතා කරන්න.",
    // a tab moves to the next multiple of 8 columns, as Python counts it
    fix: (src) =>
      replaceAll(src, /^[ \t]*\t[ \t]*/gm, (pad) => {
        let col = 0;
        for (const c of pad) col = c === "\t" ? col + 8 - (col % 8) : col + 1;
        return " ".repeat(col);
      }),
  },
  {
    id: "syntax-colon",
    type: "SyntaxError",
    message: /expected ':'/,
    en: "if, for, while, def, class and with lines end with a colon (:).",
    si: "if, for, while, def, class සහ with පේළි කොලනයකින් (:) අවසන් වේ.",
    fix: (src, e) => editLine(src, e.line, (l) => l.trimEnd() + ":"),
  },
  {
    id: "syntax-unclosed",
    type: "SyntaxError",
    message: /'[(\[{]' was never closed/,
    en: "A bracket opened on this line is never closed. Add the closing bracket where the expression ends.",
    si: "මෙම පේළියේ විවෘත කළ වරහනක් කිසි විටෙක වසා නැත. ප්‍රකාශනය අවසන් වන තැන වසන වරහන එක් කරන්න.",
    fix(src, e) {
      const open = /'([(\[{])'/.exec(e.message)?.[1];
      const close = { "(": ")", "[": "]", "{": "}" }[open];
      return editLine(src, e.line, (l) => l.trimEnd() + close);
    },
  },
  {
    id: "syntax-invalid",
    type: "SyntaxError",
    message: /invalid syntax/,
    en: "Python could not read this line. Look near the marked spot for a missing operator, comma, bracket or quote, or a misspelt keyword.",
    si: "Python ට මෙම පේළිය කියවිය නොහැකි විය. සලකුණු කළ ස්ථානය අසල නැති ක්‍රියාකාරකයක්, කොමාවක්, වරහනක් හෝ උද්ධෘත ලකුණක්, නැතහොත් වැරදි ලෙස ලියූ keyword එකක් සොයන්න.",
  },
  {
    id: "zero-division",
    type: "ZeroDivisionError",
    message: /division by zero|modulo by zero/,
    en: "Python numbers cannot be divided by 0 (tensors give inf or nan instead). Check the divisor, e.g. a count or a length that is 0.",
    si: "Python සංඛ්‍යා 0 න් බෙදිය නොහැක (ටෙන්සර (tensor) ඒ වෙනුවට inf හෝ nan දෙයි). බෙදන්නා පරීක්ෂා කරන්න, උදා: 0 වූ ගණනක් හෝ දිගක්.",
  },
  {
    id: "recursion",
    type: "RecursionError",
    message: /maximum recursion depth exceeded/,
    en: "A function kept calling itself without stopping. Check that it has a base case that returns without calling itself again.",
    si: "ශ්‍රිතයක් (function) නොනවත්වා තමාවම කැඳවීය. නැවත තමාව නොකැඳවා return වන මූලික අවස්ථාවක් එහි ඇති බව පරීක්ෂා කරන්න.",
  },
  {
    id: "module-not-found",
    type: "ModuleNotFoundError",
    message: /No module named/,
    en: "This module is not available here. gradlab has torch (with torch.nn, torch.optim, torch.utils.data) and Python modules such as math, random, itertools and collections; NumPy and plotting libraries are not part of it.",
    si: "මෙම මොඩියුලය (module) මෙහි නොමැත. gradlab හි torch (torch.nn, torch.optim, torch.utils.data සමඟ) සහ math, random, itertools, collections වැනි Python මොඩියුල ඇත; NumPy සහ ප්‍රස්ථාර ඇඳීමේ library එහි කොටසක් නොවේ.",
  },
  // -- gradlab's own limits (PyTorch has these, so no golden PyTorch error exists) ---------------
  {
    id: "gradlab-numpy",
    type: "NotImplementedError",
    message: /numpy\(\).*is not supported by gradlab/,
    gradlab: true,
    en: "This is gradlab’s limit, not your mistake: there is no NumPy in the browser engine. To see or use the values, print the tensor or turn it into Python lists with .tolist().",
    si: "මෙය gradlab හි සීමාවකි, ඔබේ වැරැද්දක් නොවේ: browser engine එකේ NumPy නැත. අගයන් බැලීමට හෝ භාවිතා කිරීමට ටෙන්සරය (tensor) මුද්‍රණය කරන්න, නැතහොත් .tolist() මගින් Python list බවට පත් කරන්න.",
    fix: (src, e) => editLine(src, e.line, (l) => l.replace(/\.numpy\(\)/g, ".tolist()")),
  },
  {
    id: "gradlab-not-supported",
    type: "NotImplementedError",
    message: /is not supported by gradlab/,
    gradlab: true,
    en: "This is gradlab’s limit, not your mistake: PyTorch has this, but gradlab (the small engine running in your browser) does not yet. The same code runs in PyTorch; here, try another way to write it.",
    si: "මෙය gradlab හි සීමාවකි, ඔබේ වැරැද්දක් නොවේ: PyTorch හි මෙය ඇත, නමුත් gradlab (ඔබේ browser එකේ ධාවනය වන කුඩා engine එක) තවම එය සපයන්නේ නැත. එම කේතය PyTorch හි ධාවනය වේ; මෙහි එය ලිවීමට වෙනත් ක්‍රමයක් උත්සාහ කරන්න.",
  },
];

/** The page's own stop (time limit): not an exception of the cell's code, explained the same way. */
export const TIME_LIMIT_HELP = {
  id: "time-limit",
  en: "A cell that runs this long usually has a loop that never ends (while True, or a condition that never becomes false) or works on very large tensors. Check the loop’s condition, or make the tensors or the number of steps smaller.",
  si: "මෙතරම් දිගු වේලාවක් ධාවනය වන cell එකක සාමාන්‍යයෙන් කිසි විටෙක නොනවතින ලූපයක් (while True, හෝ කිසි විටෙක අසත්‍ය නොවන කොන්දේසියක්) හෝ ඉතා විශාල ටෙන්සර (tensor) ඇත. ලූපයේ කොන්දේසිය පරීක්ෂා කරන්න, නැතහොත් ටෙන්සර හෝ පියවර ගණන කුඩා කරන්න.",
};

const typesOf = (row) => (Array.isArray(row.type) ? row.type : [row.type]);

/** The row that explains `error` ({type, message, line}) raised by the cell `source`, or null. */
export function errorHelpRow(error, source = "") {
  if (!error) return null;
  return ERROR_HELP.find((r) => typesOf(r).includes(error.type) && r.message.test(error.message) && (!r.when || r.when(source))) ?? null;
}

/**
 * The explanation for a cell's error: {id, en, si, fixed} where `fixed` is the cell's source with
 * the fix applied (for "Show me"), or null.
 */
export function explainError(error, source = "") {
  const row = errorHelpRow(error, source);
  if (!row) return null;
  let fixed = null;
  try {
    fixed = row.fix?.(source, error) ?? null;
  } catch {
    fixed = null; // a fix that cannot read this cell offers nothing rather than breaking the page
  }
  return { id: row.id, en: row.en, si: row.si, fixed };
}

/** UI words of the explainer (kept beside it; both languages are shown by the language switch). */
export const ERROR_HELP_UI = {
  showMe: { en: "Show me", si: "පෙන්වන්න" },
  copyNote: (n) => ({
    en: `A copy of cell ${n} with the fix applied; your cell ${n} is unchanged. Run it to try the fix.`,
    si: `නිවැරදි කිරීම යෙදූ cell ${n} හි පිටපතකි; ඔබේ cell ${n} වෙනස් වී නැත. නිවැරදි කිරීම අත්හදා බැලීමට එය ධාවනය කරන්න.`,
  }),
};
