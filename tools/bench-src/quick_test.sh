#!/usr/bin/env bash
# ctest bench_quick: quick_test.sh <tools/bench> <socgov-bench-check> <out dir>
set -euo pipefail
bench=$1 check=$2 out=$3
rm -rf "$out"
"$bench" run --quick --out "$out"
"$check" "$out/report.json"
