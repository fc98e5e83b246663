// Tokenizes every agreement in the repository's `agreements/` folder and its subfolders (or the
// files given on the command line) with the Pacta TextMate grammar and fails if
//   - a visible character is left with no scope beyond `source.pacta`, or lands in an `invalid`
//     scope: nothing is silently left plain;
//   - a keyword of grammar/pacta.pest is scoped as a plain value, except a block keyword that no
//     `{` follows or a line keyword that no `:` follows (those are values, as in the grammar).
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const grammarPath = path.join(here, '..', 'syntaxes', 'pacta.tmLanguage.json');
const repoRoot = path.join(here, '..', '..', '..');
const agreementsDir = path.join(repoRoot, 'agreements');

// The quoted kebab-case words of the pest grammar (comment lines left out), and those of the
// `block_keyword` and `line_keyword` rules.
function pestKeywords() {
  const pest = fs.readFileSync(path.join(repoRoot, 'grammar', 'pacta.pest'), 'utf8')
    .split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
  const words = (text) => new Set([...text.matchAll(/"([a-z]+(?:-[a-z]+)*)"/g)]
    .map((m) => m[1]).filter((w) => w.length >= 2));
  const rule = (name) => {
    const m = pest.match(new RegExp('^' + name + '\\s*=\\s*@?\\{([\\s\\S]*?)^\\}', 'm'));
    if (!m) throw new Error('rule ' + name + ' not found in grammar/pacta.pest');
    return words(m[1]);
  };
  return { all: words(pest), block: rule('block_keyword'), line: rule('line_keyword') };
}

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
  const keywords = pestKeywords();
  if (keywords.all.size < 60 || !keywords.block.has('aggregation') || !keywords.line.has('see')) {
    throw new Error('could not read the keywords of grammar/pacta.pest');
  }

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
    const source = fs.readFileSync(file, 'utf8');
    const lines = source.split(/\r?\n/);
    let state = vsctm.INITIAL;
    lines.forEach((line, i) => {
      // What follows a token, this line and the next ones (a `{` may be on the next line).
      const after = (end) => line.slice(end) + '\n' + lines.slice(i + 1, i + 3).join('\n');
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
        if (keywords.all.has(text) && t.scopes.includes('constant.other.value.pacta')) {
          const rest = after(t.endIndex);
          const blockValue = keywords.block.has(text) && !/^\s*\{/.test(rest);
          const lineValue = keywords.line.has(text) && !/^[ \t]*:/.test(rest);
          if (!blockValue && !lineValue) {
            problems++;
            console.error(`${file}:${i + 1}:${t.startIndex + 1}: keyword ${text} is scoped as a plain value`);
          }
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
