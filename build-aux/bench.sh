#!/bin/sh
# build-aux/bench.sh: builds, then runs the benchmarks and prints their
# results.  The Monte Carlo benchmark (issue #14) times 10,000 draws × 10
# years × 3 exported chips on one thread and on every processor, and the
# same model over the same draws in numpy (python3-numpy; skipped with a
# message when it is missing), interleaved: ours on one thread, ours on
# every processor, numpy, then again, ROUNDS times (9 unless set), each
# run after two to warm up; it prints the medians of the time that passed
# and of the processor time (which the other work on a shared machine does
# not add to as it does to the first) and the ratios, and fails when
# numpy's P50 of the government take is not ours.
set -e
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
ROUNDS=${ROUNDS:-9}

[ -f _build/build.ninja ] || meson setup _build >/dev/null
ninja -C _build -j2 >/dev/null

# Issue #16's table, one Markdown table from three programs:
#  - bench-gui: the window's rows (start-up, memory, the 7.7 MB file, 50
#    rules, an edit), the app and bare-window.c each under the same
#    LD_PRELOAD shim (first-frame-shim.so); under Xvfb when there is no
#    display; nine rounds of four starts: a few minutes;
#  - bench-model: the model's rows, on the datasets bench/gen-dataset.py
#    writes into _build/bench (a few seconds, once); every --compute row
#    runs five times: a few minutes;
#  - bench-chart: one chart snapshot, with no display.
ninja -C _build -j2 bench/s1.json bench/s4.json bench/s16.json bench/rules.json >/dev/null
table=$(mktemp)
{
  echo "| what | app | baseline | ratio | goal | |"
  echo "| --- | --- | --- | --- | --- | --- |"
  gui="_build/bench/bench-gui $PWD/_build/src/chip-policy-lab $PWD/_build/bench/bare-window
       $PWD/_build/bench/first-frame-shim.so $PWD/_build/bench"
  if [ -n "$DISPLAY$WAYLAND_DISPLAY" ]; then
    GSETTINGS_SCHEMA_DIR=$PWD/_build/data GSETTINGS_BACKEND=memory CPL_LOCALEDIR=$PWD/_build/po $gui
  else
    # without the session bus's chatter on standard error (bench-gui's own
    # messages stay)
    { GSETTINGS_SCHEMA_DIR=$PWD/_build/data GSETTINGS_BACKEND=memory CPL_LOCALEDIR=$PWD/_build/po \
        dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" $gui 2>&1 >&3 |
        { grep -v '^dbus-daemon\|^SpiRegistry' >&2 || true; }; } 3>&1
  fi
  _build/bench/bench-model _build/bench _build/src/chip-policy-lab
  _build/bench/bench-chart
} | tee "$table"
echo
echo "$(grep -c 'NOT met' "$table") of the rows above their goal"
rm -f "$table"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bench=_build/bench/bench-uncertainty
$bench --inputs "$dir"

numpy=yes
if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "uncertainty: numpy is missing (install python3-numpy); no ratio"
  numpy=
fi

# the median of column $1 of the numbers on standard input
median () {
  awk -v c="$1" '{ print $c }' | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: >"$dir/one"; : >"$dir/all"; : >"$dir/numpy"
r=0
while [ $r -lt "$ROUNDS" ]; do
  $bench --once 1 >>"$dir/one"
  $bench --once 0 >>"$dir/all"
  if [ -n "$numpy" ]; then
    "$PYTHON" bench/uncertainty_numpy.py "$dir" --once >>"$dir/numpy" ||
      { echo "uncertainty: numpy and ours disagree on the P50 of the take" >&2; exit 1; }
  fi
  r=$((r + 1))
done

one=$(median 1 <"$dir/one")
one_cpu=$(median 2 <"$dir/one")
all=$(median 1 <"$dir/all")
echo "uncertainty: 10000 draws x 10 years x 3 exported chips, median of $ROUNDS interleaved runs"
echo "uncertainty: ours on 1 thread: $one ms ($one_cpu ms of processor time); on all $(nproc) processors: $all ms"
if [ -n "$numpy" ]; then
  np=$(median 1 <"$dir/numpy")
  np_cpu=$(median 2 <"$dir/numpy")
  echo "uncertainty: numpy: $np ms ($np_cpu ms of processor time)"
  awk -v o="$one" -v oc="$one_cpu" -v a="$all" -v n="$np" -v nc="$np_cpu" 'BEGIN {
    if (n >= o) word = "faster"; else word = "slower"
    printf "uncertainty: ratio numpy / ours = %.2f on one core (ours is %s than numpy), %.2f in processor time\n", n / o, word, nc / oc
    printf "uncertainty: ratio numpy / ours = %.2f with the draws on every processor\n", n / a }'
fi
