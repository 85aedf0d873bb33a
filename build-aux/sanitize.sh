#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite (but the "slow" suite) built with AddressSanitizer and
# UndefinedBehaviorSanitizer. Leaks are valgrind's job (build-aux/valgrind.sh):
# GTK and fontconfig keep caches that LeakSanitizer would report.
#
#   build-aux/sanitize.sh [BUILD_DIR]      default: _build-asan
#
# Run it under a display for the UI tests (build-aux/setup test does).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$here/_build-asan}")

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >/dev/null
fi
ninja -C "$build"

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
export GSETTINGS_SCHEMA_DIR="$build/data" CYD_LOCALEDIR="$build/po"
exec meson test -C "$build" --print-errorlogs --num-processes 2 --no-suite slow --timeout-multiplier 4
