#!/usr/bin/env bash
# Tests of the editor support in editors/: VS Code (TextMate), tree-sitter, Vim and Emacs, plus the
# keyword cross-check against grammar/pacta.pest. Run from anywhere; exits non-zero when any editor
# test fails. Installs what it needs on a fresh machine (Rust, Node/npm, gcc and vim assumed):
#
#   - npm packages with `npm ci` from the committed package-lock.json;
#   - tree-sitter-cli with `cargo install --locked`, into a cache folder reused between runs
#     ($PACTA_CI_CACHE, default ~/.cache/pacta-ci);
#   - emacs-nox with apt-get when possible (ERT tests); without Emacs that step is skipped.
#
# Environment: PACTA_CI_CACHE (cache folder), PACTA_CI_JOBS (cargo jobs for the one-off CLI build),
# PACTA_CI_REQUIRE_EMACS=1 (fail instead of skipping when Emacs cannot be installed).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
TREE_SITTER_VERSION=0.27.1
CACHE=${PACTA_CI_CACHE:-$HOME/.cache/pacta-ci}
TS_ROOT=$CACHE/tree-sitter
TS=$TS_ROOT/bin/tree-sitter
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

failed=()
skipped=()
timings=()

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# step NAME COMMAND...: run one step, record its time and whether it failed.
step() {
  local name=$1
  shift
  echo "── $name"
  local start
  start=$(now)
  if "$@"; then
    timings+=("$(printf '%-28s %6ss  ok' "$name" "$(elapsed "$start")")")
  else
    failed+=("$name")
    timings+=("$(printf '%-28s %6ss  FAILED' "$name" "$(elapsed "$start")")")
  fi
}

# ───────────────────────────── VS Code ─────────────────────────────

vscode_install() {
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error)
}

vscode_test() {
  local missing=0 f
  # vscode-tmgrammar-snap writes a missing snapshot instead of failing: require them committed.
  for f in editors/vscode/test/snap/*.pacta; do
    if [[ ! -f $f.snap ]]; then
      echo "missing snapshot $f.snap (run npm run test:snap:update in editors/vscode and read it)" >&2
      missing=1
    fi
  done
  [[ $missing == 0 ]] || return 1
  (cd editors/vscode && npm run --silent test:unit && npm run --silent test:snap \
    && npm run --silent test:agreements)
}

# ───────────────────────────── tree-sitter ─────────────────────────────

tree_sitter_install() {
  if [[ -x $TS ]] && [[ $("$TS" --version 2>/dev/null) == "tree-sitter $TREE_SITTER_VERSION"* ]]; then
    echo "using $("$TS" --version) from $TS_ROOT"
    return 0
  fi
  echo "building tree-sitter-cli $TREE_SITTER_VERSION into $TS_ROOT (once; cached afterwards)"
  cargo install tree-sitter-cli --locked --version "$TREE_SITTER_VERSION" --root "$TS_ROOT" \
    -j "${PACTA_CI_JOBS:-2}" --quiet
}

# The tree-sitter CLI warns when it has no configuration; give it an empty one.
ts() {
  printf '{"parser-directories": []}\n' >"$TMP/ts-config.json"
  "$TS" "$@"
}

tree_sitter_generated() {
  # The committed parser must be what grammar.js generates.
  mkdir -p "$TMP/gen"
  cp editors/tree-sitter-pacta/grammar.js editors/tree-sitter-pacta/tree-sitter.json "$TMP/gen/"
  (cd "$TMP/gen" && "$TS" generate) || return 1
  if ! diff -r -q "$TMP/gen/src" editors/tree-sitter-pacta/src; then
    echo "editors/tree-sitter-pacta/src is stale: run tree-sitter generate there and commit src/" >&2
    return 1
  fi
}

tree_sitter_test() {
  (cd editors/tree-sitter-pacta && ts test --config-path "$TMP/ts-config.json")
}

tree_sitter_agreements() {
  local files=() extra=/work/shared/design/examples/arcadia-borduria.pacta
  mapfile -t files < <(find "$ROOT/agreements" -name '*.pacta' | sort)
  ((${#files[@]})) || { echo "no agreements in $ROOT/agreements" >&2; return 1; }
  [[ -f $extra ]] && files+=("$extra")
  # Snippets of the VS Code extension, with their placeholders filled in, must parse too.
  node editors/vscode/test/expand-snippets.js >"$TMP/snippets.pacta" || return 1
  files+=("$TMP/snippets.pacta")
  (
    cd editors/tree-sitter-pacta || exit 1
    ts parse --quiet --config-path "$TMP/ts-config.json" "${files[@]}" || exit 1
    # Belt and braces: no ERROR or MISSING node in any tree.
    if ts parse --config-path "$TMP/ts-config.json" "${files[@]}" | grep -n 'ERROR\|MISSING'; then
      exit 1
    fi
    echo "${#files[@]} files parse without errors"
  )
}

# ───────────────────────────── Vim ─────────────────────────────

vim_test() {
  vim -Nu NONE -i NONE -es -S editors/vim/test/run.vim </dev/null
}

# ───────────────────────────── Emacs ─────────────────────────────

emacs_install() {
  command -v emacs >/dev/null && return 0
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo -n"
  if command -v apt-get >/dev/null; then
    $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq emacs-nox >/dev/null
  fi
  command -v emacs >/dev/null
}

emacs_test() {
  mkdir -p "$TMP/elc"
  cp editors/emacs/pacta-mode.el "$TMP/elc/"
  emacs -Q --batch --eval '(setq byte-compile-error-on-warn t)' \
    -f batch-byte-compile "$TMP/elc/pacta-mode.el" || return 1
  emacs -Q --batch -L editors/emacs -l editors/emacs/test/pacta-mode-test.el \
    -f ert-run-tests-batch-and-exit
}

# ───────────────────────────── keywords ─────────────────────────────

keywords_test() {
  cargo test --quiet --test it editor_keywords::
}

# ───────────────────────────── run ─────────────────────────────

total=$(now)
step "vscode: npm ci" vscode_install
step "vscode: grammar tests" vscode_test
step "tree-sitter: cli" tree_sitter_install
if [[ -x $TS ]]; then
  step "tree-sitter: parser current" tree_sitter_generated
  step "tree-sitter: test" tree_sitter_test
  step "tree-sitter: agreements" tree_sitter_agreements
fi
step "vim: syntax test" vim_test
if emacs_install; then
  step "emacs: compile + ERT" emacs_test
elif [[ ${PACTA_CI_REQUIRE_EMACS:-0} == 1 ]]; then
  failed+=("emacs: not installable")
else
  skipped+=("emacs (emacs-nox could not be installed)")
fi
step "keywords: editor_keywords" keywords_test

echo
echo "editor tests ($(elapsed "$total")s):"
printf '  %s\n' "${timings[@]}"
for s in "${skipped[@]}"; do echo "  skipped: $s"; done
if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "all editor tests passed"
