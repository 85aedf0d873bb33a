#!/bin/sh
# Fails unless the catalogue is valid and complete: no untranslated and no
# fuzzy message.
set -eu
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
