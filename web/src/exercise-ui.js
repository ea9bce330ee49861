// "Predict, then run" on the page: the prediction box of a lesson cell that carries an exercise
// (exercise.js judges it), the learner's predictions and which were right (localStorage, one key
// per lesson), and the "2 / 3 exercises" of each lesson on the course map. Until the learner
// predicts (or asks to see it, or runs the cell), the cell's output stays covered. Every word
// here is shown in both languages by the language switch (lang-en / lang-si spans), so nothing
// needs relabelling when the language changes.
import "./exercise.css";
import { store } from "./app.js";
import { el, bilingual } from "./cell.js";
import { check, countRight } from "./exercise.js";
import { showNotice } from "./toolbar.js";
import { LESSONS, loadLesson } from "./lessons/index.js";

export const exercisesKey = (lesson) => `gradlab.v1.exercises.${lesson.id}`;

const TEXT = {
  title: { en: "Predict, then run", si: "අනුමාන කරන්න, පසුව ධාවනය කරන්න" },
  label: { en: "Your prediction", si: "ඔබගේ අනුමානය" },
  check: { en: "Check", si: "පරීක්ෂා කරන්න" },
  show: { en: "Show the output", si: "ප්‍රතිදානය පෙන්වන්න" },
  covered: { en: "The output is covered until you predict it.", si: "ඔබ අනුමාන කරන තුරු ප්‍රතිදානය වසා ඇත." },
  right: { en: "Right — the engine printed what you predicted.", si: "නිවැරදියි — ඔබ අනුමාන කළ දේම engine එක මුද්‍රණය කළේය." },
  wrong: { en: "Not quite — compare with the output below.", si: "හරියටම නොවේ — පහත ප්‍රතිදානය සමඟ සසඳන්න." },
  malformed: { en: "That prediction could not be read.", si: "එම අනුමානය කියවිය නොහැකි විය." },
  empty: { en: "Type a prediction first.", si: "පළමුව අනුමානයක් ලියන්න." },
  waiting: { en: "The cell has not run yet; your prediction is checked as soon as it has.", si: "cell එක තවම ධාවනය වී නැත; එය ධාවනය වූ විගස ඔබගේ අනුමානය පරීක්ෂා කෙරේ." },
  edited: {
    en: "You changed this cell’s code, and the exercise is about the lesson’s code: undo your edits (or Reset lesson), run the cell, then check.",
    si: "ඔබ මෙම cell එකේ code එක වෙනස් කර ඇති අතර අභ්‍යාසය පාඩමේ code එක ගැනය: ඔබගේ වෙනස් කිරීම් ඉවත් කර (නැතහොත් පාඩම යළි සකසා) cell එක ධාවනය කර, පසුව පරීක්ෂා කරන්න.",
  },
  solved: { en: "✓ Predicted right", si: "✓ නිවැරදිව අනුමාන කළා" },
  hint: { en: "Hint: ", si: "ඉඟිය: " },
};
const progressText = (right, all) => ({ en: `${right} / ${all} exercises predicted right`, si: `අභ්‍යාස ${all} න් ${right} ක් නිවැරදිව අනුමාන කළා` });

/** The stored predictions of a lesson: {cellId: {input, right}}. */
export function loadProgress(lesson) {
  const v = store.get(exercisesKey(lesson), {});
  return v && typeof v === "object" && !Array.isArray(v) ? v : {};
}

/** One lesson's exercises on the page: they share the lesson's stored record. */
export class LessonExercises {
  constructor(lesson) {
    this.lesson = lesson;
    this.progress = loadProgress(lesson);
  }

  save() {
    if (!store.set(exercisesKey(this.lesson), this.progress)) showNotice("saveFailed");
  }

  /** Adds the prediction box to `cell` (a Cell whose block has an exercise). */
  mount(cell) {
    cell.exercise = new ExerciseBox(cell, this);
  }
}

class ExerciseBox {
  constructor(cell, owner) {
    this.cell = cell;
    this.owner = owner;
    this.ex = cell.block.exercise;
    this.pending = false;
    const id = `ex-${cell.id}`;
    const saved = owner.progress[cell.id] ?? {};
    this.input = el("input", { id: `${id}-input`, class: "ex-input", type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-prompt` });
    this.input.value = typeof saved.input === "string" ? saved.input : "";
    this.input.addEventListener("input", () => this.remember({ input: this.input.value }));
    this.input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        this.submit();
      }
    });
    this.solved = el("span", { class: "ex-solved", hidden: saved.right !== true }, bilingual(TEXT.solved));
    this.showBtn = el("button", { type: "button", class: "link-btn ex-show", onclick: () => this.reveal() }, bilingual(TEXT.show));
    this.feedback = el("div", { class: "ex-feedback", role: "status", "aria-live": "polite" });
    this.coveredNote = el("p", { class: "ex-covered muted" }, bilingual(TEXT.covered));
    this.root = el(
      "div",
      { class: "exercise", role: "group", "aria-labelledby": `${id}-title` },
      el("p", { class: "ex-title", id: `${id}-title` }, el("b", {}, bilingual(TEXT.title)), " ", this.solved),
      el("div", { class: "ex-prompt", id: `${id}-prompt` }, bilingual(this.ex.prompt)),
      el(
        "div",
        { class: "ex-form" },
        el("label", { for: this.input.id }, bilingual(TEXT.label)),
        this.input,
        el("button", { type: "button", class: "ex-check", onclick: () => this.submit() }, bilingual(TEXT.check)),
        this.showBtn,
      ),
      this.coveredNote,
      this.feedback,
    );
    cell.root.insertBefore(this.root, cell.staleBanner);
    this.cover(saved.right !== true);
    // a shared view's "Show output" (share-view.js) is the learner asking to see it: uncover too
    const wasHidden = (m) => /\boutputs-hidden\b/.test(m.oldValue ?? "");
    new MutationObserver((changes) => {
      if (this.covered && changes.some(wasHidden) && !cell.root.classList.contains("outputs-hidden")) this.reveal();
    }).observe(cell.root, { attributeFilter: ["class"], attributeOldValue: true });
  }

  /**
   * Covers the cell's output (or uncovers it): blurred past reading, and its parts inert so screen
   * readers and Tab skip them (the outputs box itself stays focusable: share-view.js focuses it).
   */
  cover(on) {
    this.covered = on;
    this.cell.root.classList.toggle("ex-covered-output", on);
    for (const part of this.cell.outputs.children) part.inert = on;
    this.showBtn.hidden = !on;
    this.coveredNote.hidden = !on;
  }

  reveal() {
    this.cover(false);
  }

  remember(patch) {
    this.owner.progress[this.cell.id] = { ...this.owner.progress[this.cell.id], ...patch };
    this.owner.save();
  }

  /** Checks the prediction against the cell's last run (or as soon as the cell has run). */
  submit() {
    const run = this.cell.lastRun;
    if (!run) {
      this.pending = true;
      return this.say(TEXT.waiting);
    }
    if (run.source !== this.cell.block.source) return this.say(TEXT.edited);
    const { verdict, hint } = check(this.ex, run, this.input.value);
    if (verdict === "empty") return this.say(TEXT.empty);
    if (verdict === "malformed") return this.say(TEXT.malformed, hint);
    const right = verdict === "right";
    // once right, an exercise stays solved: a later slip does not take the progress back
    const was = this.owner.progress[this.cell.id]?.right === true;
    this.remember({ input: this.input.value, right: right || was });
    this.solved.hidden = !(right || was);
    this.cover(false);
    this.say(right ? TEXT.right : TEXT.wrong, hint, right ? "right" : "wrong");
  }

  say(message, hint = null, verdict = "note") {
    this.root.dataset.verdict = verdict;
    const parts = [el("p", { class: `ex-verdict ex-${verdict}` }, bilingual(message))];
    if (hint) parts.push(el("p", { class: "ex-hint", "data-hint": hint.id }, el("b", {}, bilingual(TEXT.hint)), bilingual(hint)));
    this.feedback.replaceChildren(...parts);
  }

  /** The cell ran: a run the learner asked for shows its output; a waiting prediction is checked. */
  ran(user) {
    this.cover(this.covered && !user); // the outputs are new: cover them again, or show a run the learner asked for
    if (this.pending) {
      this.pending = false;
      this.submit();
    }
  }
}

/**
 * Fills the course map's progress lines (elements with data-progress="<lesson id>"): each lesson
 * module is loaded (a small chunk) to count its exercises. `stillShown()` says the map is open.
 */
export async function fillMapProgress(root, stillShown) {
  for (const lesson of LESSONS) {
    const { blocks } = await loadLesson(lesson);
    if (!stillShown()) return;
    const { right, all } = countRight(blocks, loadProgress(lesson));
    const slot = root.querySelector(`[data-progress="${lesson.id}"]`);
    if (!slot || !all) continue;
    slot.dataset.right = String(right);
    slot.dataset.all = String(all);
    slot.classList.toggle("is-done", right === all);
    slot.replaceChildren(bilingual(progressText(right, all)));
  }
}
