// The playground in a real browser: Debian's Chromium driven by playwright-core (no browser
// download), against web/dist/ served on 127.0.0.1. Run `bash web/build.sh` first, then
// `node --test web/test/`. Screenshots go to docs/; the timing of a model-agreement check is
// printed (docs/performance.md records it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const ROOT = new URL("../../", import.meta.url);
const DOCS = new URL("docs/", ROOT).pathname;
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

test("the model agreement checks clean, fast", async () => {
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
  assert.ok(timing.median < 50, `a check of the model agreement takes ${timing.median} ms (target < 50 ms)`);
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

test("a negotiator's draft with its findings (README screenshot)", async () => {
  await page.selectOption("#example", "draft");
  await page.waitForFunction(() =>
    document.querySelectorAll("#findings .finding[data-code=P101]").length === 2);
  const found = await codes();
  assert.deepEqual(found.filter((c) => c === "P101" || c === "P102").sort(), ["P101", "P101", "P102"]);
  await page.locator(".cm-lintRange-warning, .cm-lintRange-error").first().hover();
  await page.locator(".cm-tooltip .finding-tooltip").first().waitFor();
  await page.screenshot({ path: `${DOCS}playground.png` });
  await page.mouse.move(0, 0);
});

test("the rendered document", async () => {
  await tab("document");
  const frame = page.frameLocator("#document iframe");
  await frame.locator("body").waitFor();
  assert.match(await frame.locator("body").textContent(), /Republic of Aldoria/);
  await page.screenshot({ path: `${DOCS}playground-document.png` });
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

test("no errors in the console", () => {
  assert.deepEqual(consoleErrors, []);
});
