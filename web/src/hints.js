// Short bilingual hints for the common autograd mistakes. PyTorch's English message is always
// shown unchanged above the hint (learners search for it); the hint only explains.

const RULES = [
  {
    id: "backward-twice",
    test: (e) => /backward through the graph a second time/.test(e.message),
    en: "backward() frees the graph’s saved values. To call it again, first re-run the cell that builds the graph (the forward pass), or call backward(retain_graph=True) the first time.",
    si: "backward() ප්‍රස්ථාරයේ සුරැකූ අගයන් නිදහස් කරයි. එය නැවත කැඳවීමට පෙර ප්‍රස්ථාරය සාදන cell එක (ඉදිරි ගමන) නැවත ධාවනය කරන්න, නැතහොත් පළමු වරට backward(retain_graph=True) ලෙස කැඳවන්න.",
  },
  {
    id: "nonscalar-backward",
    test: (e) => /grad can be implicitly created only for scalar outputs/.test(e.message),
    en: "backward() with no argument needs a single number (a scalar). Reduce first, e.g. y.sum().backward(), or pass a gradient of y’s shape: y.backward(torch.ones_like(y)).",
    si: "argument නැතිව backward() කැඳවීමට එක් සංඛ්‍යාවක් (අදිශයක්) අවශ්‍යයි. පළමුව එකතු කරන්න, උදා: y.sum().backward(), නැතහොත් y හි හැඩයේම අනුක්‍රමණයක් දෙන්න: y.backward(torch.ones_like(y)).",
  },
  {
    id: "int-requires-grad",
    test: (e) => /Only Tensors of floating point and complex dtype can require gradients/.test(e.message),
    en: "Gradients exist only for floating point tensors. Write 4.0 instead of 4 (or pass dtype=torch.float32).",
    si: "අනුක්‍රමණ ඇත්තේ ඉපිලුම් ලක්ෂ්‍ය ටෙන්සර සඳහා පමණි. 4 වෙනුවට 4.0 ලෙස ලියන්න (නැතහොත් dtype=torch.float32 දෙන්න).",
  },
  {
    id: "grad-none",
    test: (e, src) => /NoneType/.test(e.message) && /\.grad\b/.test(src),
    en: ".grad is None here. Only leaf tensors created with requires_grad=True get a .grad, and only after backward() has run. For an intermediate (non-leaf) tensor call .retain_grad() before backward().",
    si: "මෙහි .grad හි අගය None වේ. .grad ලැබෙන්නේ requires_grad=True සමඟ සෑදූ පත්‍ර (leaf) ටෙන්සරවලට පමණි, එයද backward() ධාවනය වූ පසුව පමණි. අතරමැදි (පත්‍ර නොවන) ටෙන්සරයක් සඳහා backward() ට පෙර .retain_grad() කැඳවන්න.",
  },
  {
    id: "no-grad-fn",
    test: (e) => /does not require grad and does not have a grad_fn/.test(e.message),
    en: "This tensor is not part of any graph: none of the tensors it was made from had requires_grad=True (or it was made under torch.no_grad() / with .detach()).",
    si: "මෙම ටෙන්සරය කිසිදු ප්‍රස්ථාරයක කොටසක් නොවේ: එය සෑදූ කිසිම ටෙන්සරයකට requires_grad=True නොතිබුණි (නැතහොත් එය torch.no_grad() තුළ / .detach() සමඟ සාදන ලදී).",
  },
  {
    id: "leaf-inplace",
    test: (e) => /a leaf Variable that requires grad is being used in an in-place operation/.test(e.message),
    en: "Updating a leaf that requires grad must happen outside the graph: wrap the update in with torch.no_grad():.",
    si: "requires grad ඇති පත්‍ර ටෙන්සරයක් යාවත්කාලීන කිරීම ප්‍රස්ථාරයෙන් පිටත සිදු විය යුතුය: එම යාවත්කාලීනය with torch.no_grad(): තුළ ලියන්න.",
  },
];

/** The hint for a cell error, or null. `source` is the cell's code. */
export function hintForError(error, source = "") {
  if (!error) return null;
  const r = RULES.find((rule) => rule.test(error, source));
  return r ? { id: r.id, en: r.en, si: r.si } : null;
}

/** The hint when a cell printed or returned None for a .grad (non-leaf or before backward). */
export function hintForNoneGrad(result, source) {
  const printedNone = result.result === "None" || /(^|\n)None\n?$/.test(result.output) || /not a leaf Tensor/.test(result.warnings ?? "");
  if (!printedNone || !/\.grad\b/.test(source)) return null;
  return {
    id: "grad-none",
    en: ".grad is None: either backward() has not run yet, or this tensor is not a leaf. PyTorch only fills .grad of leaf tensors created with requires_grad=True; call .retain_grad() on an intermediate tensor before backward() to keep its gradient.",
    si: ".grad හි අගය None වේ: backward() තවම ධාවනය වී නැත, නැතහොත් මෙම ටෙන්සරය පත්‍ර ටෙන්සරයක් නොවේ. PyTorch .grad පුරවන්නේ requires_grad=True සමඟ සෑදූ පත්‍ර ටෙන්සරවල පමණි; අතරමැදි ටෙන්සරයක අනුක්‍රමණය තබා ගැනීමට backward() ට පෙර .retain_grad() කැඳවන්න.",
  };
}

/**
 * "Forgot zero_()": a backward() that added to a .grad that already held a value.
 * `before` maps leaf names to their grad repr before the cell, `after` after it.
 */
export function hintForAccumulation(source, before, after) {
  if (!/\.backward\s*\(/.test(source) || /zero_\s*\(|\.grad\s*=\s*None|zero_grad/.test(source)) return null;
  for (let [name, prev] of before) {
    let now = after.get(name);
    if (prev != null && now != null && now !== prev) {
      if (prev.includes("\n") || now.includes("\n")) {
        return {
          id: "accumulate",
          en: `Gradients accumulate: this backward() added to the ${name}.grad that was already there. Call ${name}.grad.zero_() before backward(), or re-create ${name}, to start from zero.`,
          si: `අනුක්‍රමණ සමුච්චය වේ: මෙම backward() දැනටමත් තිබූ ${name}.grad ට එකතු විය. බිංදුවෙන් ආරම්භ කිරීමට backward() ට පෙර ${name}.grad.zero_() කැඳවන්න, නැතහොත් ${name} නැවත සාදන්න.`,
        };
      }
      const show = (r) => (r.startsWith("tensor(") ? r : `tensor(${r})`);
      [prev, now] = [show(prev), show(now)];
      return {
        id: "accumulate",
        en: `Gradients accumulate: ${name}.grad was ${prev} before this backward() and is now ${now} (the new gradient was added). Call ${name}.grad.zero_() before backward(), or re-create ${name}, to start from zero.`,
        si: `අනුක්‍රමණ සමුච්චය වේ: මෙම backward() ට පෙර ${name}.grad හි අගය ${prev} වූ අතර දැන් එය ${now} වේ (අලුත් අනුක්‍රමණය එකතු විය). බිංදුවෙන් ආරම්භ කිරීමට backward() ට පෙර ${name}.grad.zero_() කැඳවන්න, නැතහොත් ${name} නැවත සාදන්න.`,
      };
    }
  }
  return null;
}
