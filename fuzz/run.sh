#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) with cargo-fuzz (libFuzzer),
# one target after another, each in a single process (the shared machine has 2 cores).
# The machine has only the stable toolchain, so nightly flags are enabled with
# RUSTC_BOOTSTRAP=1; no sanitizer is used (the crate forbids unsafe code, so the point is
# panics, overflows and broken invariants, which libFuzzer catches without one). Targets are
# built in release mode with debug assertions and overflow checks (cargo-fuzz's default).
# Each target mutates with a dictionary of the words its parser looks for (fuzz/dicts/).
# Usage: fuzz/run.sh [SECONDS] [TARGET...]. Crashes land in fuzz/artifacts/TARGET/; the full
# libFuzzer log of each target in fuzz/logs/TARGET.log. Exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(geoparse extract incident_json)
# Inputs longer than this many bytes are not tried: long enough for a whole article paragraph
# and for quadratic behaviour to show within the per-input timeout.
max_len=4096
# A single input running longer than this many seconds counts as a crash (a hang).
timeout_s=10
# Memory, MB, above which the process counts as crashed (the gazetteer takes a few hundred).
rss_limit_mb=2048
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
mkdir -p logs
for target in "${targets[@]}"; do
    cargo fuzz build -s none "$target"
done
failed=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    case "$target" in
        incident_json) dict=dicts/incident_json.dict ;;
        *) dict=dicts/text.dict ;;
    esac
    echo "== $target for ${seconds}s"
    if ! cargo fuzz run -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout_s" \
        -rss_limit_mb="$rss_limit_mb" -print_final_stats=1 -dict="$dict" >"logs/$target.log" 2>&1; then
        failed+=("$target")
        grep -E "^(==[0-9]+== ERROR|SUMMARY|thread '|artifact_prefix|Test unit written)" \
            "logs/$target.log" || true
    fi
    grep -E "stat::(number_of_executed_units|peak_rss_mb)|Done [0-9]+ runs" \
        "logs/$target.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/)"
    exit 1
fi
