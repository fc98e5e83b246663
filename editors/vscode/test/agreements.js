// Tokenizes every agreement in the repository's `agreements/` folder and its subfolders (and any file given on the
// command line) with the Pacta TextMate grammar and fails if a visible character is left with no
// scope beyond `source.pacta`, or lands in an `invalid` scope. This is what "highlights every
// agreement" means for the TextMate grammar: nothing is silently left plain.
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const grammarPath = path.join(here, '..', 'syntaxes', 'pacta.tmLanguage.json');
const agreementsDir = path.join(here, '..', '..', '..', 'agreements');

// Every .pacta file under `dir`, subfolders included (agreements/negotiation/…).
function pactaFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return pactaFiles(p);
    return e.name.endsWith('.pacta') ? [p] : [];
  }).sort();
}

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.pacta'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar('source.pacta');

  let files = process.argv.slice(2);
  if (files.length === 0) {
    files = pactaFiles(agreementsDir);
  }
  if (files.length === 0) {
    console.error('no agreements found in ' + agreementsDir);
    process.exit(1);
  }
  let problems = 0;
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    let state = vsctm.INITIAL;
    lines.forEach((line, i) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      for (const t of r.tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        if (text.trim() === '') continue;
        const bare = t.scopes.length === 1;
        const invalid = t.scopes.some((s) => s.startsWith('invalid'));
        if (bare || invalid) {
          problems++;
          console.error(`${file}:${i + 1}:${t.startIndex + 1}: ${JSON.stringify(text)} has scopes ${t.scopes.join(' ')}`);
        }
      }
    });
    console.log(`ok ${path.relative(process.cwd(), file)} (${lines.length} lines)`);
  }
  if (problems > 0) {
    console.error(`${problems} token(s) without highlighting`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
