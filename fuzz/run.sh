#!/usr/bin/env bash
# Build the fuzz targets with libFuzzer's coverage instrumentation and run each.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     default: 15 seconds, every target
#
# Stable Rust suffices: the flags below are what `cargo fuzz` passes, without AddressSanitizer
# (Pacta has no unsafe code). Each input gets at most 2 seconds (-timeout): slowness is a
# finding like a crash. Seeds come from agreements/ and fuzz/seeds/; what a run learns is kept
# in fuzz/corpus/ (ignored by git). A crash or a timeout leaves its input in fuzz/artifacts/:
# turn it into a regression test (tests/it/no_panic.rs or tests/it/hostile.rs), then fix it.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-15}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check build diff resolve)

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# With an explicit --target, the flags reach the targets only, not build scripts or proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --bins --target "$host" --target-dir target

mkdir -p artifacts
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  seeds=("corpus/$t")
  case "$t" in
    check | build | diff) seeds+=(../agreements ../agreements/negotiation) ;;
    resolve) seeds+=(seeds/resolve) ;;
  esac
  echo "== fuzz $t (${seconds}s)"
  "target/$host/release/fuzz_$t" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="artifacts/$t-" "${seeds[@]}"
done
