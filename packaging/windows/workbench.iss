; Inno Setup 6 script: a per-user installer for the Arabic News Workbench on Windows.
;
; packaging/build.py runs it after building and smoke-testing the bundle, when the Inno Setup
; compiler (ISCC.exe) is on PATH:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\Workbench /DIconFile=build\icons\workbench.ico
;        /DOutputDir=dist packaging\windows\workbench.iss
; It installs into the user's programs folder without administrator rights, adds Start menu
; (and optionally desktop) shortcuts, and uninstalls cleanly. Users' data (indexes, selections,
; notes, entity corrections, settings) lives in %LOCALAPPDATA%\ArabicNewsWorkbench, outside
; the installation folder, so upgrading or uninstalling never touches it.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Workbench"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\workbench.ico"
#endif

[Setup]
; The AppId identifies the installation across versions: never change it, or upgrades will
; install beside the old version instead of replacing it.
AppId={{6C0E4A52-8C4B-4E0B-9E0E-2F1F5B6A7D31}
AppName=Arabic News Workbench
AppVersion={#AppVersion}
AppVerName=Arabic News Workbench {#AppVersion}
AppPublisher=Arabic News Workbench contributors
DefaultDirName={autopf}\Arabic News Workbench
DefaultGroupName=Arabic News Workbench
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#SourceDir}\NOTICE.txt
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Workbench.exe
OutputDir={#OutputDir}
OutputBaseFilename=ArabicNewsWorkbench-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade replaces the program files only; closing a running copy first avoids locked files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of an earlier version that this one no longer ships (the bundle is replaced whole).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Arabic News Workbench"; Filename: "{app}\Workbench.exe"
Name: "{autodesktop}\Arabic News Workbench"; Filename: "{app}\Workbench.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Workbench.exe"; Description: "{cm:LaunchProgram,Arabic News Workbench}"; Flags: nowait postinstall skipifsilent
