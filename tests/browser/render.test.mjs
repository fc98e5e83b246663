// The documents of `pacta render` in a real browser: Debian's headless Chromium driven by
// playwright-core (which never downloads a browser of its own). For the model agreement, a
// bilingual fixture and a hostile one: every Article present and in source order, the margin notes
// where the findings are, the language columns, nothing executed; then print to A4 PDF and count
// the pages. Screenshots are written to docs/ when PACTA_SCREENSHOTS=1 (commit them), else to a
// temporary folder.
//
// Environment: PACTA_BIN (the pacta binary; default target/debug/pacta), CHROMIUM (default
// /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.PACTA_BIN || join(ROOT, 'target/debug/pacta');
const TMP = mkdtempSync(join(tmpdir(), 'pacta-render-'));
const SHOTS = process.env.PACTA_SCREENSHOTS === '1' ? join(ROOT, 'docs') : TMP;

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** Render a source file to HTML with the CLI; returns the output path. */
function render(source, name, extra = []) {
  const out = join(TMP, name);
  execFileSync(BIN, ['render', join(ROOT, source), '-o', out, ...extra], { stdio: 'inherit' });
  return out;
}

/** The article numbers of a source file, in order (`article N` at the start of a line). */
function articlesOf(source) {
  const text = readFileSync(join(ROOT, source), 'utf8');
  return [...text.matchAll(/^\s*article\s+(\d+[a-z]*|[IVXLCDM]+)\b/gm)].map((m) => m[1]);
}

/** Open a rendered file; any script that runs, any request that leaves, any error fails the test. */
async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

/** Print to A4 PDF with the document's own page rules; returns the number of pages. */
async function pdfPages(page, name) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  writeFileSync(join(TMP, name), pdf);
  const text = pdf.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

test('the model agreement: every Article in order, a clean summary, printable on A4', async () => {
  const source = 'agreements/r167-model.pacta';
  const { page, problems } = await open(render(source, 'r167-model.html'));
  const expected = articlesOf(source);
  const numbers = await page.$$eval('article.article', (els) => els.map((e) => e.dataset.number));
  assert.deepEqual(numbers, expected, 'every Article, in source order');
  const ids = await page.$$eval('article.article', (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'Article ids are unique');
  // The table of contents lists every Article and its links land.
  const toc = await page.$$eval('nav.toc a[href^="#art_"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(toc, expected.map((n) => `#art_${n}`));
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('section.parties .party').count(), 2);
  assert.equal(await page.locator('section.preamble').count(), 1);
  const parts = readFileSync(join(ROOT, source), 'utf8').match(/^\s*part\s+[IVXLCDM]+/gm).length;
  assert.equal(await page.locator('section.part').count(), parts, 'every Part');
  // The model checks clean: the summary says so, no margin note anywhere.
  assert.match(await page.locator('#findings').innerText(), /nothing to report/);
  assert.equal(await page.locator('aside.margin').count(), 0);
  // Every structured provision is in words; the posting rule reads as treaty English.
  const rule = await page.locator('#art_8 .words[data-kind="rule"]').first().innerText();
  assert.match(rule, /shall, notwithstanding Rule 7\.1, be subject to the legislation of the other Party for a period not exceeding 24 months/);
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  // The treaty closes as treaties do: after the last Article, the closing formula and one
  // signature block per Party, side by side; the Parties' authorities and institutions in an annex.
  const sigs = await page.$$eval('#signature .signatory', (ss) =>
    ss.map((s) => { const r = s.getBoundingClientRect(); return { party: s.dataset.party, top: r.top, left: r.left, right: r.right }; }));
  assert.deepEqual(sigs.map((s) => s.party), ['XA', 'XB']);
  assert.ok(Math.abs(sigs[0].top - sigs[1].top) < 2 && sigs[1].left > sigs[0].right, 'the signature blocks stand side by side');
  assert.match(await page.locator('#signature').innerText(), /^In witness whereof[^]*Done at[^]*For the Republic of Meridia:[^]*For the Kingdom of Norland:/);
  const order = await page.evaluate(() => ['#preamble', 'main', '#signature', '#parties'].map((q) => document.querySelector(q))
    .every((el, i, all) => i === 0 || (all[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.ok(order, 'preamble, Articles, signatures, annex: in this order');
  await page.screenshot({ path: join(SHOTS, 'render-r167-model.png') });
  await page.locator('#signature').screenshot({ path: join(SHOTS, 'render-signature.png') });
  await page.locator('#art_8').screenshot({ path: join(SHOTS, 'render-article.png') });
  const pages = await pdfPages(page, 'r167-model.pdf');
  console.log(`r167-model.pacta prints on ${pages} A4 pages`);
  assert.ok(pages >= 8 && pages <= 40, `r167-model prints on ${pages} pages`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the bilingual fixture: languages side by side, findings in the margin of their Article', async () => {
  const source = 'tests/fixtures/render/bilingual.pacta';
  const { page, problems } = await open(render(source, 'bilingual.html'));
  assert.deepEqual(
    await page.$$eval('article.article', (els) => els.map((e) => e.dataset.number)),
    articlesOf(source),
  );
  // Two columns, English first and marked as prevailing, French beside it.
  const cols = await page.$$eval('#art_3 .texts .text', (ps) => ps.map((p) => [p.lang, p.className]));
  assert.deepEqual(cols, [['en', 'text prevailing'], ['fr', 'text']]);
  const [en, fr] = await page.$$eval('#art_3 .texts .text', (ps) => ps.map((p) => p.getBoundingClientRect()));
  assert.ok(Math.abs(en.top - fr.top) < 2 && fr.left > en.right, 'the French column stands beside the English');
  // P014 in the margin of Article 4 (no French text), P013 in the margin of Article 6.
  const margins = await page.$$eval('aside.margin .note', (ns) =>
    ns.map((n) => [n.closest('article').id, n.dataset.code]));
  assert.deepEqual(margins, [['art_4', 'P014'], ['art_6', 'P013']]);
  assert.equal(await page.locator('#art_4 .text.missing[lang="fr"]').count(), 1);
  const note = await page.locator('#art_6 aside.margin').boundingBox();
  const body = await page.locator('#art_6 .body').boundingBox();
  assert.ok(note.x > body.x + body.width - 1, 'the note stands in the right margin');
  assert.match(await page.locator('#findings').innerText(), /0 errors, 2 warnings, 0 infos/);
  await page.screenshot({ path: join(SHOTS, 'render-bilingual.png'), fullPage: false });
  await page.locator('#art_6').screenshot({ path: join(SHOTS, 'render-bilingual-margin.png') });
  const pages = await pdfPages(page, 'bilingual.pdf');
  console.log(`bilingual.pacta prints on ${pages} A4 pages`);
  assert.ok(pages >= 2 && pages <= 12, `bilingual prints on ${pages} pages`);
  assert.deepEqual(problems, []);
  await page.close();

  // The clean copy to table: no summary, no margin, one column when one language is asked for.
  const clean = await open(render(source, 'bilingual-clean.html', ['--findings', 'none', '--lang', 'fr']));
  assert.equal(await clean.page.locator('#findings').count(), 0);
  assert.equal(await clean.page.locator('aside.margin').count(), 0);
  assert.deepEqual(
    await clean.page.$$eval('#art_3 .texts .text', (ps) => ps.map((p) => p.lang)),
    ['fr'],
  );
  await clean.page.close();
});

test('hostile prose renders inert: markup as text, nothing runs, right-to-left text isolated', async () => {
  const { page, problems } = await open(render('tests/fixtures/render/hostile.pacta', 'hostile.html'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.equal(await page.locator('iframe, img, svg, a[href^="javascript"], b[onmouseover]').count(), 0);
  assert.match(await page.locator('h1').innerText(), /<script>window\.__pwned = 'title'<\/script> & "Quotes" 'too'/);
  assert.match(await page.locator('#art_1 .text[lang="en"]').innerText(), /<\/p><\/div><\/article><script>/);
  assert.equal(await page.locator('#art_1 .text[lang="ar"]').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('article.article').count(), 2, 'no markup closed an Article early');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  await pdfPages(page, 'hostile.pdf');
  assert.deepEqual(problems, []);
  await page.close();
});
