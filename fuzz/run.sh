#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) with cargo-fuzz (libFuzzer).
# The machine has only the stable toolchain, so nightly flags are enabled with
# RUSTC_BOOTSTRAP=1; no sanitizer is used (the crate forbids unsafe code, so the point is
# panics, overflows and broken invariants, which libFuzzer catches without one).
# Usage: fuzz/run.sh [SECONDS]. Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in geoparse incident_json; do
    mkdir -p "corpus/$target"
    cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    echo "== $target for ${seconds}s"
    cargo fuzz run -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
        2>&1 | tee "/tmp/fuzz-$target.log" | grep -E "^(#[0-9]+ +DONE|Done|==|SUMMARY|thread)" || true
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "/tmp/fuzz-$target.log" || true
done
