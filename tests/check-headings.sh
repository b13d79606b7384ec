#!/bin/sh
# TAP: every heading in the .ui files (a label styled "heading" or
# "title-1" … "title-4") is in header capitalization, as the GNOME HIG
# asks: each word capitalized but articles, conjunctions and short
# prepositions.  "Ticked sale lines" and "Rule changes" were not.
# A form row's title (AdwActionRow, AdwComboRow…) is a label, in sentence
# capitalization as the scenario editor's and the Revenue Share's are:
# only its first word and names capitalized.  The Preferences' "Default
# Electricity Price" and "Monte Carlo Draws" were not.  Rows made in C
# with a written-out title are checked too.
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
    # names keep their capitals; an acronym (US, TPP) is all capitals
    names = {"Monte", "Carlo", "China", "Chinese", "NVIDIA", "Epoch"}
    for obj in re.finditer(r'<object class="Adw\w*Row".*?</object>', text, re.S):
        title = re.search(r'<property name="title" translatable="yes"[^>]*>([^<]+)</property>', obj.group(0))
        if not title:
            continue
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", title.group(1).replace("_", ""))
        bad = [w for i, w in enumerate(words) if i > 0 and w[0].isupper() and not w.isupper() and w not in names]
        print("%s\t%s (a row)\t%s" % (path, title.group(1), "ok" if not bad else "bad: " + " ".join(bad)))
# and the rows made in C with their title written out: the What-If
# window's "Datasheet Figures Are Sparse" and "Domestic Chip" were not
for path in sorted(glob.glob("src/**/*.c", recursive=True)):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r'(?:row_set_title \([^;]*?|switch_row_new \([^,]+, [^,]+, )_\("([^"]+)"\)', text):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group(1).replace("_", ""))
        bad = [w for i, w in enumerate(words) if i > 0 and w[0].isupper() and not w.isupper() and w not in names]
        print("%s\t%s (a row)\t%s" % (path, m.group(1), "ok" if not bad else "bad: " + " ".join(bad)))
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
