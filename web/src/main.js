// The Pacta playground: the compiler in WebAssembly, an editor, and the tabs around it.
// Everything runs in the page: no request leaves it once it is loaded.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { autocompletion, completeFromList } from "@codemirror/autocomplete";
import { pactaHighlighting, KEYWORDS } from "./pacta-highlight.js";
import { loadCompiler } from "./compiler.js";
import { readFragment, writeFragment } from "./fragment.js";
import model from "../../agreements/r167-model.pacta";
import arcadia from "../../agreements/arcadia-borduria.pacta";
import draft from "../../agreements/negotiation/xa-xc-draft1.pacta";
import draft2 from "../../agreements/negotiation/xa-xc-draft2.pacta";

const EXAMPLES = { model, arcadia, draft, draft2 };
/** Files larger than this are refused with a message: agreements are tens of kilobytes. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const $ = (id) => document.getElementById(id);

let pacta = null; // the compiler, once loaded
let lastCheck = null; // { findings, summary, ms }

// ───────────────────────────── messages ─────────────────────────────

function showMessage(text) {
  const box = $("message");
  box.textContent = text;
  box.hidden = false;
}
function clearMessage() {
  $("message").hidden = true;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c != null) e.append(c);
  }
  return e;
}

/** Text with `code` in backticks, as the compiler writes its messages: text nodes and <code>. */
function inlineCode(text) {
  const parts = String(text ?? "").split("`");
  if (parts.length % 2 === 0) return [String(text)];
  return parts.map((p, i) => (i % 2 ? el("code", {}, p) : p));
}

// ───────────────────────────── findings ─────────────────────────────

const explained = new Map();
function explanation(code) {
  if (!explained.has(code)) explained.set(code, JSON.parse(pacta.explain(code)));
  return explained.get(code);
}

const SEVERITY = { error: "error", warning: "warning", info: "info" };

/** The tooltip of a finding: its message, help and the check's explanation (`pacta explain`). */
function renderFinding(f) {
  const box = el("div", { class: "finding-tooltip" });
  box.append(
    el("div", { class: "finding-head" },
      el("strong", {}, `${f.code} ${f.name}`), " ", inlineCode(f.message)),
  );
  if (f.label) box.append(el("div", { class: "finding-label" }, inlineCode(f.label)));
  for (const n of f.notes ?? []) box.append(el("div", { class: "finding-note" }, "note: ", inlineCode(n)));
  if (f.help) box.append(el("div", { class: "finding-help" }, "help: ", inlineCode(f.help)));
  const x = explanation(f.code);
  if (!x.error) box.append(el("pre", { class: "explain" }, x.text));
  return box;
}

function runCheck(source) {
  const start = performance.now();
  const result = JSON.parse(pacta.check(source));
  result.ms = performance.now() - start;
  return result;
}

function lintSource(view) {
  if (!pacta) return [];
  const source = view.state.doc.toString();
  lastCheck = runCheck(source);
  showFindings(lastCheck, view);
  refreshTabs();
  scheduleFragment();
  const length = view.state.doc.length;
  return lastCheck.findings.map((f) => {
    const from = Math.min(f.from, length);
    let to = Math.min(Math.max(f.to, from), length);
    if (to === from && to < length) to = from + 1;
    return {
      from,
      to,
      severity: SEVERITY[f.severity] ?? "info",
      source: f.code,
      message: `${f.code} ${f.message}`,
      renderMessage: () => renderFinding(f),
    };
  });
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function showFindings(result, view) {
  const s = result.summary;
  $("status").textContent =
    `${plural(s.errors, "error", "errors")}, ${plural(s.warnings, "warning", "warnings")}, ` +
    `${plural(s.infos, "info", "infos")} · checked in ${result.ms.toFixed(1)} ms`;
  $("status").dataset.errors = s.errors;
  const list = $("findings");
  list.replaceChildren();
  if (result.findings.length === 0) {
    list.append(el("li", { class: "clean" }, "No findings: the draft meets every check."));
  }
  for (const f of result.findings) {
    const item = el("li", { class: `finding ${f.severity}`, "data-code": f.code },
      el("button", {
        type: "button",
        class: "goto",
        title: "Show in the draft",
        onclick: () => {
          view.dispatch({ selection: { anchor: f.from }, scrollIntoView: true });
          view.focus();
        },
      }, `${f.location.line}:${f.location.column}`),
      el("span", { class: "severity" }, f.severity),
      el("strong", {}, f.code),
      " ",
      inlineCode(f.message),
    );
    if (f.help) item.append(el("div", { class: "finding-help" }, "help: ", inlineCode(f.help)));
    const details = el("details", {}, el("summary", {}, `explain ${f.code} (${f.name})`));
    details.addEventListener("toggle", () => {
      if (details.open && details.childElementCount === 1) {
        details.append(el("pre", { class: "explain" }, explanation(f.code).text ?? ""));
      }
    }, { once: false });
    item.append(details);
    list.append(item);
  }
}

// ───────────────────────────── editors ─────────────────────────────

const completion = autocompletion({
  override: [completeFromList(KEYWORDS.map((k) => ({ label: k, type: "keyword" })))],
});

function extensions(withLint) {
  const ext = [basicSetup, pactaHighlighting, completion, EditorView.lineWrapping];
  if (withLint) {
    ext.push(linter(lintSource, { delay: 300 }), lintGutter());
    ext.push(EditorView.updateListener.of((u) => {
      if (u.docChanged) scheduleFragment();
    }));
  }
  return ext;
}

const editor = new EditorView({
  parent: $("editor"),
  state: EditorState.create({ doc: "", extensions: extensions(true) }),
});
const oldEditor = new EditorView({
  parent: $("old-editor"),
  state: EditorState.create({ doc: "", extensions: extensions(false) }),
});

function setDoc(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

// ───────────────────────────── tabs ─────────────────────────────

let currentTab = "findings";
function selectTab(name) {
  currentTab = name;
  for (const b of document.querySelectorAll("[role=tab]")) {
    b.setAttribute("aria-selected", String(b.dataset.tab === name));
  }
  for (const p of document.querySelectorAll("[role=tabpanel]")) {
    p.hidden = p.id !== `tab-${name}`;
  }
  refreshTabs();
  scheduleFragment();
}
for (const b of document.querySelectorAll("[role=tab]")) {
  b.addEventListener("click", () => selectTab(b.dataset.tab));
}

let built = null; // { source, result } of the last build
function buildResult() {
  const source = editor.state.doc.toString();
  if (!built || built.source !== source) built = { source, result: JSON.parse(pacta.build(source)) };
  return built.result;
}

function refreshTabs() {
  if (!pacta) return;
  if (currentTab === "document") showDocument();
  if (currentTab === "table") showTable();
  if (currentTab === "resolve") showSituationForm();
  if (currentTab === "ruleset") showRuleset();
}

/**
 * A frame for a rendered document or redline. No script runs in it (the sandbox, and the
 * document's own Content-Security-Policy). A srcdoc document resolves `#art_8` against the
 * playground's address, so a link of the contents would load the playground into the frame:
 * in-page links are followed here instead.
 */
function reportFrame(html, title) {
  const frame = el("iframe", { class: "report", title, sandbox: "allow-same-origin", srcdoc: html });
  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    doc?.addEventListener("click", (e) => {
      const a = e.target.closest?.('a[href^="#"]');
      if (!a) return;
      e.preventDefault();
      doc.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)))?.scrollIntoView();
    });
  });
  return frame;
}

function showDocument() {
  const box = $("document");
  if (typeof pacta.render !== "function") {
    box.replaceChildren(el("p", { class: "hint" },
      "The rendered document needs `pacta render`, which this build of the compiler does not have yet."));
    return;
  }
  const result = JSON.parse(pacta.render(editor.state.doc.toString()));
  if (result.error) {
    box.replaceChildren(el("p", { class: "error-text" }, result.error));
    return;
  }
  box.replaceChildren(reportFrame(result.html, "Rendered agreement"));
}

function outcomeWords(o, names) {
  const name = (p) => (names[p] ? `${p} (${names[p]})` : p);
  switch (o.kind) {
    case "party": return name(o.party);
    case "criterion": return `${o.parties.map(name).join(" or ")}, whichever is ${o.criterion}`;
    case "gap": return "no legislation (gap)";
    case "overlap": return `${o.parties.map(name).join(" and ")} at once (overlap)`;
    default: return JSON.stringify(o);
  }
}

function partyNames(ruleset) {
  return Object.fromEntries((ruleset?.parties ?? []).map((p) => [p.code, p.name]));
}

function jumpTo(line) {
  const l = editor.state.doc.line(Math.min(Math.max(line, 1), editor.state.doc.lines));
  editor.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
  editor.focus();
}

function showTable() {
  const box = $("table");
  const r = buildResult();
  if (r.error) {
    box.replaceChildren(el("p", { class: "error-text" }, r.error));
    return;
  }
  const names = partyNames(r.ruleset);
  const rows = r.ruleset.applicable_legislation?.decision_table ?? [];
  if (rows.length === 0) {
    box.replaceChildren(el("p", { class: "hint" }, "The draft has no applicable-legislation rules."));
    return;
  }
  const table = el("table", { class: "decisions" },
    el("thead", {}, el("tr", {},
      el("th", {}, "situation"), el("th", {}, "legislation"), el("th", {}, "rule"),
      el("th", {}, "overrides"))),
    el("tbody", {}, rows.map((row) => el("tr", { class: row.outcome.kind },
      el("td", {}, row.situation),
      el("td", {}, outcomeWords(row.outcome, names)),
      el("td", {}, row.rule
        ? el("button", { type: "button", class: "link", onclick: () => row.source && jumpTo(row.source.line) },
          row.rule)
        : "—"),
      el("td", {}, row.overridden.join(", "))))),
  );
  box.replaceChildren(table);
}

function showRuleset() {
  const r = buildResult();
  $("ruleset").textContent = r.error ? r.error : JSON.stringify(r.ruleset, null, 2);
}

// ───────────────────────────── which law applies? ─────────────────────────────

let vocabulary = [];
let formParties = "";
function showSituationForm() {
  const r = buildResult();
  const parties = (r.ruleset?.parties ?? []).map((p) => p.code);
  const key = parties.join(",");
  if (key === formParties && $("situation-fields").childElementCount) return;
  formParties = key;
  const fields = $("situation-fields");
  fields.replaceChildren();
  const partySelect = (slot, preferred) => {
    const s = el("select", { "data-slot": slot },
      parties.map((p) => el("option", { value: p }, p)));
    if (parties[preferred]) s.value = parties[preferred];
    s.addEventListener("change", composeSituation);
    return s;
  };
  for (const g of vocabulary) {
    const choice = el("select", { name: g.id, "data-group": g.id },
      el("option", { value: "" }, "—"),
      g.choices.map((c, i) => el("option", { value: String(i) }, c.label)));
    const slots = el("span", { class: "slots" });
    choice.addEventListener("change", () => {
      slots.replaceChildren();
      const c = g.choices[Number(choice.value)];
      if (c?.phrase.includes("{party}")) slots.append(partySelect("party", 0));
      if (c?.phrase.includes("{other}")) slots.append(" and ", partySelect("other", 1));
      if (c?.phrase.includes("{months}")) {
        const m = el("input", { type: "number", min: "0", value: "12", "data-slot": "months" });
        m.addEventListener("input", composeSituation);
        slots.append(m, " months");
      }
      composeSituation();
    });
    fields.append(el("label", { class: "field" }, el("span", {}, g.label), choice, slots));
  }
}

function composeSituation() {
  const parts = [];
  for (const field of $("situation-fields").children) {
    const choice = field.querySelector("[data-group]");
    const g = vocabulary.find((v) => v.id === choice.dataset.group);
    const c = g?.choices[Number(choice.value)];
    if (!choice.value || !c) continue;
    let phrase = c.phrase;
    for (const input of field.querySelectorAll("[data-slot]")) {
      phrase = phrase.replace(`{${input.dataset.slot}}`, input.value);
    }
    parts.push(phrase);
  }
  $("situation").value = parts.join(", ");
}

function runResolve() {
  const box = $("resolution");
  const situation = $("situation").value.trim();
  if (!situation) {
    box.replaceChildren(el("p", { class: "hint" }, "Describe the person: choose above or write the situation."));
    return;
  }
  const r = JSON.parse(pacta.resolve(editor.state.doc.toString(), situation));
  scheduleFragment();
  if (r.error) {
    const help = r.finding?.help ? ` (${r.finding.help})` : "";
    box.replaceChildren(el("p", { class: "error-text" }, inlineCode(`${r.error}${help}`)));
    return;
  }
  const names = partyNames(buildResult().ruleset);
  const { resolutions, unspecified } = r.resolved;
  if (resolutions.length === 0) {
    box.replaceChildren(el("p", {}, "No situation matches these words."));
    return;
  }
  const out = [];
  if (r.uniform) {
    const first = resolutions[0];
    out.push(el("p", { class: `answer ${first.outcome.kind}` },
      el("span", {}, "Legislation: "), el("strong", {}, outcomeWords(first.outcome, names)),
      first.rule ? ` — by rule ${first.rule}` : ""));
    if (unspecified.length) {
      out.push(el("p", { class: "hint" },
        `Not given: ${unspecified.join(", ")}; the outcome is the same for every value.`));
    }
    out.push(el("table", { class: "trace" },
      el("thead", {}, el("tr", {}, el("th", {}, "rule"), el("th", {}, ""), el("th", {}, "why"))),
      el("tbody", {}, first.rules.map((t) => el("tr", { class: t.kind },
        el("td", {}, t.rule), el("td", {}, t.kind.replace("-", " ")), el("td", {}, inlineCode(t.detail)))))));
  } else {
    out.push(el("p", { class: "answer depends" },
      `The outcome depends on ${unspecified.join(" and ")}, which the situation does not give:`));
    out.push(el("table", { class: "trace" },
      el("tbody", {}, resolutions.map((res) => el("tr", {},
        el("td", {}, res.situation),
        el("td", {}, outcomeWords(res.outcome, names)),
        el("td", {}, res.rule ? `by ${res.rule}` : ""))))));
  }
  box.replaceChildren(...out);
}

$("situation-form").addEventListener("submit", (e) => {
  e.preventDefault();
  runResolve();
});

// ───────────────────────────── diff ─────────────────────────────

function runDiff() {
  const box = $("diff");
  const old = oldEditor.state.doc.toString();
  if (!old.trim()) {
    box.replaceChildren(el("p", { class: "hint" },
      "Paste or open the previous draft above, then compare."));
    return;
  }
  const format = $("diff-format").value;
  const r = JSON.parse(pacta.diff(old, editor.state.doc.toString(), format));
  if (r.error) {
    box.replaceChildren(el("p", { class: "error-text" }, r.error));
    return;
  }
  if (format === "html") {
    box.replaceChildren(reportFrame(r.report, "Differences between the drafts"));
  } else {
    box.replaceChildren(el("pre", { class: "report-text" }, r.report));
  }
}
$("compare").addEventListener("click", runDiff);
$("old-from-current").addEventListener("click", () => setDoc(oldEditor, editor.state.doc.toString()));

// ───────────────────────────── files ─────────────────────────────

/** The text of a file, or a message saying why it cannot be opened. */
async function readFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new Error(`${file.name} is ${mb} MB, far too large for an agreement (the limit is ` +
      `${MAX_FILE_BYTES / 1024 / 1024} MB); is it the right file?`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const why = pacta.utf8_error(bytes);
  if (why) throw new Error(`${file.name}: ${why}`);
  return new TextDecoder("utf-8").decode(bytes);
}

async function openInto(input, view, onDone) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  try {
    const text = await readFile(file);
    clearMessage();
    setDoc(view, text);
    onDone?.(file.name);
  } catch (e) {
    showMessage(e.message);
  }
}

let fileName = "draft.pacta";
$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", () => openInto($("file"), editor, (name) => {
  fileName = name;
}));
$("old-open").addEventListener("click", () => $("old-file").click());
$("old-file").addEventListener("change", () => openInto($("old-file"), oldEditor));

function download(name, text, type) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 0);
}
$("save").addEventListener("click", () => download(fileName, editor.state.doc.toString(), "text/plain"));
$("format").addEventListener("click", () => {
  const r = JSON.parse(pacta.format(editor.state.doc.toString()));
  if (r.error) {
    showMessage(r.error);
    return;
  }
  clearMessage();
  if (r.changed) setDoc(editor, r.formatted);
});
$("save-ruleset").addEventListener("click", () => {
  const r = buildResult();
  if (!r.error) download(fileName.replace(/\.pacta$/, "") + ".json", JSON.stringify(r.ruleset, null, 2), "application/json");
});
$("example").addEventListener("change", () => {
  const name = $("example").value;
  if (!EXAMPLES[name]) return;
  setDoc(editor, EXAMPLES[name]);
  // Draft 2 answers draft 1: it comes with draft 1 as the previous draft, ready to compare.
  if (name === "draft2") setDoc(oldEditor, draft);
  fileName = { draft: "xa-xc-draft1.pacta", draft2: "xa-xc-draft2.pacta" }[name] ?? `${name}.pacta`;
  $("example").value = "";
});

// ───────────────────────────── the URL fragment ─────────────────────────────

let fragmentTimer = 0;
function scheduleFragment() {
  clearTimeout(fragmentTimer);
  fragmentTimer = setTimeout(saveFragment, 400);
}
async function saveFragment() {
  const state = {
    source: editor.state.doc.toString(),
    old: oldEditor.state.doc.toString(),
    tab: currentTab,
    situation: $("situation").value,
  };
  const hash = await writeFragment(state);
  history.replaceState(null, "", `#${hash}`);
  if (window.playground) window.playground.savedSource = state.source;
}
$("share").addEventListener("click", async () => {
  await saveFragment();
  try {
    await navigator.clipboard.writeText(location.href);
    $("status").textContent = "link copied: it reproduces this draft";
  } catch {
    showMessage(`Copy this link: ${location.href}`);
  }
});

// ───────────────────────────── start ─────────────────────────────

async function start() {
  try {
    pacta = await loadCompiler();
  } catch (e) {
    showMessage(`The compiler could not start in this browser: ${e.message}. The playground needs WebAssembly.`);
    $("status").textContent = "not loaded";
    return;
  }
  vocabulary = JSON.parse(pacta.situation_vocabulary());
  let state = null;
  if (location.hash.length > 1) {
    try {
      state = await readFragment(location.hash.slice(1));
    } catch (e) {
      showMessage(`The link's draft could not be read (${e.message}); showing the model agreement.`);
    }
  }
  setDoc(editor, state?.source ?? model);
  setDoc(oldEditor, state?.old ?? "");
  if (state?.situation) $("situation").value = state.situation;
  selectTab(state?.tab ?? "findings");
  forceLinting(editor);
  // For the browser test and for curious readers: the compiler itself.
  window.pacta = pacta;
  window.playground = { editor, oldEditor, runCheck };
  document.body.dataset.ready = "true";
}
start();
