#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The core tests under valgrind memcheck: any invalid access, or a definite
# leak, fails the test. Tests that only drive cyd-cli in child processes are
# left to the sanitizer run.
#
#   build-aux/valgrind.sh [BUILD_DIR]      default: _build
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$here/_build}")

[ -f "$build/build.ninja" ] || meson setup "$build" "$here" >/dev/null
ninja -C "$build"

skip='^(robustness|crash|cli)$'
mapfile -t tests < <(meson test -C "$build" --no-rebuild --list --suite core 2>/dev/null |
                     sed -n 's/^cyd:core \/ //p' | grep -Ev "$skip")
export G_SLICE=always-malloc G_DEBUG=gc-friendly,fatal-criticals
exec meson test -C "$build" --print-errorlogs --num-processes 2 --timeout-multiplier 20 --suite core \
  --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --suppressions=$here/build-aux/valgrind.supp" \
  "${tests[@]}"
