#!/bin/sh
# TAP: the Flatpak manifest is valid JSON with the sandbox we promise, and
# flatpak-builder can parse it (skipped when flatpak-builder is missing).
#
# Usage: test-packaging.sh SOURCEDIR
src=${1:?usage: test-packaging.sh SOURCEDIR}
src=$(cd "$src" && pwd)
manifest=$src/flatpak/io.github.chippolicylab.ChipPolicyLab.json

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpl-flatpak.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

if python3 -m json.tool "$manifest" >/dev/null 2>"$tmp/json.err"; then
  ok "manifest is valid JSON"
else
  not_ok "manifest is valid JSON"
  sed 's/^/# /' "$tmp/json.err"
fi

if python3 - "$manifest" <<'PY' 2>"$tmp/fields.err"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"] == "io.github.chippolicylab.ChipPolicyLab", m["id"]
assert m["command"] == "chip-policy-lab", m["command"]
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
assert m["finish-args"] == ["--share=ipc", "--socket=fallback-x11",
                            "--socket=wayland", "--device=dri"], m["finish-args"]
names = [mod["name"] for mod in m["modules"]]
assert names == ["libcsv", "chip-policy-lab"], names
for mod in m["modules"]:
    for source in mod["sources"]:
        if source["type"] in ("archive", "file"):
            assert len(source.get("sha256", "")) == 64, source
PY
then
  ok "manifest: app id, command, runtime, sandbox and modules"
else
  not_ok "manifest: app id, command, runtime, sandbox and modules"
  sed 's/^/# /' "$tmp/fields.err"
fi

if ! command -v flatpak-builder >/dev/null 2>&1; then
  skip "flatpak-builder --show-manifest: flatpak-builder is not installed"
# flatpak-builder keeps state in the working directory: run it in $tmp.
elif (cd "$tmp" && flatpak-builder --show-manifest "$manifest") >"$tmp/show.out" 2>"$tmp/show.err"; then
  ok "flatpak-builder --show-manifest parses the manifest"
else
  not_ok "flatpak-builder --show-manifest parses the manifest"
  sed 's/^/# /' "$tmp/show.err"
fi

echo "1..$n"
exit $fail
