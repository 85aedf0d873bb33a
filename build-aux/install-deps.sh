#!/usr/bin/env bash
# Installs what Cyd needs to build, run and test on Debian 12, only what is missing.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libxml2-dev libxml2-utils libicu-dev nettle-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 locales
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  poppler-utils
  valgrind time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Cyd speaks English and Welsh: tests and the app need both locales.
need_gen=0
for loc in en_GB.utf8 cy_GB.utf8; do
  locale -a 2>/dev/null | grep -qx "$loc" || need_gen=1
done
if [ $need_gen -eq 1 ]; then
  for loc in "en_GB.UTF-8 UTF-8" "cy_GB.UTF-8 UTF-8"; do
    grep -qx "$loc" /etc/locale.gen 2>/dev/null || echo "$loc" | $sudo tee -a /etc/locale.gen >/dev/null
  done
  $sudo locale-gen >&2
fi
