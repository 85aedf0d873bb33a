#!/bin/sh
# check-po.sh PO [MERGED]
#
# Fails unless the catalogue PO is valid and complete for the sources as they
# are now: the template is regenerated from po/POTFILES.in (xgettext with the
# keywords of meson's glib preset; .ui, .desktop, metainfo and gschema files
# through gettext's ITS rules), merged into PO, and the result must have no
# untranslated and no fuzzy message. Also fails when a source file with
# translatable strings is missing from POTFILES.in, or POTFILES.in names a
# file that does not exist.
#
# With MERGED, writes the merged catalogue there and succeeds: the Welsh UI
# test reads it to tell strings awaiting the translator from real mistakes.
set -eu

po=$1
merged_out=${2:-}
podir=$(cd "$(dirname "$po")" && pwd)
srcroot=$(cd "$podir/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0

# The files POTFILES.in lists, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$podir/POTFILES.in" \
  | sort -u > "$tmp/listed"

while read -r file; do
  if [ ! -f "$srcroot/$file" ]; then
    echo "POTFILES.in names a file that does not exist: $file"
    status=1
  fi
done < "$tmp/listed"

# Every source file that marks a string for translation.
(
  cd "$srcroot"
  grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)[[:space:]]*\(' \
    src/*/*.c src/*/*.h 2>/dev/null || true
  grep -l 'translatable="yes"' ui/*.ui 2>/dev/null || true
  ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null || true
  grep -l '<summary\|<description' data/*.gschema.xml 2>/dev/null || true
) | sort -u > "$tmp/marked"

missing=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi

# The template, as meson's i18n.gettext (preset 'glib') would write it.
(cd "$srcroot" && while read -r f; do [ ! -f "$f" ] || echo "$f"; done) \
  < "$tmp/listed" > "$tmp/files"
(
  cd "$srcroot"
  xgettext --package-name=cyd --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --keyword=ngettext:1,2 \
    --files-from="$tmp/files" -o "$tmp/cyd.pot"
)

msgmerge --quiet -o "$tmp/merged.po" "$po" "$tmp/cyd.pot"
if [ -n "$merged_out" ]; then
  cp "$tmp/merged.po" "$merged_out"
  exit 0
fi

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1) || status=1
echo "$(basename "$po") against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Where (the first 40):"
    { msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po"
      msgattrib --untranslated --no-obsolete "$tmp/merged.po"; } 2>/dev/null \
      | grep -E '^#: ' | head -n 40 || true
    status=1
    ;;
esac

exit $status
