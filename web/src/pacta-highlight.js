// Pacta highlighting for CodeMirror 6, driven by the TextMate grammar VS Code uses
// (editors/vscode/syntaxes/pacta.tmLanguage.json, bundled at build time: one source of truth).
// shiki tokenizes with its JavaScript regex engine (no Oniguruma wasm); a view plugin keeps the
// grammar state at the start of every line, re-tokenizes from the first changed line only until
// the state meets the one it had before, works in slices of a few milliseconds, and decorates
// the visible lines with one class per TextMate scope (the theme below maps scopes to colours).
import { createShikiPrimitive } from "@shikijs/core";
import { INITIAL } from "@shikijs/core/textmate";
import { createJavaScriptRegexEngine } from "@shikijs/engine-javascript";
import { EditorState, RangeSetBuilder, StateEffect } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin } from "@codemirror/view";
import grammarJson from "../../editors/vscode/syntaxes/pacta.tmLanguage.json";

const shiki = createShikiPrimitive({
  engine: createJavaScriptRegexEngine(),
  langs: [{ ...grammarJson, name: "pacta" }],
  themes: [],
});
const grammar = shiki.getLanguage("pacta");

/** Scope prefixes and their look, most specific first within a family (longest prefix wins). */
const THEME = {
  "comment": { color: "#6b7280", fontStyle: "italic" },
  "string.quoted.triple": { color: "#3d4a3d", fontStyle: "italic" },
  "string": { color: "#2f6f2f" },
  "constant.character.escape": { color: "#2f6f2f", fontWeight: "bold" },
  "invalid": { color: "#b3261e", textDecoration: "underline wavy" },
  "keyword.other.structure": { color: "#1d3f8f", fontWeight: "bold" },
  "keyword.other.provision": { color: "#6a2a8c" },
  "keyword.other.scenario": { color: "#6a2a8c", fontStyle: "italic" },
  "keyword.other.suppression": { color: "#6a2a8c", fontStyle: "italic" },
  "keyword.other.unit": { color: "#8a5a00" },
  "keyword.control.clause": { color: "#a0441b" },
  "keyword.operator.condition": { color: "#0c6b61" },
  "keyword.operator.word": { color: "#5c6670" },
  "keyword.operator.arrow": { color: "#1d3f8f", fontWeight: "bold" },
  "support.constant.branch": { color: "#8a5a00" },
  "support.constant.instrument": { color: "#7a4f9a" },
  "constant.language.outcome": { color: "#b3261e", fontWeight: "bold" },
  "constant.other.party": { color: "#0b5cad", fontWeight: "bold" },
  "variable.other.party": { color: "#0b5cad" },
  "variable.other.property": { color: "#24527a" },
  "constant.numeric": { color: "#b45309" },
  "constant.other": { color: "#b45309" },
  "entity.name.tag": { color: "#9a3412" },
};

const className = (prefix) => `tm-${prefix.replaceAll(".", "-")}`;

/** The theme prefix that styles a scope, or null: the longest prefix, on a dot boundary. */
function themePrefix(scope) {
  let best = null;
  for (const prefix of Object.keys(THEME)) {
    if ((scope === prefix || scope.startsWith(`${prefix}.`)) && (!best || prefix.length > best.length)) {
      best = prefix;
    }
  }
  return best;
}

const markCache = new Map();
/** The mark of a token: the innermost scope that the theme styles, or null. */
function markOf(scopes) {
  const key = scopes.join(" ");
  if (markCache.has(key)) return markCache.get(key);
  let mark = null;
  for (let i = scopes.length - 1; i > 0 && !mark; i--) {
    const prefix = themePrefix(scopes[i]);
    if (prefix) {
      mark = Decoration.mark({ class: className(prefix), attributes: { "data-scope": scopes[i] } });
    }
  }
  markCache.set(key, mark);
  return mark;
}

/** How long one slice of tokenizing may take before yielding to the browser, in ms. */
const SLICE_MS = 12;
/** A line that takes longer than this to tokenize is left partly plain (the grammar's limit). */
const LINE_LIMIT_MS = 50;

const retokenized = StateEffect.define();

class TextMateHighlighter {
  constructor(view) {
    this.view = view;
    // Per line (0-based): { start, end, tokens } — the grammar state before and after the line
    // and its tokens; null for a line never tokenized or changed since.
    this.lines = new Array(view.state.doc.lines).fill(null);
    this.valid = 0; // every line below this one is tokenized from the right state
    this.timer = null;
    this.decorations = Decoration.none;
    this.refresh();
  }

  update(update) {
    if (update.docChanged) {
      const changes = [];
      update.changes.iterChangedRanges((fromA, toA, fromB, toB) => changes.push([fromA, toA, fromB, toB]));
      // From the last change to the first, so that earlier line numbers stay right.
      for (const [fromA, toA, fromB, toB] of changes.reverse()) {
        const a = update.startState.doc.lineAt(fromA).number - 1;
        const aEnd = update.startState.doc.lineAt(toA).number - 1;
        const b = update.state.doc.lineAt(fromB).number - 1;
        const bEnd = update.state.doc.lineAt(toB).number - 1;
        this.lines.splice(a, aEnd - a + 1, ...new Array(bEnd - b + 1).fill(null));
        this.valid = Math.min(this.valid, a);
      }
    }
    if (update.docChanged || update.viewportChanged || update.transactions.some((t) => t.effects.some((e) => e.is(retokenized)))) {
      this.refresh();
    }
  }

  /** Tokenize up to the end of the viewport (in one slice), decorate, and go on later if needed. */
  refresh() {
    const doc = this.view.state.doc;
    const target = doc.lineAt(this.view.viewport.to).number;
    this.advance(target, performance.now() + SLICE_MS);
    this.decorations = this.decorate();
    // For tests and styling: whether every visible line is highlighted yet.
    this.view.dom.dataset.highlighting = this.valid < target ? "pending" : "done";
    if (this.valid < target && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.view.dispatch({ effects: retokenized.of(null) });
      }, 0);
    }
  }

  /** Bring the lines below `target` up to date, until `deadline`. */
  advance(target, deadline) {
    const doc = this.view.state.doc;
    while (this.valid < target && performance.now() < deadline) {
      const i = this.valid;
      const state = i === 0 ? INITIAL : this.lines[i - 1].end;
      const known = this.lines[i];
      if (!known || !known.start.equals(state)) {
        const text = doc.line(i + 1).text;
        const { tokens, ruleStack } = grammar.tokenizeLine(text, state, LINE_LIMIT_MS);
        this.lines[i] = { start: state, end: ruleStack, tokens };
      }
      this.valid++;
    }
  }

  decorate() {
    const builder = new RangeSetBuilder();
    const doc = this.view.state.doc;
    for (const { from, to } of this.view.visibleRanges) {
      const first = doc.lineAt(from).number;
      const last = Math.min(doc.lineAt(to).number, this.valid);
      for (let n = first; n <= last; n++) {
        const line = doc.line(n);
        for (const t of this.lines[n - 1].tokens) {
          const end = Math.min(t.endIndex, line.length);
          if (end <= t.startIndex) continue;
          const mark = markOf(t.scopes);
          if (mark) builder.add(line.from + t.startIndex, line.from + end, mark);
        }
      }
    }
    return builder.finish();
  }

  destroy() {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

const theme = EditorView.baseTheme(
  Object.fromEntries(Object.entries(THEME).map(([prefix, style]) => [`.${className(prefix)}`, style])),
);

/** The CodeMirror extension: TextMate highlighting, its theme, and `//` for comment toggling. */
export const pactaHighlighting = [
  ViewPlugin.fromClass(TextMateHighlighter, { decorations: (v) => v.decorations }),
  theme,
  EditorState.languageData.of(() => [{ commentTokens: { line: "//" } }]),
];

/**
 * The words of the grammar, for completion: every alternative of a regex group made only of
 * lower-case words (`(agreement|party|…)`), so that the suggestions follow the same grammar.
 */
export const KEYWORDS = (() => {
  const words = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === "string" && ["match", "begin", "end"].includes(key)) {
          for (const group of value.matchAll(/\(((?:[a-z][a-z0-9-]*\|)*[a-z][a-z0-9-]+)\)/g)) {
            for (const w of group[1].split("|")) words.add(w);
          }
        } else visit(value);
      }
    }
  };
  visit(grammarJson);
  return [...words].sort();
})();
