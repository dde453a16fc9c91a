; MRS Desktop's Windows installer (NSIS 3): installs the PyInstaller one-folder build for the
; current user only (no administrator rights, HKCU keys only), adds a Start-menu entry and the
; .mrsbundle file type (double-click opens the bundle's import preview), and an uninstaller that
; leaves the user's data where it is. How to build it: docs/installers.md.
;
;   makensis -DVERSION=0.1.0 -DAPP_DIR=<dist\mrs-desktop> -DOUT_FILE=<setup.exe> mrs-desktop.nsi

; 64-bit, like the app (PySide6 ships Windows x64 wheels only).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user  ; per-user: everything below goes to the user's own folders and HKCU

!ifndef VERSION
  !error "give the app's version: -DVERSION=0.1.0 (mrs_desktop/__init__.py)"
!endif
!ifndef APP_DIR
  !define APP_DIR "..\..\dist\mrs-desktop"  ; the one-folder build, relative to this script
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\..\dist\mrs-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "MRS Desktop"
!define PUBLISHER "MRS Desktop developers"
!define EXE "mrs-desktop.exe"
!define PROG_ID "MRSDesktop.Bundle"
!define BUNDLE_EXT ".mrsbundle"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MRS Desktop"
!define APP_PATHS_KEY "Software\Microsoft\Windows\CurrentVersion\App Paths\${EXE}"
; Where the app keeps the register, node key and backups: platformdirs' user_data_dir("MRS
; Desktop", "ILO-MRS", roaming=False), mrs_desktop/db/store.py; its settings INI is under
; %APPDATA%\ILO-MRS (QSettings). Neither is ever written or removed here.
!define DATA_DIR "$LOCALAPPDATA\ILO-MRS\MRS Desktop"
!define SHCNE_ASSOCCHANGED 0x08000000

!include "MUI2.nsh"
!include "LogicLib.nsh"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"  ; an upgrade goes where the last one went
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "Apache License 2.0"

!define MUI_ICON "..\..\resources\icons\app.ico"  ; the programs' own icon (make_icons.py)
!define MUI_UNICON "..\..\resources\icons\app.ico"
!define MUI_ABORTWARNING

!define MUI_PAGE_CUSTOMFUNCTION_LEAVE CheckFolder
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} will be removed from the folder below. Your register, node key and backups in ${DATA_DIR}, and your preferences, are kept."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
FunctionEnd

; The folder must be new, empty, or an earlier MRS Desktop: the uninstaller removes what it
; installed there, so a folder of someone's own files is refused rather than mixed in. Checked
; when she leaves the folder page, and again at the start of a silent install (/S /D=...).
Function CheckFolder
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    Return
  ${EndIf}
  ClearErrors
  FindFirst $0 $1 "$INSTDIR\*"
  ${If} ${Errors}
    Return  ; no such folder yet
  ${EndIf}
  ${DoUntil} ${Errors}
    ${If} $1 != "."
    ${AndIf} $1 != ".."
      FindClose $0
      MessageBox MB_ICONEXCLAMATION|MB_OK "$INSTDIR already holds other files. Choose an empty folder, or the folder of an earlier ${APP_NAME}." /SD IDOK
      SetErrorLevel 2
      Abort
    ${EndIf}
    FindNext $0 $1
  ${Loop}
  FindClose $0
FunctionEnd

Section "${APP_NAME}"
  SetShellVarContext current
  ${If} ${Silent}
    Call CheckFolder
  ${EndIf}
  ; An upgrade: the old version's libraries go first, so none of them outlives it.
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${APP_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; The .mrsbundle file type, for this user only: double-click runs `mrs-desktop.exe "FILE"`,
  ; which opens the bundle's import preview.
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}" "Content Type" "application/x-mrsbundle"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "MRS Desktop sync bundle"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell" "" "open"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open" "" "Open with ${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  ; Run box (Win+R) and `start mrs-desktop` find the program without it being on PATH.
  WriteRegStr HKCU "${APP_PATHS_KEY}" "" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${APP_PATHS_KEY}" "Path" "$INSTDIR"

  ; Settings > Apps lists it, with its uninstaller.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ; Only what the installer put there (the one-folder build: two programs and _internal), then
  ; the folder if nothing else is left in it. The data folder is elsewhere and is not touched.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\mrs.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; The file type, unless another program has taken .mrsbundle over since.
  ReadRegStr $0 HKCU "Software\Classes\${BUNDLE_EXT}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids"
  DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}" "Content Type"
  DeleteRegKey /ifempty HKCU "Software\Classes\${BUNDLE_EXT}"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "${APP_PATHS_KEY}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
