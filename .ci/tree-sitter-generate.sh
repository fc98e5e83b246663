#!/usr/bin/env bash
# Optional, not part of .ci/run: checks that editors/tree-sitter-pacta/src/ is what grammar.js
# generates, with the tree-sitter CLI. Run it after editing grammar.js. The CLI is built from
# crates.io with `cargo install --locked` (several minutes on a fresh machine) into a cache folder
# reused between runs: $PACTA_CI_CACHE, default ~/.cache/pacta-ci; PACTA_CI_JOBS sets the build's jobs.
# The grammar's tests themselves (corpus, highlights, agreements) run through the tree-sitter
# crate: `cargo test -p tree-sitter-pacta`, part of .ci/editors.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
TREE_SITTER_VERSION=0.27.1
CACHE=${PACTA_CI_CACHE:-$HOME/.cache/pacta-ci}
TS_ROOT=$CACHE/tree-sitter
TS=$TS_ROOT/bin/tree-sitter
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [[ -x $TS ]] && [[ $("$TS" --version 2>/dev/null) == "tree-sitter $TREE_SITTER_VERSION"* ]]; then
  echo "using $("$TS" --version) from $TS_ROOT"
else
  echo "building tree-sitter-cli $TREE_SITTER_VERSION into $TS_ROOT (once; cached afterwards)"
  cargo install tree-sitter-cli --locked --version "$TREE_SITTER_VERSION" --root "$TS_ROOT" \
    -j "${PACTA_CI_JOBS:-2}" --quiet
fi

mkdir -p "$TMP/gen"
cp editors/tree-sitter-pacta/grammar.js editors/tree-sitter-pacta/tree-sitter.json "$TMP/gen/"
(cd "$TMP/gen" && "$TS" generate)
if ! diff -r -q "$TMP/gen/src" editors/tree-sitter-pacta/src; then
  echo "editors/tree-sitter-pacta/src is stale: run tree-sitter generate there and commit src/" >&2
  exit 1
fi
echo "editors/tree-sitter-pacta/src is what grammar.js generates"
