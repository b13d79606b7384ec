#!/bin/sh
# Builds the libFuzzer harnesses with clang, ASan and UBSan, outside the
# normal meson build:
#   tests/fuzz/build.sh [BUILDDIR]     (default /tmp/build-fuzz)
# BUILDDIR is any configured meson build dir of this project (for its
# config.h), e.g.
#   CC=clang meson setup /tmp/build-fuzz -Db_sanitize=address,undefined \
#     -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
# The model sources (src/model/*.c, as src/model/meson.build lists them)
# and the data resources (generated here with glib-compile-resources) are
# compiled with -fsanitize=fuzzer-no-link,address,undefined into
# BUILDDIR/fuzz/libcpl-model-fuzz.a, and each harness is linked against it
# with -fsanitize=fuzzer.  This does not run ninja, so it works while the
# meson files are being edited.  Binaries: BUILDDIR/fuzz/fuzz-{dataset,csv,scenario,json-read}.
# Run one, e.g.:
#   BUILDDIR/fuzz/fuzz-dataset -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
#     -max_total_time=150 /tmp/corpus-dataset tests/fuzz/corpus/dataset
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-/tmp/build-fuzz}
CC=${CC:-clang}
out=$build/fuzz

if [ ! -f "$build/config.h" ]; then
  CC=$CC meson setup "$build" "$top" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
mkdir -p "$out/obj"

deps=$(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0)
libs=$(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0)
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-g -O1 -std=gnu11 $san -DCPL_FUZZ_FIXTURE=\"$top/tests/fixtures/two-chips.json\""
incs="-I$build -I$out -I$top/src/model"

# The data resources, as data/meson.build makes them.
(cd "$top/data" &&
  glib-compile-resources --generate-source --c-name cpl_data --target "$out/cpl-data-resources.c" cpl-data.gresource.xml &&
  glib-compile-resources --generate-header --c-name cpl_data --target "$out/cpl-data-resources.h" cpl-data.gresource.xml)

sources=$(sed -n "/^model_sources/,/^)/s/.*'\(cpl-[a-z-]*\.c\)'.*/\1/p" "$top/src/model/meson.build")
objs=""
for s in $sources; do
  o="$out/obj/${s%.c}.o"
  # shellcheck disable=SC2086
  $CC $cflags -fsanitize=fuzzer-no-link $incs $deps -c "$top/src/model/$s" -o "$o"
  objs="$objs $o"
done
# shellcheck disable=SC2086
$CC $cflags -fsanitize=fuzzer-no-link $incs $deps -c "$out/cpl-data-resources.c" -o "$out/obj/cpl-data-resources.o"
rm -f "$out/libcpl-model-fuzz.a"
# shellcheck disable=SC2086
ar rcs "$out/libcpl-model-fuzz.a" $objs "$out/obj/cpl-data-resources.o"

for h in dataset csv scenario json-read; do
  # shellcheck disable=SC2086
  $CC $cflags -fsanitize=fuzzer $incs $deps "$top/tests/fuzz/fuzz-$h.c" \
    "$out/libcpl-model-fuzz.a" $libs -lcsv -lm -o "$out/fuzz-$h"
  echo "built $out/fuzz-$h"
done
