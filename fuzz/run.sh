#!/usr/bin/env bash
# Build the fuzz targets with libFuzzer's coverage instrumentation and run each.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     default: 15 seconds, every target
#   fuzz/run.sh --ci                                the CI run: reproducible, see below
#
# --ci runs every target from its seeds alone (a fresh corpus, not fuzz/corpus/), with a fixed
# random seed and a fixed number of inputs (FUZZ_RUNS; by default about a minute for all six here),
# so that CI explores the same inputs on every machine and a run that passed locally passes there:
# a gate that fails at random teaches people to re-run it. Long runs are where new inputs are found.
#
# Stable Rust suffices: the flags below are what `cargo fuzz` passes, without AddressSanitizer
# (Pacta has no unsafe code). Each input gets at most 2 seconds (-timeout): slowness is a
# finding like a crash. Seeds come from agreements/ and fuzz/seeds/; what a run learns is kept
# in fuzz/corpus/ (ignored by git). A crash or a timeout leaves its input in fuzz/artifacts/:
# turn it into a regression test (tests/it/no_panic.rs or tests/it/hostile.rs), then fix it.
set -euo pipefail
cd "$(dirname "$0")"
ci=
if [ "${1:-}" = "--ci" ]; then
  ci=1
  shift
fi
seconds=${1:-15}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check build diff resolve fmt lsp)

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# With an explicit --target, the flags reach the targets only, not build scripts or proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --locked --release --bins --target "$host" --target-dir target

mkdir -p artifacts
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
for t in "${targets[@]}"; do
  limits=(-max_total_time="$seconds")
  if [ -n "$ci" ]; then
    corpus="$fresh/$t"
    # Inputs per target, for about a minute in all: an agreement costs ~10 ms to check, a
    # situation ~0.1 ms to resolve; fmt checks each text three times, lsp analyses it on every
    # edit it makes.
    case "$t" in
      resolve) runs=40000 ;;
      fmt) runs=400 ;;
      lsp) runs=120 ;;
      *) runs=1000 ;;
    esac
    limits=(-seed=1 -runs="${FUZZ_RUNS:-$runs}" -max_total_time=300)
  else
    corpus="corpus/$t"
  fi
  mkdir -p "$corpus"
  seeds=("$corpus")
  case "$t" in
    check | build | diff | fmt) seeds+=(../agreements ../agreements/negotiation) ;;
    resolve) seeds+=(seeds/resolve) ;;
    lsp) seeds+=(../agreements seeds/lsp) ;;
  esac
  echo "== fuzz $t (${limits[*]})"
  "target/$host/release/fuzz_$t" "${limits[@]}" -timeout=2 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="artifacts/$t-" "${seeds[@]}"
done
