// Pacta for CodeMirror 6: a StreamLanguage whose keyword lists mirror grammar/pacta.pest, grouped
// as in the other editors (editors/vim/syntax/pacta.vim). tests/it/editor_keywords.rs checks that
// every keyword of the pest grammar is a string literal here, so the lists cannot drift.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const STRUCTURE = [
  "agreement", "party", "part", "chapter", "article", "paragraph", "rule", "scenario",
];
const PROVISIONS = [
  "institution", "define", "scope", "benefit", "text", "residence-based",
  "equal-treatment", "export", "aggregation", "calculation", "minimum-period", "overlapping",
  "administration", "transitional", "termination", "exceptions", "voluntary-insurance",
  "residence-fiction", "personal-scope", "regardless-of", "excluded-categories", "excluded",
  "duration", "entry-into-force", "signature", "see",
];
const SCENARIOS = ["situation", "expect", "allow"];
const OUTCOMES = ["gap", "overlap"];
const CLAUSES = [
  "overrides", "limit", "extension", "repost-gap", "no-replacement", "where", "first", "branches",
  "begun", "per-activity", "person-level",
];
const CONDITIONS = [
  "self-employed", "employed", "mixed", "several", "works", "employer", "resides", "elsewhere",
  "away", "posted", "not", "usually", "seafarer", "aircrew", "transport-crew", "civil-servant",
  "mission-staff", "locally-engaged", "non-active", "accompanying", "national", "granted", "since",
];
const CONNECTIVES = ["in", "and", "of", "under", "flag", "is", "by", "before", "from", "until"];
const UNITS = [
  "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
];
const BRANCHES = [
  "medical-care", "sickness", "maternity", "invalidity", "old-age", "survivors",
  "employment-injury", "unemployment", "family", "death-grant", "long-term-care", "all",
];

/** Every keyword the language knows, for completion. */
export const KEYWORDS = [
  ...STRUCTURE, ...PROVISIONS, ...SCENARIOS, ...OUTCOMES, ...CLAUSES, ...CONDITIONS,
  ...CONNECTIVES, ...UNITS, ...BRANCHES,
];

const styleOf = new Map();
for (const [words, style] of [
  [CONNECTIVES, "operatorKeyword"],
  [UNITS, "unit"],
  [BRANCHES, "atom"],
  [OUTCOMES, "bool"],
  [CONDITIONS, "modifier"],
  [CLAUSES, "controlKeyword"],
  [SCENARIOS, "moduleKeyword"],
  [PROVISIONS, "keyword"],
  [STRUCTURE, "definitionKeyword"],
]) {
  for (const w of words) styleOf.set(w, style);
}

const WORD = /^[a-z][a-z0-9_-]*/;

const pacta = {
  name: "pacta",
  startState: () => ({ prose: false }),
  copyState: (s) => ({ prose: s.prose }),
  token(stream, state) {
    if (state.prose) {
      if (stream.skipTo('"""')) {
        stream.match('"""');
        state.prose = false;
      } else {
        stream.skipToEnd();
      }
      return "docString";
    }
    if (stream.eatSpace()) return null;
    if (stream.match("//")) {
      stream.skipToEnd();
      return "lineComment";
    }
    if (stream.match('"""')) {
      state.prose = true;
      return "docString";
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^#[a-z][a-z0-9_-]*/)) return "meta";
    if (stream.match("->")) return "operator";
    if (stream.match(/^\d{4}-\d\d-\d\d\b/)) return "literal";
    if (stream.match(/^\d+(?:\.\d+|\([A-Za-z0-9]+\))+[a-z]?/)) return "labelName";
    if (stream.match(/^\d+%?/)) return "number";
    if (stream.match(/^P\d{3}\b/)) return "labelName";
    if (stream.match(/^[CR]\d{2,3}\b/)) return "namespace";
    if (stream.match(/^[A-Z]{2,}\b/)) return "className";
    if (stream.match(/^[A-Z]\b/)) return "variableName";
    const word = stream.match(WORD);
    if (word) {
      const w = word[0];
      // A field name: a word before `:` that is not a keyword of its own.
      if (stream.match(/^\s*:/, false) && !styleOf.has(w)) return "propertyName";
      return styleOf.get(w) ?? null;
    }
    if (stream.match(/^[{}()[\]]/)) return "bracket";
    if (stream.match(/^[,:]/)) return "punctuation";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "//" } },
};

export const pactaLanguage = StreamLanguage.define(pacta);

const highlight = HighlightStyle.define([
  { tag: t.definitionKeyword, color: "#1d3f8f", fontWeight: "bold" },
  { tag: t.keyword, color: "#6a2a8c" },
  { tag: t.moduleKeyword, color: "#6a2a8c", fontStyle: "italic" },
  { tag: t.controlKeyword, color: "#a0441b" },
  { tag: t.modifier, color: "#0c6b61" },
  { tag: t.operatorKeyword, color: "#5c6670" },
  { tag: t.unit, color: "#8a5a00" },
  { tag: t.atom, color: "#8a5a00" },
  { tag: t.bool, color: "#b3261e", fontWeight: "bold" },
  { tag: t.propertyName, color: "#24527a" },
  { tag: t.className, color: "#0b5cad", fontWeight: "bold" },
  { tag: t.variableName, color: "#0b5cad" },
  { tag: t.namespace, color: "#7a4f9a" },
  { tag: t.labelName, color: "#b45309" },
  { tag: [t.number, t.literal], color: "#b45309" },
  { tag: t.string, color: "#2f6f2f" },
  { tag: t.docString, color: "#3d4a3d", fontStyle: "italic" },
  { tag: t.lineComment, color: "#6b7280", fontStyle: "italic" },
  { tag: t.meta, color: "#9a3412" },
  { tag: t.operator, color: "#1d3f8f", fontWeight: "bold" },
]);

export const pactaHighlighting = syntaxHighlighting(highlight);
