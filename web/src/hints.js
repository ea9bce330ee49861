// Short bilingual hints for the common autograd mistakes that raise no error: a .grad that is
// None, and gradients that accumulate. Errors are explained by error-help.js. PyTorch's English
// output is always shown unchanged above the hint (learners search for it); the hint only explains.

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
    // a leaf the cell makes anew starts from no .grad: its old one is another tensor's
    if (new RegExp(`^\\s*${name}\\s*=(?!=)`, "m").test(source)) continue;
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
