#!/bin/sh
# Installs what is missing, builds in _build/ and runs every test headless
# under Xvfb.  Ends with "N passed, N failed" (TAP results of every test
# program) and exits non-zero when anything failed.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
CPL_BUILDDIR=_build
. build-aux/deps.sh

cpl_install_packages $CPL_BUILD_PACKAGES $CPL_TEST_PACKAGES || exit 1
cpl_ensure_locale zh_CN zh_CN.utf8
cpl_ensure_locale zh_TW zh_TW.utf8
cpl_ensure_locale en_US en_US.utf8
cpl_build || { echo "0 passed, 1 failed"; exit 1; }

rm -f "$CPL_BUILDDIR/meson-logs/testlog.json"
# A private session bus, as a desktop session has, and a virtual display.
dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
  meson test -C "$CPL_BUILDDIR" --print-errorlogs --num-processes 2 "$@"
status=$?

python3 - "$CPL_BUILDDIR/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = 0
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    test = json.loads(line)
    out = test.get("stdout") or ""
    oks = len(re.findall(r"^ok \d+", out, re.M))
    bad = len(re.findall(r"^not ok \d+", out, re.M))
    if oks + bad == 0:
        # no TAP lines: the program counts as one test
        if test.get("result") in ("OK", "EXPECTEDFAIL", "SKIP"):
            oks = 1
        else:
            bad = 1
    elif test.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
        bad = 1  # crashed or timed out after its last TAP line
    passed += oks
    failed += bad
if not lines:
    failed = 1
print(f"{passed} passed, {failed} failed")
PY
exit $status
