#!/bin/sh
# Runs the Windows installer under Wine on Linux, against a stand-in for the one-folder build, and
# checks what it promises: per-user files and HKCU keys (none in HKLM), the .mrsbundle file type,
# a folder of someone else's files refused, an upgrade dropping the old libraries, and the
# uninstaller removing the app but keeping the user's data. Wine is not Windows: this checks the
# script's logic, not Explorer (docs/installers.md). Needs makensis and wine64:
#   sh scripts/system-deps.sh installers && sh scripts/system-deps.sh wine
# Usage: check-with-wine.sh   (prints each check; exits 1 at the first that fails)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
work=$(mktemp -d)
trap 'WINEPREFIX="$work/prefix" "$wineserver" -k 2>/dev/null || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
win() { rc=0; "$wine" "$@" || rc=$?; "$wineserver" -w; return $rc; }
reg_has() { "$wine" reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | grep -F -q "$3"; }

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/mrs_desktop/__init__.py")
app="$work/app"
mkdir -p "$app/_internal/PySide6"
printf 'MZ stand-in' > "$app/mrs-desktop.exe"
printf 'MZ stand-in' > "$app/mrs.exe"
printf 'stand-in' > "$app/_internal/PySide6/Qt6Core.dll"
makensis -V1 -WX "-DVERSION=$version" "-DAPP_DIR=$app" "-DOUT_FILE=$work/setup-$version.exe" \
  "$here/mrs-desktop.nsi"
ok "makensis built setup-$version.exe"

win wineboot -i >/dev/null 2>&1
user=$(ls "$WINEPREFIX/drive_c/users" | grep -v -x Public | head -n 1)
home="$WINEPREFIX/drive_c/users/$user"
programs="$home/AppData/Local/Programs/MRS Desktop"
data="$home/AppData/Local/ILO-MRS/MRS Desktop"
cp "$work/setup-$version.exe" "$WINEPREFIX/drive_c/setup.exe"

mkdir -p "$home/Documents/mine" "$data"
echo "her thesis" > "$home/Documents/mine/thesis.docx"
echo "the register" > "$data/mrs.sqlite"
status=0; win 'C:\setup.exe' /S "/D=C:\\users\\$user\\Documents\\mine" || status=$?
[ "$status" -eq 2 ] || fail "installing into a folder of other files exited $status, not 2"
[ ! -e "$home/Documents/mine/mrs-desktop.exe" ] || fail "it installed into a folder of other files"
ok "a folder holding other files is refused (exit 2), nothing written there"

win 'C:\setup.exe' /S
for f in mrs-desktop.exe mrs.exe uninstall.exe _internal/PySide6/Qt6Core.dll; do
  [ -e "$programs/$f" ] || fail "not installed: $f"
done
[ -e "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/MRS Desktop.lnk" ] || fail "no Start-menu entry"
ok "installed per user into AppData\\Local\\Programs\\MRS Desktop, with a Start-menu entry"

reg_has 'HKCU\Software\Classes\.mrsbundle' '' 'MRSDesktop.Bundle' || fail ".mrsbundle not associated"
reg_has 'HKCU\Software\Classes\MRSDesktop.Bundle\shell\open\command' '' \
  "\"C:\\users\\$user\\AppData\\Local\\Programs\\MRS Desktop\\mrs-desktop.exe\" \"%1\"" || fail "wrong open command"
reg_has 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MRS Desktop' DisplayVersion "$version" || fail "no uninstall entry"
! grep -q -i 'mrsbundle\|MRS Desktop' "$WINEPREFIX/system.reg" || fail "something was written to HKLM"
ok "HKCU only: .mrsbundle opens with \"mrs-desktop.exe\" \"%1\"; Apps lists version $version"

echo stale > "$programs/_internal/stale.dll"
win 'C:\setup.exe' /S
[ ! -e "$programs/_internal/stale.dll" ] || fail "an upgrade kept the old version's files"
[ -e "$programs/_internal/PySide6/Qt6Core.dll" ] || fail "the upgrade lost the new files"
ok "an upgrade replaces _internal instead of mixing two versions"

cp "$programs/uninstall.exe" "$WINEPREFIX/drive_c/uninstall-copy.exe"
win cmd /c "C:\\uninstall-copy.exe /S _?=C:\\users\\$user\\AppData\\Local\\Programs\\MRS Desktop"
[ ! -e "$programs" ] || fail "the program folder is still there: $(ls "$programs")"
[ ! -e "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/MRS Desktop.lnk" ] || fail "Start-menu entry left"
! "$wine" reg query 'HKCU\Software\Classes\MRSDesktop.Bundle' >/dev/null 2>&1 || fail "file type left"
! "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MRS Desktop' >/dev/null 2>&1 || fail "uninstall entry left"
[ "$(cat "$data/mrs.sqlite")" = "the register" ] || fail "the uninstaller touched the user's data"
ok "uninstalled: program folder, Start-menu entry and keys gone; the data folder kept"
