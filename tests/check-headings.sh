#!/bin/sh
# TAP: every heading in the .ui files (a label styled "heading" or
# "title-1" … "title-4") is in header capitalization, as the GNOME HIG
# asks: each word capitalized but articles, conjunctions and short
# prepositions.  "Ticked sale lines" and "Rule changes" were not.
top=${1:-.}
cd "$top" || exit 1
n=0
fail=0
headings=$(python3 - <<'PY'
import glob, re
small = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet",
         "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs"}
for path in sorted(glob.glob("src/**/*.ui", recursive=True) + glob.glob("resources/**/*.ui", recursive=True)):
    text = open(path, encoding="utf-8").read()
    for obj in re.finditer(r'<object class="GtkLabel".*?</object>', text, re.S):
        body = obj.group(0)
        label = re.search(r'<property name="label" translatable="yes"[^>]*>([^<]+)</property>', body)
        if not label or not re.search(r'<class name="(heading|title-[1-4])"/>', body):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", label.group(1))
        bad = [w for i, w in enumerate(words) if w[0].islower() and (i == 0 or w.lower() not in small)]
        print("%s\t%s\t%s" % (path, label.group(1), "ok" if not bad else "bad: " + " ".join(bad)))
PY
)
IFS='
'
for line in $headings; do
  n=$((n + 1))
  case "$line" in
    *"	ok") echo "ok $n - $line" ;;
    *) fail=1; echo "not ok $n - $line" ;;
  esac
done
if [ "$n" -eq 0 ]; then
  n=1
  fail=1
  echo "not ok 1 - no heading found in the .ui files"
fi
echo "1..$n"
exit $fail
