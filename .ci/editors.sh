#!/usr/bin/env bash
# Tests of the editor support in editors/: VS Code (TextMate), tree-sitter, Vim and Emacs, plus the
# keyword cross-check against grammar/pacta.pest. Run from anywhere; exits non-zero when any editor
# test fails. Needs Rust, a C compiler, Node/npm and vim. It installs, and says so when it does:
#
#   - npm packages with `npm ci` into editors/vscode/node_modules, from the committed
#     package-lock.json;
#   - the system package emacs-nox with apt-get, only when `emacs` is missing (ERT tests of the
#     Emacs mode); PACTA_CI_NO_INSTALL=1 skips that step instead, and so does a machine without
#     apt-get or root.
#
# Only files of this repository are read. Environment: PACTA_CI_NO_INSTALL=1 (install no system
# package), PACTA_CI_REQUIRE_EMACS=1 (fail instead of skipping when Emacs is not there).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
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
    && npm run --silent test:agreements && npm run --silent test:client)
}

# ───────────────────────────── tree-sitter ─────────────────────────────

# The committed parser (src/parser.c) compiled through the `tree-sitter` crate: corpus tests,
# highlight assertions through `tree-sitter-highlight`, queries, every agreement and every VS Code
# snippet parse. No tree-sitter CLI: `.ci/tree-sitter-generate.sh` (optional, slow on a fresh
# machine: it builds the CLI) checks that src/ is what grammar.js generates.
tree_sitter_test() {
  cargo test --quiet -p tree-sitter-pacta
}

# ───────────────────────────── Vim ─────────────────────────────

vim_test() {
  vim -Nu NONE -i NONE -es -S editors/vim/test/run.vim </dev/null
}

# ───────────────────────────── Emacs ─────────────────────────────

emacs_install() {
  command -v emacs >/dev/null && return 0
  if [[ ${PACTA_CI_NO_INSTALL:-0} == 1 ]]; then
    echo "emacs is missing and PACTA_CI_NO_INSTALL=1: not installing the system package emacs-nox"
    return 1
  fi
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo -n"
  if command -v apt-get >/dev/null; then
    echo "installing the system package emacs-nox with apt-get (for the Emacs mode's tests;" \
      "PACTA_CI_NO_INSTALL=1 skips this)"
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
step "tree-sitter: grammar tests" tree_sitter_test
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
