#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the CSV reader's libFuzzer target with clang and runs it for
# MARQUEE_FUZZ_SECONDS (60) seconds, seeded with the import fixtures.
# Meson builds the project with one C compiler (gcc here); libFuzzer needs
# clang, so this script compiles the reader's four sources itself.
#
# usage: run-fuzz.sh SOURCE_ROOT BUILD_ROOT
set -eu

src=$1
build=$2
seconds=${MARQUEE_FUZZ_SECONDS:-60}
out=$build/tests/fuzz
corpus=$out/corpus-csv-reader

command -v clang >/dev/null || { echo "clang is missing: make check installs it (Debian package clang)"; exit 1; }

mkdir -p "$out" "$corpus"

# shellcheck disable=SC2046
clang -std=gnu11 -g -O1 \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Wall -Werror \
  -I"$build" -I"$src/src/core" \
  $(pkg-config --cflags gio-2.0) \
  "$src/tests/fuzz/fuzz-csv-reader.c" \
  "$src/src/core/mq-csv-reader.c" \
  "$src/src/core/mq-csv-dialect.c" \
  "$src/src/core/mq-csv-encoding.c" \
  "$src/src/core/mq-error.c" \
  $(pkg-config --libs gio-2.0) \
  -o "$out/fuzz-csv-reader"

# Seeds: every import fixture, with a leading byte for "detect everything".
for fixture in "$src"/tests/fixtures/import/*.csv; do
  name=$(basename "$fixture")
  [ -e "$corpus/seed-$name" ] || { printf '\000'; cat "$fixture"; } > "$corpus/seed-$name"
done

cd "$out"
log=$out/fuzz-csv-reader.log
# Leaks are checked per input; GLib's type registrations stay reachable.
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
./fuzz-csv-reader -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 \
  -dict="$src/tests/fuzz/csv.dict" -artifact_prefix="$out/crash-" \
  "$corpus" >"$log" 2>&1 && status=0 || status=$?
if [ "$status" = 0 ]; then
  grep -E '^(Done|stat::)' "$log"
else
  tail -n 40 "$log"
fi
exit $status
