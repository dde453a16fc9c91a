#!/bin/sh
# Adds MRS Desktop to the current user's desktop: the menu entry, the icons, the .mrsbundle file
# type (double-click opens the import preview) and the software-centre metadata, all under
# ~/.local/share (XDG_DATA_HOME), no administrator needed. --uninstall takes them away again;
# neither touches the database or the app folder.
# Usage: install.sh [--uninstall] [APP_FOLDER]
#   APP_FOLDER: the unpacked one-folder build holding the mrs-desktop executable (default: the
#   folder this script is in or its parent, else mrs-desktop on PATH, as after a pip install).
set -eu
app_id=org.ilo.MrsDesktop
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mode=install
if [ "${1:-}" = "--uninstall" ]; then mode=uninstall; shift; fi
[ $# -le 1 ] || { echo "usage: $0 [--uninstall] [APP_FOLDER]" >&2; exit 2; }

desktop="$data/applications/$app_id.desktop"
metainfo="$data/metainfo/$app_id.metainfo.xml"
mime="$data/mime/packages/$app_id.xml"
icon_sizes="16 22 24 32 48 64 128 256 512"

# The caches desktops read; each tool is optional (a minimal system may lack one).
refresh() {
  if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime/packages" ]; then
    update-mime-database "$data/mime"
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database -q "$data/applications"
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
    gtk-update-icon-cache -q -f -t "$data/icons/hicolor" || true  # a stale cache only slows menus
  fi
}

if [ "$mode" = uninstall ]; then
  rm -f "$desktop" "$metainfo" "$mime" "$data/icons/hicolor/scalable/apps/$app_id.svg"
  for s in $icon_sizes; do rm -f "$data/icons/hicolor/${s}x$s/apps/$app_id.png"; done
  refresh
  echo "MRS Desktop's menu entry, icons and file type are removed (the app folder and the data are kept)."
  exit 0
fi

# The program the menu entry and a double-clicked bundle start.
if [ $# -eq 1 ]; then
  [ -d "$1" ] || { echo "No folder $1: give the unpacked MRS Desktop folder (make package builds dist/mrs-desktop)" >&2; exit 1; }
  program="$(cd "$1" && pwd)/mrs-desktop"
elif [ -x "$here/mrs-desktop" ]; then
  program="$here/mrs-desktop"
elif [ -x "$here/../mrs-desktop" ]; then
  program="$(cd "$here/.." && pwd)/mrs-desktop"
else
  program=$(command -v mrs-desktop || true)
fi
if [ -z "$program" ] || [ ! -x "$program" ]; then
  echo "No mrs-desktop program found${1:+ in $1}: give the unpacked MRS Desktop folder, e.g. $0 ~/mrs-desktop" >&2
  exit 1
fi
case "$program" in
  *[\"\`\$\\%]*) echo "The folder $program has a character a menu entry cannot hold (\" \` \$ \\ %): move it" >&2
                exit 1 ;;
esac

mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages"
# Exec and TryExec name the program by its full path: the archive's folder is not on PATH.
awk -v program="$program" '
  /^Exec=/    { print "Exec=\"" program "\" %f"; next }
  /^TryExec=/ { print "TryExec=" program; next }
  { print }' "$here/$app_id.desktop" > "$desktop.tmp"
mv "$desktop.tmp" "$desktop"
cp "$here/$app_id.metainfo.xml" "$metainfo"
cp "$here/$app_id.mime.xml" "$mime"
for s in $icon_sizes; do
  mkdir -p "$data/icons/hicolor/${s}x$s/apps"
  cp "$here/icons/hicolor/${s}x$s/apps/$app_id.png" "$data/icons/hicolor/${s}x$s/apps/"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$here/icons/hicolor/scalable/apps/$app_id.svg" "$data/icons/hicolor/scalable/apps/"
refresh
echo "MRS Desktop is in the applications menu; .mrsbundle files open with $program"
