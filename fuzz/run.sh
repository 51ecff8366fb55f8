#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), seeded from the
# seeds and the test data. A crash stops the run and leaves the input in
# build/fuzz/findings/: add it to tests/data/fuzz-regressions/ with a test.
#   fuzz/run.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
seconds=${1:-60}
build=${2:-build/fuzz}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$build/findings"
while read -r target; do
  [ -n "$target" ] || continue
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  # Seed corpus: whole documents for the readers, single lines for the
  # string entry points (names, titles, dedupe), from the seeds and test data.
  max_len=4096
  if [[ $target == fuzz_read_* ]]; then
    max_len=65536
    cp -n "$root"/seeds/*.txt "$corpus"/ 2>/dev/null || true
    find "$root/tests/data" -type f -size -1M -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
  elif [ -d "$root/fuzz/seeds/${target#fuzz_}" ]; then  # a target's own seeds (binary edits, not lines)
    cp -n "$root/fuzz/seeds/${target#fuzz_}"/* "$corpus"/
  elif [ -z "$(ls -A "$corpus")" ]; then
    awk 'length($0) > 0 && length($0) < 400 { print; if (++n == 300) exit }' "$root"/seeds/*.txt |
      split -l 1 - "$corpus/line-"
    if [[ $target == fuzz_dedupe ]]; then  # its lines take tab-separated pages, venue and note too
      printf 'Inference of Finite Automata 8 Using Homing Sequences\tpp. 299-347.\tInformation and Computation\n' >"$corpus/cited-1"
      printf 'Using 2-Layer Networks\t119\xe2\x80\x93139\t\tto appear in Machine Learning\n' >"$corpus/cited-2"
    fi
  fi
  echo "== $target (${seconds}s)"
  "$build/fuzz/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/findings/$target-" -print_final_stats=0 "$corpus" 2>"$build/$target.log" \
    || { tail -40 "$build/$target.log"; echo "fuzz target $target failed"; exit 1; }
  grep -E "^(#[0-9]+.*DONE|Done)" "$build/$target.log" | tail -1 || true
done < "$build/fuzz/targets.txt"
