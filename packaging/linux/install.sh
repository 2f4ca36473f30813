#!/bin/sh
# Install this evdesk bundle for all users (run as root from inside the unpacked bundle):
#   sudo ./install.sh            # into /opt/evdesk, with a menu entry and `evdesk` on the PATH
#   sudo ./install.sh --remove   # take it away again (the site's data in ~/.local/share/evdesk stays)
# PREFIX=/usr/local and DEST=/opt/evdesk change where things go.
set -eu
PREFIX="${PREFIX:-/usr/local}"
DEST="${DEST:-/opt/evdesk}"
HERE="$(cd "$(dirname "$0")" && pwd)"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$PREFIX/bin/evdesk" "$PREFIX/share/applications/evdesk.desktop" \
        "$PREFIX/share/metainfo/io.evdesk.Evdesk.metainfo.xml" \
        "$PREFIX/share/icons/hicolor/512x512/apps/io.evdesk.Evdesk.png"
  rm -rf "$DEST"
else
  if [ "$HERE" != "$DEST" ]; then
    rm -rf "$DEST"
    mkdir -p "$(dirname "$DEST")"
    cp -a "$HERE" "$DEST"
  fi
  mkdir -p "$PREFIX/bin"
  ln -sf "$DEST/evdesk" "$PREFIX/bin/evdesk"
  for f in applications/evdesk.desktop metainfo/io.evdesk.Evdesk.metainfo.xml \
           icons/hicolor/512x512/apps/io.evdesk.Evdesk.png; do
    mkdir -p "$PREFIX/share/$(dirname "$f")"
    cp "$DEST/share/$f" "$PREFIX/share/$f"
  done
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "done"
