; Inno Setup script for Windows stations. NOT TESTED: written on Linux, where neither Inno Setup nor a Windows
; build of mpox-kiosk could be made or run. Build the app first on Windows with PyInstaller
; (installer/mpox-kiosk.spec, e.g. from a venv with CPU-only torch: pyinstaller installer\mpox-kiosk.spec),
; then compile this script with ISCC.exe installer\windows\mpox-kiosk.iss.
#define AppName "Mpox screening station"
#define AppVersion "0.1.0"
#define DistDir "..\..\dist\mpox-kiosk"

[Setup]
AppId={{6C1F3A52-5E3B-4C8E-9B7D-2F6A0D1E4B71}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\mpox-kiosk
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=mpox-kiosk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Dirs]
; data (case database, encrypted images, media key): only administrators and SYSTEM, plus the station's users
Name: "{commonappdata}\mpox-kiosk"; Permissions: users-modify
Name: "{commonappdata}\mpox-kiosk\data"
Name: "{commonappdata}\mpox-kiosk\data\keys"

[INI]
; nothing: the configuration is TOML, written below

[Code]
procedure CurStepChanged(CurStep: TSetupStep);
var
  Cfg: String;
  Data: String;
begin
  if CurStep = ssPostInstall then
  begin
    Data := ExpandConstant('{commonappdata}\mpox-kiosk\data');
    StringChangeEx(Data, '\', '/', True);
    Cfg := ExpandConstant('{commonappdata}\mpox-kiosk\config.toml');
    if not FileExists(Cfg) then
      SaveStringToFile(Cfg,
        '[station]' + #13#10 + 'id = "' + GetComputerNameString + '"' + #13#10 +
        '[camera]' + #13#10 + 'source = "camera:0"' + #13#10 +
        '[model]' + #13#10 + 'bundle = ""' + #13#10 + 'device = "cpu"' + #13#10 +
        '[storage]' + #13#10 + 'data_dir = "' + Data + '"' + #13#10 +
        '[ui]' + #13#10 + 'fullscreen = true' + #13#10, False);
  end;
end;

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\mpox-kiosk.exe"; Parameters: "--config ""{commonappdata}\mpox-kiosk\config.toml"""
; start at every log-in of any user (a kiosk account with automatic log-in is set up by IT)
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\mpox-kiosk.exe"; Parameters: "--config ""{commonappdata}\mpox-kiosk\config.toml"" --fullscreen"

[Run]
Filename: "{app}\mpox-kiosk.exe"; Parameters: "--validate-config ""{commonappdata}\mpox-kiosk\config.toml"""; Flags: runhidden waituntilterminated; StatusMsg: "Checking the configuration..."

[UninstallDelete]
; the data folder is kept on purpose (cases, images, key): back it up, then delete it by hand
Type: files; Name: "{commonappdata}\mpox-kiosk\config.toml"
