#!/bin/sh
# build-aux/bench.sh: builds, then runs the benchmarks and prints their
# results.  The Monte Carlo benchmark runs 10,000 draws × 10 years × 3
# exported chips on one thread, then the same model over the same draws in
# numpy (python3-numpy; skipped with a message when it is missing), checks
# that both give the same P50 of the government take, and prints the ratio.
set -e
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}

[ -f _build/build.ninja ] || meson setup _build >/dev/null
ninja -C _build -j2 >/dev/null

# Issue #16's table: the model's rows against their baselines, on the
# datasets bench/gen-dataset.py writes into _build/bench (a few seconds,
# once); the GUI rows say "not measured yet".  Every --compute row runs
# five times: a few minutes.
ninja -C _build -j2 bench/s1.json bench/s4.json bench/s16.json bench/rules.json >/dev/null
_build/bench/bench-model _build/bench _build/src/chip-policy-lab
echo

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ours=$(_build/bench/bench-uncertainty "$dir")
echo "$ours"
ours_ms=$(echo "$ours" | sed -n 's/.*1 thread: \([0-9.]*\) ms.*/\1/p')
all_ms=$(echo "$ours" | sed -n 's/.*processors: \([0-9.]*\) ms.*/\1/p')

status=0
numpy=$("$PYTHON" bench/uncertainty_numpy.py "$dir") || status=$?
echo "$numpy" | grep -v '^numpy_ms='
case $status in
  0)
    numpy_ms=$(echo "$numpy" | sed -n 's/^numpy_ms=//p')
    awk -v o="$ours_ms" -v a="$all_ms" -v n="$numpy_ms" 'BEGIN {
      if (n >= o) word = "faster"; else word = "slower"
      printf "uncertainty: ratio numpy / ours = %.2f on one core (ours is %s than numpy)\n", n / o, word
      printf "uncertainty: ratio numpy / ours = %.2f with the draws on every processor\n", n / a }'
    ;;
  2) ;;
  *) echo "uncertainty: numpy and ours disagree on the P50 of the take" >&2; exit 1 ;;
esac
