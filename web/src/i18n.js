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
    // a plural counts as its singular: "(gradient)" once, not "(gradients)" again
    const base = g.of ?? key;
    if (lang === "si" && !seen.has(base)) {
      seen.add(base);
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
    backToLesson: (n) => `Back to lesson ${n}`,
    stale: "Out of date: a cell above changed after this one ran.",
    staleRestart: "Not run in the current engine session (the engine was restarted).",
    loading: "Starting the engine…",
    badge: "Outputs computed live in your browser by gradlab’s C++ engine (WebAssembly)",
    badgeMatch: (n, m) => `${n} of ${m} lesson outputs match PyTorch 1.13 character for character`,
    matchTitle: "Same text as PyTorch 1.13 printed for this cell",
    picture: "Picture of the current cell",
    noPicture: "Run a cell that builds a graph (for example y=x**2) to see its backward graph here.",
    graphCaption: "Backward graph: gradients flow along the arrows, from the output to the leaves. Hover a node for its local derivative; with the keyboard, Tab to “Show graph as table” to read every node, its value, gradient and rule.",
    plotCaption: (x, y) => `The curve ${y} of ${x}, the point (${x}, ${y}) and the tangent line whose slope is ${x}.grad.`,
    slider: "x",
    stopped: "Stopped",
    timedOut: (s) => `The cell ran for more than ${s} s, so it was stopped.`,
    stoppedByUser: "You stopped the cell.",
    restarted: "The engine was restarted (a fresh session); the cells above were run again to restore their variables. Cells below are marked out of date.",
    confirmReset: (n) => `Discard your edits and restore lesson ${n} as it was?`,
    confirmResetImported: (n) => `Close the imported notebook and go back to lesson ${n}? (Your edits to the lessons are kept.)`,
    yes: "Yes, reset",
    cancel: "Cancel",
    imported: (name) => `Imported notebook: ${name}`,
    importFailed: (msg) => `Could not import this file: ${msg}`,
    engineFailed: (msg) => `The engine could not start: ${msg}`,
    hint: "Hint",
    slopeNote: (x, y) => `Until ${y}.backward() runs, the slope shown is d${y}/d${x}: the value ${x}.grad will get.`,
    // imported markdown (markdown.js)
    newTab: "(opens in a new tab)",
    blockedMedia: (kind, host) => `${{ image: "Image", video: "Video", audio: "Audio" }[kind] ?? "Picture"} from ${host}: not loaded (the page never fetches from other sites). Open it in a new tab`,
    mdTooLong: "This markdown cell is too long to format here; it is shown as plain text.",
    mdFailed: "This markdown could not be formatted (it is nested too deeply); it is shown as plain text.",
    // import problems (ipynb.js ImportProblem keys)
    tooBig: (mb, max) => `the file is ${mb} MB; notebooks up to ${max} MB can be imported.`,
    notJson: "it is not a JSON file, so not an .ipynb notebook.",
    notNotebook: "it is JSON but not a Jupyter notebook (no nbformat).",
    oldVersion: (v) => `it is an nbformat ${v} notebook; only nbformat 4 can be imported (open it in Jupyter and save it again to convert it).`,
    noCells: "it has no list of cells.",
    tooManyCells: (n, max) => `it has ${n} cells; notebooks with up to ${max} cells can be imported.`,
    badCell: (i, kind) => `cell ${i} is ${kind}, not a cell.`,
    badSource: (i, kind) => `the source of cell ${i} is ${kind}; it must be text or a list of lines.`,
    badSourceLine: (i, line, kind) => `line ${line} of cell ${i} is ${kind}, not text.`,
    badCellType: (i, type) => `cell ${i} has the unknown cell_type “${type}” (expected code, markdown or raw).`,
    readFailed: "the file could not be read.",
    importing: (done, all) => `Importing: ${done} of ${all} cells shown…`,
    // storage
    saveFailed: "Your browser’s storage is full: your latest edits are NOT saved and would be lost on reload. Export the notebook to keep them.",
    importNotSaved: "This notebook could not be kept in your browser’s storage: it will be gone after a reload. Export it to keep your edits.",
    exportNow: "Export .ipynb now",
    dismiss: "Dismiss",
    confirmReplace: (name) => `Replace the imported notebook “${name}”? Your edits to it will be lost (export it first to keep them).`,
    yesReplace: "Yes, replace",
    confirmTitle: "Please confirm",
    // the picture
    plotTooSlow: (s) => `The curve took longer than ${s} s to sample, so it is not drawn. Your cells and their variables are untouched.`,
    showTable: "Show graph as table",
    hideTable: "Hide table",
    graphSummary: (out, n, e) => `Backward graph of ${out}: ${n} nodes, ${e} edges.`,
    edgeText: (a, b) => `gradient flows from ${a} to ${b}`,
    colNode: "Node",
    colValue: "Value",
    colGrad: "Gradient",
    colRule: "Local derivative",
    colNext: "Gradient goes to",
    outputsOf: (n) => `Output of cell ${n}`,
    toPicture: "Go to this cell’s picture (graph, plot and slider)",
    // the course (lesson-view.js) and the toolbar
    skip: "Skip to the lesson",
    speed: "Speed",
    speedTitle: "Time the five benchmark workloads in your browser",
    courseTitle: "Backpropagation, step by step",
    courseIntro: "A course in lessons: each one runs live in your browser, with outputs identical to PyTorch’s. Start anywhere; your edits are kept.",
    courseMap: "Course map",
    lessonN: (n) => `Lesson ${n}:`,
    lessonOf: (n, all) => `Lesson ${n} of ${all}`,
    lessonNavTop: "Where you are in the course",
    lessonNavBottom: "Previous and next lesson",
    // lesson pictures (lessons/*-picture.js)
    secantCaption: "The curve f, the tangent at x (its gradient is x.grad, from backward()) and the secant through x and x + h (its gradient is the finite difference). Make h smaller: the secant turns into the tangent.",
    secantSlope: "(f(x+h) − f(x)) / h",
    shapesCaption: "Broadcasting stretches a (3, 1) column and a (1, 3) row to (3, 3) without copying them; a reduction such as sum over a dim squeezes that dim away. backward() does the reverse: the gradient of a stretched input is summed over the dims it was stretched along.",
    shapesReduce: "Reduce c",
    shapesAll: "all",
    shapesExpand: "expand",
    fitCaption: "Left: the data and the line y = w·x + b after the chosen step. Right: the loss at each step so far (log scale). The engine ran the loop at this learning rate; Play replays its steps.",
    play: "▶ Play",
    stepOnce: "Step",
    lrScale: "learning rates",
    landscapeCaption: "The heatmap is log(1 + f) computed by the engine (light: low, dark: high); the dot is the minimum (1, 1). Blue: SGD, orange: SGD with momentum 0.9, green: Adam — each from (−1.5, 2), every point printed by the engine.",
    restart: "↺ Step 0",
    classifyCaption: "The engine trained this network (Adam, 200 steps) with the width, activation and learning rate chosen here. Left: the data and the network’s probability of class 1 (blue) against class 0 (orange) over the plane, every 10 steps. Right: the loss.",
    pause: "⏸ Pause",
    pictureFailed: "This picture could not be drawn: the cells it reads have an error. Fix them and run again.",
    // share links and teacher options (share.js, share-view.js)
    share: "Share",
    shareTitle: "Copy a link to this lesson as you have it",
    shareDialogTitle: "Share this lesson",
    shareIntro: "The link holds your edited cells, the pictures’ settings and the language. Whoever opens it sees this version; their own work stays as it is.",
    shareTeacher: "Teacher options",
    shareHide: "Hide the outputs until the learner runs each cell",
    sharePictures: "Include the pictures’ slider settings",
    shareLock: "Lock cells (read only), for example 1-3, 5:",
    shareStart: "Start on cell:",
    shareLink: "Link",
    shareCopy: "Copy link",
    shareClose: "Close",
    shareCopied: "Link copied.",
    shareCopyManual: "Your browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.",
    shareBadList: (n) => `Write cell numbers from 1 to ${n}, such as 1-3, 5.`,
    shareBadStart: (n) => `Write a cell number from 1 to ${n}, or leave it empty.`,
    shareBanner: (n) => `You are viewing a shared version of lesson ${n}. Your own work on this lesson is kept as it was.`,
    shareMine: "Back to my version",
    shareKeep: "Keep this version as mine",
    shareConfirmKeep: (n) => `Replace your saved edits of lesson ${n} with this shared version?`,
    shareYesKeep: "Yes, keep it",
    shareConfirmReset: "Discard your edits to this shared version and show it as the link has it? (Your own work on the lesson is kept.)",
    shareLocked: "Locked by the teacher: read only",
    shareHidden: "Output hidden: run the cell to see it.",
    shareShowOutput: "Show output",
    sharePictureHidden: "This cell’s output is hidden, and so is its picture: run the cell to see both.",
    shareFailed: (key, ...args) => `This share link could not be opened: ${tIn("en", key, ...args)} Your own work is unchanged and nothing from the link ran.`,
    shareDamaged: "its text is damaged or cut short (copy the whole link again).",
    shareNoLesson: "it names no lesson of this course.",
    shareTooBig: (mb) => `it would unpack to more than ${mb} MB.`,
    shareTooLong: (mb, max) => `the link would be ${mb} MB long; links up to ${max} MB work. Export .ipynb instead.`,
    shareVersion: (v) => `it was made by another version of the page (${v}).`,
    shareOtherLesson: (id) => `it is for another lesson (“${id}”).`,
    shareCellCount: (n, m) => `it has ${n} cells but this lesson has ${m}: the lesson changed after the link was made.`,
    shareBadField: (f) => `its part “${f}” is not valid.`,
    // stepper.js: "Step through backward"
    stepThrough: "Step through backward",
    stepPrev: "← Previous step",
    stepNext: "Next step →",
    stepClose: "Close the steps",
    stepOf: (i, n, p, np) => `Step ${i} of ${n} · backward pass ${p} of ${np}`,
    stepArrives: "Gradient arriving:",
    stepNone: "none arrived",
    stepRule: "Local derivative:",
    stepSends: (to) => `Sent to ${to}:`,
    stepSummed: (from, to) => `broadcast: the gradient of shape ${from} was summed back to shape ${to}; before the sum:`,
    stepAccum: (name) => `${name}.grad accumulates:`,
    stepAccumPreview: (name) => `${name}.grad would become:`,
    stepPreview: (name) => `A preview of ${name}.backward(): the engine ran it without changing anything (no .grad written, the graph kept). Run ${name}.backward() to do it for real.`,
    stepPreviewFailed: "The engine could not run this backward pass:",
    stepStale: (name) => `a later cell changed ${name} since this cell ran. Run this cell again, then step through its backward pass.`,
    stepKeys: "With the steps focused, ← and → move between them; Esc closes them. Every number comes from the engine’s own backward pass.",
  },
  si: {
    run: "ධාවනය කරන්න",
    runTitle: "මෙම cell එක ධාවනය කරන්න (Ctrl+Enter; Shift+Enter ධාවනය කර ඊළඟට යයි)",
    runAll: "සියල්ල යළි ධාවනය කරන්න",
    runAllTitle: "අලුත් engine session එකක් ආරම්භ කර මුල සිට සියලු cells ධාවනය කරන්න",
    runAllBelow: "පහත සියල්ල ධාවනය කරන්න",
    stop: "නවත්වන්න",
    reset: "පාඩම යළි සකසන්න",
    export: ".ipynb ලෙස බාගන්න",
    import: ".ipynb විවෘත කරන්න",
    backToLesson: (n) => `${n} වන පාඩමට ආපසු යන්න`,
    stale: "යාවත්කාලීන නැත: මෙය ධාවනය වූ පසු ඉහළ cell එකක් වෙනස් විය.",
    staleRestart: "වත්මන් engine session එකේ ධාවනය වී නැත (engine එක නැවත ආරම්භ විය).",
    loading: "Engine එක ආරම්භ වෙමින්…",
    badge: "ප්‍රතිදාන ඔබගේ browser එක තුළම gradlab හි C++ engine එක (WebAssembly) මගින් සජීවීව ගණනය කෙරේ",
    badgeMatch: (n, m) => `පාඩමේ ප්‍රතිදාන ${m} න් ${n} ක් PyTorch 1.13 ට අකුරට අකුර සමාන වේ`,
    matchTitle: "PyTorch 1.13 මෙම cell එකට මුද්‍රණය කළ පාඨයම",
    picture: "වත්මන් cell එකේ රූපය",
    noPicture: "ආපසු ප්‍රස්ථාරය මෙහි දැකීමට, ගණනය කිරීමේ ප්‍රස්ථාරයක් සාදන cell එකක් (උදා: y=x**2) ධාවනය කරන්න.",
    graphCaption: "ආපසු ප්‍රස්ථාරය: අනුක්‍රමණ ඊතල ඔස්සේ, ප්‍රතිදානයේ සිට පත්‍ර නෝඩ දක්වා ගලා යයි. නෝඩයක ස්ථානීය ව්‍යුත්පන්නය බැලීමට mouse එක ඒ මත තබන්න; යතුරුපුවරුවෙන්, සෑම නෝඩයක්ම, එහි අගය, අනුක්‍රමණය සහ නීතිය කියවීමට Tab යතුර ඔබා “ප්‍රස්ථාරය වගුවක් ලෙස පෙන්වන්න” වෙත යන්න.",
    plotCaption: (x, y) => `${y} = f(${x}) වක්‍රය, (${x}, ${y}) ලක්ෂ්‍යය සහ අනුක්‍රමණය ${x}.grad වන ස්පර්‍ශක රේඛාව.`,
    slider: "x",
    stopped: "නවත්වන ලදී",
    timedOut: (s) => `cell එක තත්පර ${s} කට වඩා ධාවනය වූ බැවින් නවත්වන ලදී.`,
    stoppedByUser: "cell එක ඔබ විසින් නවත්වන ලදී.",
    restarted: "Engine එක නැවත ආරම්භ විය (අලුත් session එකක්); විචල්‍ය නැවත ලබා දීමට ඉහළ cells නැවත ධාවනය කරන ලදී. පහළ cells යාවත්කාලීන නැති ලෙස සලකුණු කර ඇත.",
    confirmReset: (n) => `ඔබගේ වෙනස් කිරීම් ඉවත ලා ${n} වන පාඩම මුල් ආකාරයට පත් කරන්නද?`,
    confirmResetImported: (n) => `විවෘත කළ notebook එක වසා ${n} වන පාඩමට ආපසු යන්නද? (පාඩම්වල ඔබගේ වෙනස් කිරීම් රැඳේ.)`,
    yes: "ඔව්, යළි සකසන්න",
    cancel: "අවලංගු කරන්න",
    imported: (name) => `විවෘත කළ notebook එක: ${name}`,
    importFailed: (msg) => `මෙම ගොනුව විවෘත කළ නොහැක: ${msg}`,
    engineFailed: (msg) => `Engine එක ආරම්භ කළ නොහැකි විය: ${msg}`,
    hint: "ඉඟිය",
    slopeNote: (x, y) => `${y}.backward() ධාවනය වන තුරු පෙන්වන අනුක්‍රමණය d${y}/d${x} වේ: එනම් ${x}.grad ට ලැබෙන අගයයි.`,
    newTab: "(නව tab එකක විවෘත වේ)",
    blockedMedia: (kind, host) => `${host} වෙතින් ${{ image: "රූපය", video: "වීඩියෝව", audio: "ශ්‍රව්‍ය ගොනුව" }[kind] ?? "රූපය"} පූරණය නොකළා (පිටුව වෙනත් අඩවිවලින් කිසිවක් ලබා නොගනී). එය නව tab එකක විවෘත කරන්න`,
    mdTooLong: "මෙම markdown cell එක මෙහි හැඩගැන්වීමට දිග වැඩිය; එය සාමාන්‍ය පාඨයක් ලෙස පෙන්වයි.",
    mdFailed: "මෙම markdown හැඩගැන්විය නොහැකි විය (එය ඉතා ගැඹුරට කූඩු කර ඇත); එය සාමාන්‍ය පාඨයක් ලෙස පෙන්වයි.",
    tooBig: (mb, max) => `ගොනුව MB ${mb} කි; MB ${max} දක්වා notebooks පමණක් විවෘත කළ හැක.`,
    notJson: "එය JSON ගොනුවක් නොවේ, එබැවින් .ipynb notebook එකක් නොවේ.",
    notNotebook: "එය JSON වුවත් Jupyter notebook එකක් නොවේ (nbformat නැත).",
    oldVersion: (v) => `එය nbformat ${v} notebook එකකි; විවෘත කළ හැක්කේ nbformat 4 පමණි (එය Jupyter හි විවෘත කර නැවත save කළ විට nbformat 4 බවට හැරේ).`,
    noCells: "එහි cells ලැයිස්තුවක් නැත.",
    tooManyCells: (n, max) => `එහි cells ${n} ක් ඇත; cells ${max} දක්වා ඇති notebooks පමණක් විවෘත කළ හැක.`,
    badCell: (i, kind) => `cell ${i} යනු ${kind} ය, cell එකක් නොවේ.`,
    badSource: (i, kind) => `cell ${i} හි source එක ${kind} ය; එය පාඨයක් හෝ පේළි ලැයිස්තුවක් විය යුතුය.`,
    badSourceLine: (i, line, kind) => `cell ${i} හි ${line} වන පේළිය ${kind} ය, පාඨයක් නොවේ.`,
    badCellType: (i, type) => `cell ${i} හි නොදන්නා cell_type “${type}” ඇත (code, markdown හෝ raw බලාපොරොත්තු විය).`,
    readFailed: "ගොනුව කියවිය නොහැකි විය.",
    importing: (done, all) => `විවෘත වෙමින්: cells ${all} න් ${done} ක් පෙන්වා ඇත…`,
    saveFailed: "ඔබගේ browser එකේ ගබඩාව පිරී ඇත: ඔබගේ අලුත්ම වෙනස් කිරීම් සුරැකී නැති අතර reload කළ විට නැති වේ. ඒවා තබා ගැනීමට notebook එක .ipynb ලෙස බාගන්න.",
    importNotSaved: "මෙම notebook එක ඔබගේ browser එකේ ගබඩාවේ තබා ගත නොහැකි විය: reload කළ පසු එය නැති වේ. ඔබගේ වෙනස් කිරීම් තබා ගැනීමට එය .ipynb ලෙස බාගන්න.",
    exportNow: "දැන් .ipynb ලෙස බාගන්න",
    dismiss: "වසන්න",
    confirmReplace: (name) => `විවෘත කළ notebook එක “${name}” ප්‍රතිස්ථාපනය කරන්නද? එහි ඔබගේ වෙනස් කිරීම් නැති වේ (ඒවා තබා ගැනීමට පළමුව .ipynb ලෙස බාගන්න).`,
    yesReplace: "ඔව්, ප්‍රතිස්ථාපනය කරන්න",
    confirmTitle: "කරුණාකර තහවුරු කරන්න",
    plotTooSlow: (s) => `වක්‍රය සඳහා නියැදි ගැනීමට තත්පර ${s} කට වඩා ගත වූ බැවින් එය ඇඳ නැත. ඔබගේ cells සහ ඒවායේ විචල්‍ය නොවෙනස්ව පවතී.`,
    showTable: "ප්‍රස්ථාරය වගුවක් ලෙස පෙන්වන්න",
    hideTable: "වගුව සඟවන්න",
    graphSummary: (out, n, e) => `${out} හි ආපසු ප්‍රස්ථාරය: නෝඩ ${n}, දාර ${e}.`,
    edgeText: (a, b) => `අනුක්‍රමණය ${a} සිට ${b} වෙත ගලා යයි`,
    colNode: "නෝඩය",
    colValue: "අගය",
    colGrad: "අනුක්‍රමණය",
    colRule: "ස්ථානීය ව්‍යුත්පන්නය",
    colNext: "අනුක්‍රමණය යන්නේ",
    outputsOf: (n) => `cell ${n} හි ප්‍රතිදානය`,
    toPicture: "මෙම cell එකේ රූපයට යන්න (ගණනය කිරීමේ ප්‍රස්ථාරය, වක්‍රය සහ slider එක)",
    skip: "පාඩමට කෙලින්ම යන්න",
    speed: "වේගය",
    speedTitle: "benchmark workloads පහේ වේගය ඔබගේ browser එකේ මනින්න",
    courseTitle: "පසු ප්‍රචාරණය, පියවරෙන් පියවර",
    courseIntro: "පාඩම් මාලාවකි: සෑම පාඩමක්ම ඔබගේ browser එක තුළ සජීවීව ධාවනය වන අතර ප්‍රතිදාන PyTorch හි ප්‍රතිදානවලට සර්‍වසම වේ. ඕනෑම පාඩමකින් පටන් ගන්න; ඔබගේ වෙනස් කිරීම් සුරැකේ.",
    courseMap: "පාඩම් සිතියම",
    lessonN: (n) => `${n} වන පාඩම:`,
    lessonOf: (n, all) => `පාඩම් ${all} න් ${n} වැන්න`,
    lessonNavTop: "පාඩම් මාලාවේ ඔබ සිටින තැන",
    lessonNavBottom: "පෙර සහ ඊළඟ පාඩම",
    secantCaption: "f වක්‍රය, x හි ස්පර්‍ශක රේඛාව (එහි අනුක්‍රමණය backward() දෙන x.grad වේ) සහ x හා x + h හරහා යන ඡේදක රේඛාව (එහි අනුක්‍රමණය පරිමිත අන්තරයයි). h කුඩා කරන්න: ඡේදක රේඛාව ස්පර්‍ශක රේඛාව බවට පත් වේ.",
    secantSlope: "(f(x+h) − f(x)) / h",
    shapesCaption: "විකාශනය (3, 1) තීරුවක් සහ (1, 3) පේළියක් පිටපත් නොකර (3, 3) දක්වා දිගු කරයි; මානයක් ඔස්සේ sum වැනි ඌනනයක් එම මානය ඉවත් කරයි. backward() ප්‍රතිවිරුද්ධ දේ කරයි: දිගු කළ ආදානයක අනුක්‍රමණය, එය දිගු වූ මාන ඔස්සේ එකතු කෙරේ.",
    shapesReduce: "c ඌනනය කරන්න",
    shapesAll: "සියල්ල",
    shapesExpand: "දිගු කිරීම",
    fitCaption: "වමේ: දත්ත සහ තෝරාගත් පියවරෙන් පසු y = w·x + b රේඛාව. දකුණේ: මෙතෙක් සෑම පියවරකම හානිය (ලඝුගණක පරිමාණය). මෙම ඉගෙනුම් අනුපාතයෙන් engine එක ලූපය ධාවනය කළේය; Play එහි පියවර නැවත පෙන්වයි.",
    play: "▶ ධාවනය කරන්න",
    stepOnce: "පියවරක් යන්න",
    lrScale: "ඉගෙනුම් අනුපාත",
    landscapeCaption: "තාප සිතියම engine එක ගණනය කළ log(1 + f) වේ (ලා පැහැය: අඩු, තද පැහැය: වැඩි); තිත අවම ලක්ෂ්‍යය (1, 1) යි. නිල්: SGD, තැඹිලි: momentum 0.9 සහිත SGD, කොළ: Adam — සියල්ල (−1.5, 2) සිට; සෑම ලක්ෂ්‍යයක්ම engine එක මුද්‍රණය කළේය.",
    restart: "↺ 0 වන පියවරට යන්න",
    classifyCaption: "මෙහි තෝරාගත් width, activation සහ ඉගෙනුම් අනුපාතය සමඟ engine එක මෙම ජාලය පුහුණු කළේය (Adam, පියවර 200). වමේ: දත්ත සහ තලය පුරා පන්තිය 1 (නිල්) සහ පන්තිය 0 (තැඹිලි) සඳහා ජාලයේ සම්භාවිතාව, පියවර 10 න් 10 ට. දකුණේ: හානිය.",
    pause: "⏸ විරාම කරන්න",
    pictureFailed: "මෙම රූපය ඇඳිය නොහැකි විය: එය කියවන cells වල දෝෂයක් ඇත. ඒවා නිවැරදි කර නැවත ධාවනය කරන්න.",
    share: "බෙදා ගන්න",
    shareTitle: "ඔබ සකස් කළ ආකාරයෙන්ම මෙම පාඩමට සබැඳියක් පිටපත් කරන්න",
    shareDialogTitle: "මෙම පාඩම බෙදා ගන්න",
    shareIntro: "සබැඳියේ ඔබ වෙනස් කළ cells, රූපවල සැකසුම් සහ භාෂාව අඩංගු වේ. එය විවෘත කරන අයට මෙම අනුවාදය පෙනේ; ඔවුන්ගේම වැඩ නොවෙනස්ව පවතී.",
    shareTeacher: "ගුරු විකල්ප",
    shareHide: "ඉගෙන ගන්නා අය එක් එක් cell එක ධාවනය කරන තුරු ප්‍රතිදාන සඟවන්න",
    sharePictures: "රූපවල slider සැකසුම් ද ඇතුළත් කරන්න",
    shareLock: "අගුළු දැමිය යුතු cells (කියවීමට පමණි), උදා: 1-3, 5:",
    shareStart: "ආරම්භ කළ යුතු cell එක:",
    shareLink: "සබැඳිය",
    shareCopy: "සබැඳිය පිටපත් කරන්න",
    shareClose: "වසන්න",
    shareCopied: "සබැඳිය පිටපත් කරන ලදී.",
    shareCopyManual: "ඔබගේ browser එක පිටපත් කිරීමට ඉඩ නොදුනි: සබැඳිය තෝරා ඇත; එය පිටපත් කිරීමට Ctrl+C (Mac හි ⌘C) ඔබන්න.",
    shareBadList: (n) => `1 සිට ${n} දක්වා cell අංක ලියන්න, උදා: 1-3, 5.`,
    shareBadStart: (n) => `1 සිට ${n} දක්වා cell අංකයක් ලියන්න, නැතහොත් හිස්ව තබන්න.`,
    shareBanner: (n) => `ඔබ බලන්නේ ${n} වන පාඩමේ බෙදා ගත් අනුවාදයකි. මෙම පාඩමේ ඔබගේම වැඩ තිබූ ආකාරයෙන්ම සුරැකී ඇත.`,
    shareMine: "මගේ අනුවාදයට ආපසු යන්න",
    shareKeep: "මෙම අනුවාදය මගේ ලෙස තබා ගන්න",
    shareConfirmKeep: (n) => `${n} වන පාඩමේ ඔබ සුරැකූ වෙනස් කිරීම් මෙම බෙදා ගත් අනුවාදයෙන් ප්‍රතිස්ථාපනය කරන්නද?`,
    shareYesKeep: "ඔව්, තබා ගන්න",
    shareConfirmReset: "මෙම බෙදා ගත් අනුවාදයට ඔබ කළ වෙනස් කිරීම් ඉවත ලා එය සබැඳියේ ඇති ආකාරයට පෙන්වන්නද? (පාඩමේ ඔබගේම වැඩ සුරැකේ.)",
    shareLocked: "ගුරුවරයා අගුළු දමා ඇත: කියවීමට පමණි",
    shareHidden: "ප්‍රතිදානය සඟවා ඇත: එය බැලීමට cell එක ධාවනය කරන්න.",
    shareShowOutput: "ප්‍රතිදානය පෙන්වන්න",
    sharePictureHidden: "මෙම cell එකේ ප්‍රතිදානය සඟවා ඇති බැවින් එහි රූපයද සඟවා ඇත: දෙකම බැලීමට cell එක ධාවනය කරන්න.",
    shareFailed: (key, ...args) => `මෙම බෙදා ගත් සබැඳිය විවෘත කළ නොහැකි විය: ${tIn("si", key, ...args)} ඔබගේ වැඩ නොවෙනස්ව ඇති අතර සබැඳියෙන් කිසිවක් ධාවනය නොවීය.`,
    shareNoLesson: "එය මෙම පාඩම් මාලාවේ කිසිදු පාඩමක් නම් නොකරයි.",
    shareDamaged: "එහි පාඨය හානි වී හෝ කැපී ඇත (සම්පූර්‍ණ සබැඳිය නැවත පිටපත් කරන්න).",
    shareTooBig: (mb) => `එය දිගහැරිය විට MB ${mb} ට වඩා විශාල වේ.`,
    shareTooLong: (mb, max) => `සබැඳිය MB ${mb} ක් දිග වේ; MB ${max} දක්වා සබැඳි පමණක් ක්‍රියා කරයි. ඒ වෙනුවට .ipynb ලෙස බාගන්න.`,
    shareVersion: (v) => `එය පිටුවේ වෙනත් අනුවාදයකින් සාදා ඇත (${v}).`,
    shareOtherLesson: (id) => `එය වෙනත් පාඩමක් සඳහා ය (“${id}”).`,
    shareCellCount: (n, m) => `එහි cells ${n} ක් ඇති නමුත් මෙම පාඩමේ cells ${m} ක් ඇත: සබැඳිය සෑදූ පසු පාඩම වෙනස් වී ඇත.`,
    shareBadField: (f) => `එහි “${f}” කොටස වලංගු නොවේ.`,
    stepThrough: "ආපසු ගමන පියවරෙන් පියවර බලන්න",
    stepPrev: "← පෙර පියවර",
    stepNext: "ඊළඟ පියවර →",
    stepClose: "පියවර වසන්න",
    stepOf: (i, n, p, np) => `පියවර ${n} න් ${i} · ආපසු ගමන ${np} න් ${p}`,
    stepArrives: "පැමිණෙන අනුක්‍රමණය:",
    stepNone: "කිසිවක් නොපැමිණියේය",
    stepRule: "ස්ථානීය ව්‍යුත්පන්නය:",
    stepSends: (to) => `${to} වෙත යවන ලද්දේ:`,
    stepSummed: (from, to) => `විකාශනය: ${from} හැඩයේ අනුක්‍රමණය ${to} හැඩයට ආපසු එකතු කෙරිණි; එකතු කිරීමට පෙර:`,
    stepAccum: (name) => `${name}.grad සමුච්චය වේ:`,
    stepAccumPreview: (name) => `${name}.grad මෙසේ වනු ඇත:`,
    stepPreview: (name) => `${name}.backward() හි පෙරදසුනකි: engine එක කිසිවක් වෙනස් නොකර එය ධාවනය කළේය (.grad ලියා නැත, ප්‍රස්ථාරය තබා ඇත). සැබවින්ම එය කිරීමට ${name}.backward() ධාවනය කරන්න.`,
    stepPreviewFailed: "engine එකට මෙම ආපසු ගමන ධාවනය කළ නොහැකි විය:",
    stepStale: (name) => `මෙම cell එක ධාවනය වූ පසු පසුව ඇති cell එකක් ${name} වෙනස් කළේය. මෙම cell එක නැවත ධාවනය කර, ඉන්පසු එහි ආපසු ගමන පියවරෙන් පියවර බලන්න.`,
    stepKeys: "පියවර මත නාභිගත වූ විට, ← සහ → යතුරු පියවර අතර ගෙන යයි; Esc ඒවා වසයි. සෑම සංඛ්‍යාවක්ම engine එකේම ආපසු ගමනෙන් පැමිණේ.",
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
/** The UI string `key` in language `lang` ("en" or "si"), whatever the page's language. */
export function tIn(lang, key, ...args) {
  const v = (lang === "si" ? UI.si : UI.en)[key] ?? UI.en[key];
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
