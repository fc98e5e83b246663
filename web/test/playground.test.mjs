// The playground in a real browser: Debian's Chromium driven by playwright-core (no browser
// download), against web/dist/ served on 127.0.0.1. Run `bash web/build.sh` first, then
// `node --test web/test/`. Screenshots go to docs/ with PACTA_SCREENSHOTS=1; the timing of a
// model-agreement check is measured and printed, not asserted (docs/performance.md records it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const ROOT = new URL("../../", import.meta.url);
// Screenshots go to docs/ with PACTA_SCREENSHOTS=1 (commit them), else to a temporary folder, so
// that a test run leaves the worktree as it found it.
const DOCS = process.env.PACTA_SCREENSHOTS === "1"
  ? new URL("docs/", ROOT).pathname
  : `${mkdtempSync(join(tmpdir(), "pacta-playground-"))}/`;
const CHROMIUM = process.env.PACTA_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

let server;
let browser;
let page;
let url;
const consoleErrors = [];

before(async () => {
  server = await serve(0);
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  // The page must not reach out: every request stays on the local server.
  await page.route("**/*", (route) =>
    route.request().url().startsWith(url) || route.request().url().startsWith("blob:")
      ? route.continue()
      : route.abort());
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Replace the draft with `text`, as typed (input events; no auto-closed brackets). */
async function typeDraft(text) {
  await page.click(".editor-pane .cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function codes() {
  return page.$$eval("#findings .finding", (items) => items.map((i) => i.dataset.code));
}

async function tab(name) {
  await page.click(`[role=tab][data-tab=${name}]`);
}

const DRAFT = `agreement "Agreement between Arcadia and Borduria" {
  conforms-to: C157
}

party XA "Arcadia" {
  schemes: old-age, invalidty
}

party XB "Borduria" {
  schemes: old-age, invalidity
}
`;

test("the compiler is small: the wasm module under 2 MB compressed", async () => {
  const wasm = await readFile(new URL("../pkg/pacta_wasm_bg.wasm", import.meta.url));
  const app = await readFile(new URL("../dist/app.js", import.meta.url));
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  console.log(`the wasm module: ${mib(wasm.length)}, ${mib(gz(wasm))} gzipped; ` +
    `the page's script (the module inlined): ${mib(app.length)}, ${mib(gz(app))} gzipped`);
  assert.ok(gz(wasm) < 2_000_000, `the wasm module is ${gz(wasm)} bytes gzipped (target: under 2 MB)`);
  // What the browser downloads is the script with the module inlined; it stays under 2 MB too.
  assert.ok(gz(app) < 2_000_000, `app.js is ${gz(app)} bytes gzipped`);
});

test("the model agreement checks clean (the check is timed for docs/performance.md)", async () => {
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("checked in"));
  assert.match(await page.textContent("#status"), /^0 errors, 0 warnings/);
  const model = await readFile(new URL("agreements/r167-model.pacta", ROOT), "utf8");
  const timing = await page.evaluate((source) => {
    const times = [];
    for (let i = 0; i < 25; i++) {
      const start = performance.now();
      window.pacta.check(source);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { median: times[12], min: times[0], max: times[24], bytes: source.length };
  }, model);
  console.log(`model agreement (${timing.bytes} bytes) checked in the page: median ` +
    `${timing.median.toFixed(1)} ms, min ${timing.min.toFixed(1)}, max ${timing.max.toFixed(1)} (25 runs)`);
  if (process.env.PACTA_TIMING_FILE) await writeFile(process.env.PACTA_TIMING_FILE, JSON.stringify(timing));
  // The same check gives the same findings every time.
  const clean = await page.evaluate((source) => JSON.parse(window.pacta.check(source)).findings.length, model);
  assert.equal(clean, 0);
});

test("a finding appears as you type, explains itself on hover, and goes when fixed", async () => {
  await typeDraft(DRAFT);
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#findings .finding")].some((f) => f.textContent.includes("invalidty")));
  const wrong = (await codes())[0];
  assert.match(wrong, /^P0\d\d$/, "a structure error comes first");
  // The underline is there, and hovering it shows the check's explanation.
  const underline = page.locator(".cm-lintRange-error").first();
  await underline.hover();
  const tooltip = page.locator(".cm-tooltip .finding-tooltip").first();
  await tooltip.waitFor({ timeout: 5_000 });
  assert.match(await tooltip.textContent(), new RegExp(`${wrong}.*invalidty`, "s"));
  assert.ok((await tooltip.locator(".explain").textContent()).length > 40, "the explanation is shown");
  // Fix it by typing the missing letter.
  const at = DRAFT.indexOf("invalidty") + "invalid".length;
  await page.evaluate((pos) => window.playground.editor.dispatch({ selection: { anchor: pos } }), at);
  await page.keyboard.type("i");
  await page.waitForFunction(() =>
    ![...document.querySelectorAll("#findings .finding")].some((f) => f.textContent.includes("invalidty")));
  assert.ok(!(await codes()).includes(wrong), `${wrong} is gone after the fix`);
});

test("the editor highlights with the TextMate grammar, and re-highlights a change", async () => {
  const grammar = await readFile(new URL("editors/vscode/syntaxes/pacta.tmLanguage.json", ROOT), "utf8");
  await typeDraft(`// a draft\n${DRAFT}`);
  /** The TextMate scope and colour of the first highlighted span holding `text`. */
  const token = (text) => page.evaluate((t) => {
    const span = [...document.querySelectorAll(".editor-pane .cm-content [data-scope]")]
      .find((s) => s.textContent.includes(t));
    return span ? { scope: span.dataset.scope, color: getComputedStyle(span).color } : null;
  }, text);
  await page.waitForFunction(() => document.querySelector(".editor-pane .cm-content [data-scope]"));
  const expected = {
    "agreement": "keyword.other.structure.pacta",
    "XA": "constant.other.party.pacta",
    "Arcadia": "string.quoted.double.pacta",
    "a draft": "comment.line.double-slash.pacta",
  };
  const colors = new Set();
  for (const [text, scope] of Object.entries(expected)) {
    assert.ok(grammar.includes(`"${scope}"`), `${scope} is a scope of the grammar`);
    const t = await token(text);
    assert.equal(t?.scope, scope, `${text} is highlighted as ${scope}`);
    colors.add(t.color);
  }
  assert.equal(colors.size, 4, "keyword, Party code, string and comment each have their colour");
  // Typing `// ` before `agreement` turns the line into a comment, and deleting it turns it back.
  const at = `// a draft\n`.length;
  await page.evaluate((pos) => window.playground.editor.dispatch({ selection: { anchor: pos } }), at);
  await page.keyboard.type("// ");
  await page.waitForFunction(() => [...document.querySelectorAll(".editor-pane .cm-content [data-scope]")]
    .some((s) => s.textContent.includes("agreement") && s.dataset.scope.startsWith("comment.")));
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await page.waitForFunction(() => [...document.querySelectorAll(".editor-pane .cm-content [data-scope]")]
    .some((s) => s.textContent === "agreement" && s.dataset.scope === "keyword.other.structure.pacta"));
});

test("a 5,000-line agreement stays highlighted as you type (the keystroke is timed)", async () => {
  const model = await readFile(new URL("agreements/r167-model.pacta", ROOT), "utf8");
  const lines = model.split("\n");
  const big = Array.from({ length: Math.ceil(5000 / lines.length) }, () => model).join("\n");
  await page.evaluate((text) => {
    const view = window.playground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    view.dispatch({ selection: { anchor: view.state.doc.length }, scrollIntoView: true });
  }, big);
  // The last lines are highlighted once the tokenizer has caught up, in slices.
  const settled = (previous) => page.waitForFunction((b) => {
    if (document.querySelector(".editor-pane .cm-editor").dataset.highlighting !== "done") return false;
    const now = [...document.querySelectorAll(".editor-pane .cm-content [data-scope]")]
      .map((s) => `${s.textContent}:${s.dataset.scope}`).join("\n");
    return b === null ? now : b.differs ? now !== b.scopes && now : now === b.scopes && now;
  }, previous, { timeout: 30_000 }).then((h) => h.jsonValue());
  const before = await settled(null);
  assert.match(before, /:keyword\./, "the bottom lines are highlighted");
  const ms = await page.evaluate(() => {
    const view = window.playground.editor;
    const start = performance.now();
    view.dispatch({ changes: { from: 0, insert: "x" } });
    return performance.now() - start;
  });
  console.log(`a keystroke at the top of a ${big.split("\n").length}-line agreement: ${ms.toFixed(1)} ms ` +
    "to update the editor (re-tokenizing and highlighting what is visible included)");
  // Opening a prose block at the top changes the state of every line below: the bottom lines
  // change scope; closing it again gives them back the scopes they had.
  await page.evaluate(() => window.playground.editor.dispatch({ changes: { from: 0, insert: '"""' } }));
  await settled({ scopes: before, differs: true });
  await page.evaluate(() => window.playground.editor.dispatch({ changes: { from: 0, to: 4 } }));
  await settled({ scopes: before, differs: false });
  // Leave a short draft, seen from its top, for the tests that follow.
  await page.evaluate((text) => {
    const view = window.playground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
    view.scrollDOM.scrollTop = 0;
  }, DRAFT);
});

test("a negotiator's draft with its findings (README screenshot)", async () => {
  await page.selectOption("#example", "draft");
  await page.waitForFunction(() =>
    document.querySelectorAll("#findings .finding[data-code=P101]").length === 2);
  const found = await codes();
  assert.deepEqual(found.filter((c) => c === "P101" || c === "P102").sort(), ["P101", "P101", "P102"]);
  // The compiler's `code` reads as code, as in the terminal and the rendered document.
  const help = page.locator("#findings .finding[data-code=P101] .finding-help").first();
  assert.ok(await help.locator("code").count() > 0, "the help's code is set as code");
  assert.doesNotMatch(await help.textContent(), /`/);
  await page.locator(".cm-lintRange-warning, .cm-lintRange-error").first().hover();
  await page.locator(".cm-tooltip .finding-tooltip").first().waitFor();
  await page.screenshot({ path: `${DOCS}playground.png` });
  await page.mouse.move(0, 0);
});

test("the rendered document, whose links stay in it", async () => {
  await tab("document");
  const frame = page.frameLocator("#document iframe");
  await frame.locator("body").waitFor();
  assert.match(await frame.locator("body").textContent(), /Republic of Aldoria/);
  // No script runs in the frame.
  assert.equal(await page.getAttribute("#document iframe", "sandbox"), "allow-same-origin");
  await page.screenshot({ path: `${DOCS}playground-document.png` });
  // A link of the contents scrolls the document to its Article: it does not load the
  // playground into the frame (a srcdoc document resolves `#art_7` against the page's address).
  await frame.locator('nav.toc a[href="#art_7"]').click();
  await page.waitForFunction(() => {
    const doc = document.querySelector("#document iframe").contentDocument;
    const top = doc.getElementById("art_7")?.getBoundingClientRect().top;
    return top !== undefined && Math.abs(top) < 40;
  });
  assert.equal(await frame.locator("nav.toc").count(), 1, "the document is still in the frame");
  assert.equal(await frame.locator(".cm-editor").count(), 0, "the playground did not load in the frame");
});

test("the decision table", async () => {
  await tab("table");
  await page.waitForSelector("table.decisions tbody tr");
  const rows = await page.locator("table.decisions tbody tr").count();
  assert.ok(rows > 3, `${rows} rows`);
});

test("which law applies? from the form", async () => {
  await page.selectOption("#example", "model");
  await tab("resolve");
  await page.selectOption("select[data-group=activity]", { label: "employed in one Party" });
  await page.selectOption("select[data-group=activity] ~ .slots select", "XB");
  await page.selectOption("select[data-group=employer]", { label: "in a Party" });
  await page.selectOption("select[data-group=employer] ~ .slots select", "XA");
  await page.selectOption("select[data-group=posting]", { label: "posted for a number of months" });
  await page.fill("select[data-group=posting] ~ .slots input", "18");
  await page.dispatchEvent("select[data-group=posting] ~ .slots input", "input");
  assert.equal(await page.inputValue("#situation"), "employed in XB, employer in XA, posted 18 months");
  await page.click("#resolve");
  const answer = page.locator("#resolution .answer");
  await answer.waitFor();
  assert.match(await answer.textContent(), /XA \(Republic of Meridia\).*by rule \d+\.\d+/);
  // The form fits its panel: nothing is cut off at the right.
  const [scroll, client] = await page.$eval("#tab-resolve", (p) => [p.scrollWidth, p.clientWidth]);
  assert.ok(scroll <= client, `the form is ${scroll}px wide in a ${client}px panel`);
  await page.screenshot({ path: `${DOCS}playground-resolve.png` });
  // A situation the agreement cannot read says why.
  await page.fill("#situation", "employed in ZZ");
  await page.click("#resolve");
  await page.locator("#resolution .error-text").waitFor();
});

test("a diff against the previous draft", async () => {
  await page.selectOption("#example", "draft2");
  await tab("diff");
  // The example puts draft 1 beside draft 2 as the previous draft.
  await page.click("#compare");
  const frame = page.frameLocator("#diff iframe");
  await frame.locator("h1").waitFor();
  const report = await frame.locator("body").textContent();
  assert.match(report, /draft 1, 2026-02-10\) → new\.pacta \(draft 2/);
  assert.match(report, /unemployment/i);
  await page.screenshot({ path: `${DOCS}playground-diff.png` });
  await page.selectOption("#diff-format", "markdown");
  await page.click("#compare");
  assert.match(await page.textContent("#diff pre"), /#/);
  // The previous draft can also be opened from a file.
  const final = await readFile(new URL("agreements/negotiation/xa-xc-final.pacta", ROOT));
  await page.setInputFiles("#old-file", { name: "final.pacta", mimeType: "text/plain", buffer: final });
  await page.waitForFunction((text) => window.playground.oldEditor.state.doc.toString() === text,
    final.toString("utf8"));
  await page.selectOption("#diff-format", "html");
});

test("Save writes the draft to a local file", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  assert.equal(download.suggestedFilename(), "xa-xc-draft2.pacta");
  const saved = await readFile(await download.path(), "utf8");
  assert.equal(saved, await page.evaluate(() => window.playground.editor.state.doc.toString()));
});

test("files that are not UTF-8 or far too large get a message, not a blank page", async () => {
  await page.setInputFiles("#file", {
    name: "latin1.pacta", mimeType: "text/plain",
    buffer: Buffer.from([0x61, 0x67, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
  });
  const message = page.locator("#message");
  await message.waitFor({ state: "visible" });
  assert.match(await message.textContent(), /latin1\.pacta: this file is not UTF-8 text: byte 7 \(line 2, column 4\)/);
  await page.setInputFiles("#file", {
    name: "huge.pacta", mimeType: "text/plain", buffer: Buffer.alloc(3 * 1024 * 1024, 0x61),
  });
  await page.waitForFunction(() => document.getElementById("message").textContent.includes("huge.pacta"));
  assert.match(await message.textContent(), /far too large/);
  // The draft is untouched, and a good file still opens.
  await page.setInputFiles("#file", {
    name: "ok.pacta", mimeType: "text/plain", buffer: Buffer.from(DRAFT.replace("invalidty", "invalidity")),
  });
  await page.waitForFunction(() => document.getElementById("message").hidden);
});

test("the URL fragment reproduces the draft", async () => {
  await typeDraft(DRAFT);
  // The fragment is written 400 ms after the last change.
  await page.waitForFunction((draft) => window.playground.savedSource === draft, DRAFT);
  const link = page.url();
  const other = await browser.newPage();
  await other.goto(link);
  await other.waitForSelector("body[data-ready=true]");
  const text = await other.evaluate(() => window.playground.editor.state.doc.toString());
  assert.equal(text, DRAFT);
  await other.close();
});

test("Format lays the draft out as pacta fmt does", async () => {
  await typeDraft(DRAFT.replace("conforms-to: C157", "conforms-to  :   C157"));
  await page.click("#format");
  await page.waitForFunction(() =>
    window.playground.editor.state.doc.toString().includes("  conforms-to: C157\n"));
  await typeDraft("agreement {");
  await page.click("#format");
  await page.locator("#message").waitFor({ state: "visible" });
  assert.match(await page.textContent("#message"), /does not parse/);
});

test("hostile prose stays inert in the findings and in the rendered document", async () => {
  const hostile = await readFile(new URL("tests/fixtures/render/hostile.pacta", ROOT), "utf8");
  await typeDraft(hostile);
  await page.waitForSelector("#findings .finding[data-code=P201]", { state: "attached" });
  await tab("document");
  const frame = page.frameLocator("#document iframe");
  await frame.locator("h1").waitFor();
  assert.match(await frame.locator("h1").innerText(), /<script>window\.__pwned = 'title'<\/script> & "Quotes" 'too'/);
  assert.equal(await frame.locator("script, iframe, img, svg, a[href^=javascript]").count(), 0);
  assert.equal(await frame.locator('.text[lang="ar"]').first().getAttribute("dir"), "rtl");
  await tab("findings");
  assert.equal(await page.locator("#findings script, #findings img, #findings iframe").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing ran in the page");
});

test("the built folder works from disk, with no network", async () => {
  const offline = await browser.newPage();
  await offline.route("**/*", (route) =>
    route.request().url().startsWith("file:") ? route.continue() : route.abort());
  await offline.goto(pathToFileURL(new URL("../dist/index.html", import.meta.url).pathname).href);
  await offline.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await offline.waitForFunction(() => document.getElementById("status").textContent.includes("checked in"));
  assert.match(await offline.textContent("#status"), /^0 errors, 0 warnings, 0 infos/);
  await offline.close();
});

test("no errors in the console", () => {
  assert.deepEqual(consoleErrors, []);
});
