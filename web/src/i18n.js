// Language: English, Sinhala or both side by side. The choice lives in localStorage.
// Lesson text uses [[key]] / [[key|shown words]] for glossary terms (glossary.js): the term is
// underlined and hover, focus or tap shows the other language's word. Code and PyTorch messages
// stay English in every mode.
import { GLOSSARY } from "./glossary.js";

export const LANGS = ["en", "si", "both"];
const KEY = "gradlab.v1.lang";

export function loadLang() {
  try {
    const v = localStorage.getItem(KEY);
    if (LANGS.includes(v)) return v;
  } catch {}
  return "en";
}

export function saveLang(lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {}
}

const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Expands glossary markup in trusted lesson HTML. `lang` is the language of `html`; `seen` (a Set
 * shared across one lesson's Sinhala blocks) makes the first Sinhala use show "(English)" too.
 */
export function renderTerms(html, lang, seen = new Set()) {
  return html.replace(/\[\[([a-z]+)(?:\|([^\]]+))?\]\]/g, (_, key, shown) => {
    const g = GLOSSARY[key];
    if (!g) throw new Error(`unknown glossary key ${key}`);
    const other = lang === "si" ? g.en : g.si;
    const otherLang = lang === "si" ? "en" : "si";
    let words = shown ?? g[lang];
    if (lang === "si" && !seen.has(g.en)) {
      seen.add(g.en);
      words += ` (${g.en})`;
    }
    return `<span class="term" tabindex="0" data-other="${escapeAttr(other)}" data-other-lang="${otherLang}" aria-description="${escapeAttr(other)}">${words}</span>`;
  });
}

/** Plain text version of lesson HTML (for .ipynb export): terms become their words. */
export function termsToText(html, lang) {
  return html.replace(/\[\[([a-z]+)(?:\|([^\]]+))?\]\]/g, (_, key, shown) => shown ?? GLOSSARY[key][lang]);
}

// Strings of the page's own controls, by language.
const UI = {
  en: {
    run: "Run",
    runTitle: "Run this cell (Ctrl+Enter; Shift+Enter runs and moves on)",
    runAll: "Restart & run all",
    runAllTitle: "Start a fresh engine session and run every cell from the top",
    runAllBelow: "Run all below",
    stop: "Stop",
    reset: "Reset lesson",
    export: "Export .ipynb",
    import: "Import .ipynb",
    backToLesson: "Back to lesson 1",
    stale: "Out of date: a cell above changed after this one ran.",
    staleRestart: "Not run in the current engine session (the engine was restarted).",
    loading: "Starting the engine…",
    badge: "Outputs computed live in your browser by gradlab’s C++ engine (WebAssembly)",
    badgeMatch: (n, m) => `${n} of ${m} lesson outputs match PyTorch 1.13 character for character`,
    matchTitle: "Same text as PyTorch 1.13 printed for this cell",
    picture: "Picture of the current cell",
    noPicture: "Run a cell that builds a graph (for example y=x**2) to see its backward graph here.",
    graphCaption: "Backward graph: gradients flow along the arrows, from the output to the leaves. Hover a node for its local derivative.",
    plotCaption: (x, y) => `The curve ${y} of ${x}, the point (${x}, ${y}) and the tangent line whose slope is ${x}.grad.`,
    slider: "x",
    stopped: "Stopped",
    timedOut: (s) => `The cell ran for more than ${s} s, so it was stopped.`,
    stoppedByUser: "You stopped the cell.",
    restarted: "The engine was restarted (a fresh session); the cells above were run again to restore their variables. Cells below are marked out of date.",
    confirmReset: "Discard your edits and restore lesson 1 as it was?",
    confirmResetImported: "Close the imported notebook and go back to lesson 1? (Your lesson 1 edits are kept.)",
    yes: "Yes, reset",
    cancel: "Cancel",
    imported: (name) => `Imported notebook: ${name}`,
    importFailed: (msg) => `Could not import this file: ${msg}`,
    engineFailed: (msg) => `The engine could not start: ${msg}`,
    hint: "Hint",
    slopeNote: (x, y) => `Until ${y}.backward() runs, the slope shown is d${y}/d${x}: the value ${x}.grad will get.`,
  },
  si: {
    run: "ධාවනය",
    runTitle: "මෙම cell එක ධාවනය කරන්න (Ctrl+Enter; Shift+Enter ධාවනය කර ඊළඟට යයි)",
    runAll: "සියල්ල යළි ධාවනය",
    runAllTitle: "අලුත් engine session එකක් ආරම්භ කර මුල සිට සියලු cells ධාවනය කරන්න",
    runAllBelow: "පහත සියල්ල ධාවනය",
    stop: "නවත්වන්න",
    reset: "පාඩම යළි සකසන්න",
    export: ".ipynb අපනයනය",
    import: ".ipynb ආයාතය",
    backToLesson: "පළමු පාඩමට ආපසු",
    stale: "යාවත්කාලීන නැත: මෙය ධාවනය වූ පසු ඉහළ cell එකක් වෙනස් විය.",
    staleRestart: "වත්මන් engine session එකේ ධාවනය වී නැත (engine එක නැවත ආරම්භ විය).",
    loading: "Engine එක ආරම්භ වෙමින්…",
    badge: "ප්‍රතිදාන ඔබගේ browser එක තුළම gradlab හි C++ engine එක (WebAssembly) මගින් සජීවීව ගණනය කෙරේ",
    badgeMatch: (n, m) => `පාඩමේ ප්‍රතිදාන ${m} න් ${n} ක් PyTorch 1.13 ට අකුරට අකුර සමාන වේ`,
    matchTitle: "PyTorch 1.13 මෙම cell එකට මුද්‍රණය කළ පාඨයම",
    picture: "වත්මන් cell එකේ රූපය",
    noPicture: "ආපසු ප්‍රස්ථාරය මෙහි දැකීමට, ප්‍රස්ථාරයක් සාදන cell එකක් (උදා: y=x**2) ධාවනය කරන්න.",
    graphCaption: "ආපසු ප්‍රස්ථාරය: අනුක්‍රමණ ඊතල ඔස්සේ, ප්‍රතිදානයේ සිට පත්‍ර නෝඩ දක්වා ගලා යයි. නෝඩයක ස්ථානීය ව්‍යුත්පන්නය බැලීමට mouse එක ඒ මත තබන්න.",
    plotCaption: (x, y) => `${x} අනුව ${y} වක්‍රය, (${x}, ${y}) ලක්ෂ්‍යය සහ ${x}.grad බෑවුම වන ස්පර්‍ශක රේඛාව.`,
    slider: "x",
    stopped: "නවත්වන ලදී",
    timedOut: (s) => `cell එක තත්පර ${s} කට වඩා ධාවනය වූ බැවින් නවත්වන ලදී.`,
    stoppedByUser: "ඔබ cell එක නැවැත්වූවා.",
    restarted: "Engine එක නැවත ආරම්භ විය (අලුත් session එකක්); විචල්‍ය නැවත ලබා දීමට ඉහළ cells නැවත ධාවනය කරන ලදී. පහළ cells යාවත්කාලීන නැති ලෙස සලකුණු කර ඇත.",
    confirmReset: "ඔබගේ වෙනස් කිරීම් ඉවත ලා පළමු පාඩම මුල් ආකාරයට පත් කරන්නද?",
    confirmResetImported: "ආයාත කළ notebook එක වසා පළමු පාඩමට ආපසු යන්නද? (පළමු පාඩමේ ඔබගේ වෙනස් කිරීම් රැඳේ.)",
    yes: "ඔව්, යළි සකසන්න",
    cancel: "අවලංගු කරන්න",
    imported: (name) => `ආයාත කළ notebook එක: ${name}`,
    importFailed: (msg) => `මෙම ගොනුව ආයාත කළ නොහැක: ${msg}`,
    engineFailed: (msg) => `Engine එක ආරම්භ කළ නොහැකි විය: ${msg}`,
    hint: "ඉඟිය",
    slopeNote: (x, y) => `${y}.backward() ධාවනය වන තුරු පෙන්වන බෑවුම d${y}/d${x} වේ: එනම් ${x}.grad ට ලැබෙන අගයයි.`,
  },
};

let current = "en";
export function setUiLang(lang) {
  current = lang;
}
/** The UI string `key` in the page's control language (Sinhala only in Sinhala mode). */
export function t(key, ...args) {
  const table = current === "si" ? UI.si : UI.en;
  const v = table[key] ?? UI.en[key];
  return typeof v === "function" ? v(...args) : v;
}
/** Both languages of a UI string, for messages shown in the text languages. */
export function tBoth(key, ...args) {
  const en = UI.en[key], si = UI.si[key];
  return {
    en: typeof en === "function" ? en(...args) : en,
    si: typeof si === "function" ? si(...args) : si,
  };
}
