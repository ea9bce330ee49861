// CodeMirror 6 for code cells: Python highlighting with the page's colours (light and dark),
// undo history, bracket matching, and the notebook keys (Shift+Enter, Ctrl/Cmd+Enter).
// Tab is left to the browser (keyboard users can leave the editor); indent with the usual
// Enter auto-indent. The error line is marked with a line decoration.
import { EditorState, StateEffect, StateField, Prec } from "@codemirror/state";
import { EditorView, keymap, Decoration, drawSelection, highlightActiveLine } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { HighlightStyle, syntaxHighlighting, bracketMatching, indentOnInput } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { tags } from "@lezer/highlight";

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--hl-keyword)" },
  { tag: [tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "var(--hl-keyword)" },
  { tag: tags.comment, color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--hl-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--hl-number)" },
  { tag: [tags.operator, tags.arithmeticOperator], color: "var(--hl-operator)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--hl-function)" },
  { tag: tags.propertyName, color: "var(--hl-property)" },
]);

const setErrorLine = StateEffect.define();
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        if (e.value == null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
        const line = tr.state.doc.line(e.value);
        return Decoration.set([Decoration.line({ class: "cm-errorLine" }).range(line.from)]);
      }
    }
    return tr.docChanged ? Decoration.none : deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  "&": { backgroundColor: "transparent", color: "var(--code-fg)" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--fg)", padding: "6px 0" },
  ".cm-line": { padding: "0 10px" },
  "&.cm-focused": { outline: "none" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-matchingBracket": { backgroundColor: "var(--bracket)", outline: "none" },
});

/**
 * Creates an editor in `parent`. `onRun(moveOn)` is called for Shift+Enter (moveOn = true) and
 * Ctrl/Cmd+Enter (false); `onChange(text)` on every edit; `onFocus()` when it gains focus.
 */
export function createEditor(parent, { doc, onRun, onChange, onFocus, label }) {
  const runKeys = Prec.highest(
    keymap.of([
      { key: "Shift-Enter", run: () => (onRun(true), true) },
      { key: "Mod-Enter", run: () => (onRun(false), true) },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        runKeys,
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        python(),
        syntaxHighlighting(highlight),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        errorLineField,
        theme,
        // the page's CSP allows CodeMirror's <style> element by this nonce (tools/build-web.mjs)
        EditorView.cspNonce.of(typeof __STYLE_NONCE__ === "string" ? __STYLE_NONCE__ : ""),
        EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false", autocapitalize: "off", tabindex: "0" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
          if (u.focusChanged && u.view.hasFocus) onFocus();
        }),
      ],
    }),
  });
  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Replaces [from, to) without moving the user's focus (used by the slider). */
    replaceRange(from, to, insert) {
      view.dispatch({ changes: { from, to, insert } });
    },
    markErrorLine(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
    focus() {
      view.focus();
    },
  };
}
