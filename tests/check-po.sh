#!/bin/sh
# TAP: every catalogue in po/LINGUAS is complete (no untranslated, no fuzzy
# message), and every source or .ui file with translatable strings is
# listed in po/POTFILES.in.
top=${1:-.}
cd "$top" || exit 1
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --add-comments=Translators \
  --files-from=po/POTFILES.in --output="$pot" 2>/dev/null

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  stats=$(msgmerge --quiet --output-file=- "$po" "$pot" 2>/dev/null | msgfmt --statistics -o /dev/null - 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*|"") not_ok "$po is complete against the sources: $stats" ;;
    *) ok "$po is complete against the sources: $stats" ;;
  esac
done

missing=""
for f in $(git ls-files 'src/*.c' 'src/*.ui' 'resources/*.ui' 2>/dev/null || find src resources -name '*.c' -o -name '*.ui'); do
  if grep -qE '_\(|C_\(|N_\(|g_dngettext|translatable="yes"' "$f" && ! grep -qxF "$f" po/POTFILES.in; then
    missing="$missing $f"
  fi
done
if [ -z "$missing" ]; then ok "po/POTFILES.in lists every file with translatable strings"
else not_ok "missing from po/POTFILES.in:$missing"; fi

echo "1..$n"
exit $fail
