#!/bin/sh
# Installs the Debian/Ubuntu packages Qt needs, only those missing, only where apt exists.
# Usage: system-deps.sh venv|test|gui|screenshots|installers|package|wine
set -eu
kind=${1:-test}
# Offscreen Qt (tests) links against these even without a display.
test_pkgs="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3"
# Certificate tests read rendered PDFs back: pdftotext and pdftoppm.
test_pkgs="$test_pkgs poppler-utils"
# The installers' own tools (docs/installers.md): makensis compiles the Windows installer script;
# the Linux desktop files are checked with the distributions' validators. The tests run them all.
installer_pkgs="nsis desktop-file-utils appstream libxml2-utils shared-mime-info"
# The frozen-app build (packaging/icu_data.py) links a trimmed ICU data library with the C compiler.
package_pkgs="gcc"
# Only for packaging/windows/check-with-wine.sh, run by hand (not by the tests): ~25 packages.
wine_pkgs="wine64"
# A real window on X11 (FIELD_NOTES: the xcb platform plugin's libraries).
gui_pkgs="$test_pkgs libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
 libxcb-xkb1 libxcb-glx0 libx11-6 libx11-xcb1 libxkbcommon-x11-0 libglx0 libglvnd0"
gui_pkgs="$gui_pkgs fonts-noto-core"  # names in Khmer, Lao, Myanmar and Thai scripts
shot_pkgs="$gui_pkgs xvfb xauth"
case "$kind" in
  venv) pkgs="python3-venv" ;;  # Debian's Python lacks ensurepip without it
  test) pkgs="$test_pkgs $installer_pkgs $package_pkgs" ;;
  gui) pkgs=$gui_pkgs ;;
  screenshots) pkgs=$shot_pkgs ;;
  installers) pkgs=$installer_pkgs ;;
  package) pkgs=$package_pkgs ;;
  wine) pkgs=$wine_pkgs ;;
  *) echo "usage: $0 venv|test|gui|screenshots|installers|package|wine" >&2; exit 2 ;;
esac
command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
