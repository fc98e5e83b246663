// Prints every snippet of snippets/pacta.code-snippets with its placeholders filled in with their
// defaults (choices: the first one), wrapped in an article where the snippet is an Article's
// content, so that .ci/editors.sh can check with tree-sitter that every snippet is valid Pacta.
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'snippets', 'pacta.code-snippets');
const snippets = JSON.parse(fs.readFileSync(file, 'utf8'));

const variables = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '01' };

function fill(text) {
  return text
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^{}]|\{[^{}]*\})*)\}/g, (_, d) => fill(d))
    .replace(/\$\{([A-Z_]+)\}/g, (_, v) => variables[v])
    .replace(/\$\{\d+\}|\$\d+/g, (m) => (m === '$0' ? '' : '7'));
}

const insideArticle = new Set(['Posting rule', 'Aggregation', 'Termination', 'Suppression']);
let n = 100;
for (const [name, snippet] of Object.entries(snippets)) {
  const body = fill(snippet.body.join('\n'));
  if (body.includes('$')) {
    console.error(`snippet ${name}: placeholder left after filling: ${body}`);
    process.exit(1);
  }
  process.stdout.write(`// snippet: ${name}\n`);
  if (insideArticle.has(name)) process.stdout.write(`article ${n++} {\n${body}\n}\n`);
  else process.stdout.write(`${body}\n`);
}
