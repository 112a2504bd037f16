; Telework Planner — Windows installer (Inno Setup 6.3 or newer).
;
; Wraps the one-folder bundle made by packaging/planner.spec (the same spec that
; `make package-test` builds and runs on Linux). Build steps: packaging/README.md.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\telework-planner.iss
;
; Per-user install: no administrator rights (PrivilegesRequired=lowest), program files in
; {autopf} (= %LOCALAPPDATA%\Programs for a per-user install), registry under HKA
; (= HKCU\Software\Classes for the .twplan file type). Uninstalling removes the program,
; its Start-menu entry, the file type, its settings and its caches; the user's plans
; (.twplan files) and autosave recovery copies of unsaved work are left alone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Telework Planner"
#define AppExe "TeleworkPlanner.exe"
#define ProgId "TeleworkPlanner.Plan"
#define Bundle "..\..\dist\TeleworkPlanner"

[Setup]
; Keep AppId unchanged across versions: it ties upgrades and the uninstaller together.
AppId={{6C1F3C52-8E0B-4F7A-9D55-2B7E3A91C4D8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Telework Planner project
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=..\..\resources\icons\telework-planner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=TeleworkPlanner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.PlanFileType=テレワーク導入計画ファイル
en.PlanFileType=Telework plan

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade must not keep libraries of the previous version beside the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "テレワーク導入計画ウィザード"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .twplan → TeleworkPlanner.Plan: a double-click opens the plan in the program
Root: HKA; Subkey: "Software\Classes\.twplan"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.twplan\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\_internal\resources\icons\telework-planner.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".twplan"; ValueData: ""
; the program's own settings (QSettings: language, recent files) go with it
Root: HKCU; Subkey: "Software\TeleworkPlanner"; Flags: uninsdeletekeyifempty dontcreatekey
Root: HKCU; Subkey: "Software\TeleworkPlanner\{#AppName}"; Flags: uninsdeletekey dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; caches only: matplotlib's font cache (MPLCONFIGDIR, set by packaging/rthooks/mplconfig.py)
; and the parsed-catalog cache (planner/loading/cache.py, user_cache_dir)
Type: filesandordirs; Name: "{localappdata}\TeleworkPlanner\matplotlib"
Type: filesandordirs; Name: "{localappdata}\TeleworkPlanner\cache"
Type: dirifempty; Name: "{localappdata}\TeleworkPlanner"
