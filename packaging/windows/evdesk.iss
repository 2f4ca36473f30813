; Inno Setup 6 script for evdesk on Windows (64-bit).
;
; Build the one-folder bundle first (python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\evdesk.iss
; (packaging\build.py --installer does both and passes the version from evdesk.__version__).
; The installer is written to dist\evdesk-<version>-setup.exe.
;
; It installs for all users (the firewall rule needs administrator rights), adds a
; Start-menu entry, and opens TCP port 9000 (the OCPP server's default) in Windows
; Firewall for evdesk.exe only; uninstalling removes the rule. The site's data in
; %LOCALAPPDATA%\evdesk (database, logs) is never touched by install or uninstall.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef OcppPort
  #define OcppPort "9000"
#endif
#define AppName "evdesk"
#define AppExe "evdesk.exe"
#define FirewallRule "evdesk OCPP server (TCP " + OcppPort + ")"
#define SourceDir "..\..\dist\evdesk"

[Setup]
; Never change AppId: Windows finds the installed copy (upgrade, uninstall) by it.
AppId={{5B0E3C52-7A1D-4C2B-9E55-2D6F0C7E4A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=evdesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=evdesk-{#AppVersion}-setup
SetupIconFile=..\icons\evdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "firewall"; Description: "Let charging stations on the network reach the OCPP server (open TCP port {#OcppPort} in Windows Firewall)"; GroupDescription: "Network:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} demo site"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; Remove a rule left by an earlier install first, so reinstalling never duplicates it.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow protocol=TCP localport={#OcppPort} program=""{app}\{#AppExe}"" enable=yes profile=private,domain"; StatusMsg: "Opening TCP port {#OcppPort} for the OCPP server..."; Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; Flags: runhidden waituntilterminated; RunOnceId: "DeleteFirewallRule"
