#!/bin/sh
# Installs what is missing, builds in _build/ and runs every test headless
# under Xvfb.  Ends with "N passed, N failed, N skipped" (the TAP results
# of every test program; each skipped test is named above that line) and
# exits non-zero when anything failed.
#
# --sanitize (first argument): build in _build-sanitize/ with
# AddressSanitizer and UndefinedBehaviorSanitizer and run the same suite
# there.  Leak detection stays on for the model tests (but for
# fontconfig's process-long caches, build-aux/lsan.supp); the UI tests run
# with detect_leaks=0 (GTK, fontconfig and Mesa keep caches for the life
# of the process).
#
# --all: both, the plain build and then the sanitized one, ending with one
# line that counts them together (what CI runs).
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

if [ "$1" = "--all" ]; then
  shift
  log=$(mktemp)
  total_passed=0
  total_failed=0
  total_skipped=0
  all_status=0
  for mode in "" --sanitize; do
    { sh "$top/build-aux/test.sh" $mode "$@"; echo "$?" > "$log.status"; } 2>&1 | tee "$log"
    [ "$(cat "$log.status")" = 0 ] || all_status=1
    counts=$(tail -n 1 "$log" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
    if [ -n "$counts" ]; then
      rest=${counts#* }
      total_passed=$((total_passed + ${counts%% *}))
      total_failed=$((total_failed + ${rest% *}))
      total_skipped=$((total_skipped + ${rest#* }))
    else
      total_failed=$((total_failed + 1))
    fi
    grep '^failed: ' "$log" | sed "s/^/${mode:-plain}: /" >> "$log.failed"
  done
  # The failures of both runs again, next to the total, so that the end
  # of the output names them.
  cat "$log.failed" 2>/dev/null
  rm -f "$log" "$log.status" "$log.failed"
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
  exit $all_status
fi

CPL_BUILDDIR=_build
CPL_SANITIZE=
if [ "$1" = "--sanitize" ]; then
  shift
  CPL_SANITIZE=1
  CPL_BUILDDIR=_build-sanitize
fi
. build-aux/deps.sh

cpl_install_packages $CPL_BUILD_PACKAGES $CPL_TEST_PACKAGES || exit 1
cpl_ensure_locale zh_CN zh_CN.utf8
cpl_ensure_locale zh_TW zh_TW.utf8
cpl_ensure_locale en_US en_US.utf8
cpl_ensure_locale de_DE de_DE.utf8
if [ -n "$CPL_SANITIZE" ]; then
  cpl_build -Db_sanitize=address,undefined -Db_lundef=false || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
else
  cpl_build || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

rm -f "$CPL_BUILDDIR/meson-logs/testlog.json"
if [ -n "$CPL_SANITIZE" ]; then
  # Every sanitizer report fails the test; the model suite keeps leak
  # detection, the rest does not (GTK's own caches read as leaks).
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
    env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0" \
    meson test -C "$CPL_BUILDDIR" --print-errorlogs --num-processes 2 --suite model "$@"
  status=$?
  cp "$CPL_BUILDDIR/meson-logs/testlog.json" "$CPL_BUILDDIR/meson-logs/testlog-model.json" 2>/dev/null
  dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
    env ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    meson test -C "$CPL_BUILDDIR" --print-errorlogs --num-processes 2 --no-suite model "$@"
  [ $? -ne 0 ] && status=1
  cat "$CPL_BUILDDIR/meson-logs/testlog-model.json" >> "$CPL_BUILDDIR/meson-logs/testlog.json" 2>/dev/null
else
# A private session bus, as a desktop session has, and a virtual display.
dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
  meson test -C "$CPL_BUILDDIR" --print-errorlogs --num-processes 2 "$@"
status=$?
fi

python3 - "$CPL_BUILDDIR/meson-logs/testlog.json" <<'PY'
import json, re, sys
# A skipped test is neither passed nor hidden: it is counted on its own
# and named, so that a test that silently stops running is seen.
passed = failed = skipped = 0
skipped_names = []
failed_names = []
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    test = json.loads(line)
    out = test.get("stdout") or ""
    skips = re.findall(r"^ok \d+[^\n]*# SKIP[^\n]*", out, re.M | re.I)
    oks = len(re.findall(r"^ok \d+", out, re.M)) - len(skips)
    bad = len(re.findall(r"^not ok \d+", out, re.M))
    skipped_names += [test.get("name", "?") + ": " + s for s in skips]
    failed_names += [test.get("name", "?") + ": " + s
                     for s in re.findall(r"^not ok \d+[^\n]*", out, re.M)]
    if oks + bad + len(skips) == 0:
        # no TAP lines: the program counts as one test
        if test.get("result") == "SKIP":
            skipped += 1
            skipped_names.append(test.get("name", "?"))
        elif test.get("result") in ("OK", "EXPECTEDFAIL"):
            oks = 1
        else:
            bad = 1
            failed_names.append(test.get("name", "?") + ": " + str(test.get("result")))
    elif test.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
        bad = 1  # crashed or timed out after its last TAP line
        failed_names.append(test.get("name", "?") + ": " + str(test.get("result"))
                            + " after its last TAP line")
    passed += oks
    failed += bad
    skipped += len(skips)
if not lines:
    failed = 1
for name in skipped_names:
    print("skipped:", name)
for name in failed_names:
    print("failed:", name)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
