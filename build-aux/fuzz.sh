#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the importer with libFuzzer (clang), from a seed corpus of every XML
# fixture. Findings land in BUILD_DIR/fuzz-findings/; turn each into a fixture
# in tests/fixtures/fuzz/ and fix what it shows.
#
#   build-aux/fuzz.sh [BUILD_DIR] [SECONDS]      default: _build-fuzz, 300
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$here/_build-fuzz}")
seconds=${2:-300}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CFLAGS='-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer' \
  LDFLAGS='-fsanitize=address,undefined' \
    meson setup "$build" "$here" -Dfuzzing=true -Dapp=disabled -Db_lundef=false >/dev/null
fi
ninja -C "$build" tests/fuzz/fuzz-importer

corpus="$build/fuzz-corpus"; findings="$build/fuzz-findings"
mkdir -p "$corpus" "$findings"
find "$here/tests/fixtures" "$here/data/demo" -name '*.xml' -size -200k -exec cp -n {} "$corpus/" \;
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
"$build/tests/fuzz/fuzz-importer" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
  -artifact_prefix="$findings/" -dict="$here/tests/fuzz/xml.dict" "$corpus"
