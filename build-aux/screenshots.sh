#!/bin/sh
# Renders the main window at 1200×800, once per view, to
# data/screenshots/{scenarios,chips,revenue}.png for the AppStream metainfo
# (in English), or to {view}-LANG.png in another language (e.g. zh_CN).
# Needs a built tree (build-aux/run.sh or ninja -C BUILDDIR) and runs under
# xvfb-run when there is no display.
#
# Usage: build-aux/screenshots.sh [BUILDDIR [LANG]]   (default: _build, en)
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
lang=${2:-en}
build=$(cd "$build" && pwd) || exit 1
out=$top/data/screenshots

for lib in "$build/src/libcpl-app.a" "$build/src/model/libcpl-model.a"; do
  [ -f "$lib" ] || { echo "screenshots.sh: $lib is missing; build first: ninja -C $build" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpl-screenshots.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
tool=$tmp/screenshot-tool

# The static libraries whole, so the GResources they register come along.
${CC:-cc} -std=gnu11 -O2 -o "$tool" "$top/build-aux/screenshot-tool.c" \
  -I"$build" -I"$build/src" -I"$build/resources" -I"$build/data" \
  -I"$top/src" -I"$top/src/model" -I"$top/tests" \
  -Wl,--whole-archive "$build/src/libcpl-app.a" "$build/src/model/libcpl-model.a" -Wl,--no-whole-archive \
  $(pkg-config --cflags --libs libadwaita-1 gtk4 json-glib-1.0 pango cairo) -lcsv -lm ||
  { echo "screenshots.sh: could not build the screenshot tool" >&2; exit 1; }

# The language asked for, the default look, no user settings, nothing
# from the session.
if [ "$lang" = en ]; then
  export LC_ALL=en_US.UTF-8 LANGUAGE=
else
  export LC_ALL=$lang.UTF-8 LANGUAGE=$lang
  shots=$tmp/shots
fi
export GSETTINGS_BACKEND=memory
[ -f "$build/data/gschemas.compiled" ] && export GSETTINGS_SCHEMA_DIR="$build/data"
export CPL_LOCALEDIR="$build/po"
export NO_AT_BRIDGE=1 GTK_A11Y=none ADW_DEBUG_COLOR_SCHEME=prefer-light
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

run="$tool ${shots:-$out} 1200 800"
if [ -z "$DBUS_SESSION_BUS_ADDRESS" ] && command -v dbus-run-session >/dev/null; then
  run="dbus-run-session -- $run"
fi
if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ]; then
  run="xvfb-run -a -s \"-screen 0 1400x900x24\" $run"
fi
eval "$run"
status=$?
if [ $status = 0 ] && [ -n "$shots" ]; then
  for png in "$shots"/*.png; do
    view=$(basename "$png" .png)
    cp "$png" "$out/$view-$lang.png"
  done
fi
exit $status
