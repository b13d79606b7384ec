#!/bin/sh
# Installs what is missing, builds in _build/ and starts Chip Policy Lab
# with the built-in dataset.  Arguments go to the app (e.g. a FILE.json).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CPL_BUILDDIR=_build
. build-aux/deps.sh

cpl_install_packages $CPL_BUILD_PACKAGES
cpl_build
# Translations and the settings schema from the build tree, so the app
# speaks the user's language and keeps its settings before anything is
# installed (the schema is required).
# Without a session bus dconf stores nothing: a changed preference is
# dropped and the preferences seem not to work.  The keyfile backend
# keeps them then, in ~/.config/glib-2.0/settings/keyfile.
if [ -z "$GSETTINGS_BACKEND" ] && [ -z "$DBUS_SESSION_BUS_ADDRESS" ] &&
   [ ! -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ]; then
  export GSETTINGS_BACKEND=keyfile
fi
[ -f "$top/_build/data/gschemas.compiled" ] ||
  { echo "run.sh: the settings schema was not compiled into _build/data" >&2; exit 1; }
CPL_LOCALEDIR="$top/_build/po" GSETTINGS_SCHEMA_DIR="$top/_build/data" \
  exec "$top/_build/src/chip-policy-lab" "$@"
