package org.huntindex.bench.generate;

import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;

/**
 * The benign programs of the estate, weighted by how often they start, with the command lines they run. The shell
 * entries (cmd.exe, PowerShell) carry the near misses an analyst sees every day: private and loopback addresses,
 * version strings, UNC paths, URLs, encoded commands. None of them is a positive for any hunt; positives are planted.
 */
final class Programs {
  /** What a program's network events look like. */
  enum Net { NONE, WEB, INTERNAL, SHELL, MIXED }

  /** Makes one command line for a start of the program by {@code a} on {@code h}. */
  interface Maker {
    String make(Shapes s, Host h, Account a);
  }

  /** A program: full image path ({@code {U}} = the user's profile), start weight, who runs it, its parents. */
  record Program(String image, String name, int weight, boolean system, Net net, String parent, Maker maker) {
    String image(Account a) {
      return image.indexOf('{') < 0 ? image : image.replace("{U}", a.user());
    }
  }

  static final String SYS32 = "C:\\Windows\\System32\\";
  static final String CMD = SYS32 + "cmd.exe";
  static final String POWERSHELL = SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe";
  static final String EXPLORER = "C:\\Windows\\explorer.exe";
  static final String SERVICES = SYS32 + "services.exe";
  static final String SVCHOST = SYS32 + "svchost.exe";

  private static final Maker[] CMD_LINES = {
      (s, h, a) -> "C:\\Windows\\system32\\cmd.exe /c \"\"C:\\Program Files\\" + s.vendor() + "\\Agent\\update.bat\" --silent\"",
      (s, h, a) -> "C:\\WINDOWS\\system32\\cmd.exe /d /s /c \"git config --get remote.origin.url\"",
      (s, h, a) -> "cmd.exe /c ping -n 1 " + s.privateIp(),
      (s, h, a) -> "cmd.exe /c ping " + s.privateIp() + " -n 2 -w 500",
      (s, h, a) -> "cmd.exe /c net use \\\\" + s.privateIp() + "\\IPC$ /user:CORP\\" + a.user(),
      (s, h, a) -> "cmd.exe /c net use Z: \\\\" + s.internalName() + "\\dept$ /persistent:no",
      (s, h, a) -> "cmd.exe /c ipconfig /all > C:\\Windows\\Temp\\ipconfig.txt",
      (s, h, a) -> "cmd.exe /c copy /y \"\\\\fs01.corp.contoso.com\\deploy$\\agent\\" + s.version() + "\\setup.exe\" \"%TEMP%\\setup.exe\"",
      (s, h, a) -> "cmd /c systeminfo | findstr /B /C:\"OS Version\"",
      (s, h, a) -> "cmd.exe /c echo Build " + s.version() + " >> %TEMP%\\build.log",
      (s, h, a) -> "cmd.exe /c \"C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\1.3.185.29\\MicrosoftEdgeUpdate.exe\" /ua /installsource scheduler",
      (s, h, a) -> "cmd.exe /c reg add HKCU\\Software\\" + s.vendor() + " /v LastRun /t REG_SZ /d 2024-05-01 /f",
      (s, h, a) -> "cmd.exe /c start \"\" \"http://intranet.corp.contoso.com:8080/portal?id=" + s.guid() + "\"",
      (s, h, a) -> "cmd.exe /c nslookup " + s.internalName() + " " + s.privateIp(),
      (s, h, a) -> "cmd.exe /c curl -k https://127.0.0.1:" + s.n(8000, 9999) + "/health",
      (s, h, a) -> "cmd.exe /c ping -n 2 ::1",
      (s, h, a) -> "cmd.exe /c ping -6 fe80::" + s.hex(4) + ":" + s.hex(4) + "%" + s.n(2, 24),
      (s, h, a) -> "cmd /c java -version 2>&1 | findstr 17.0.10.7",
      (s, h, a) -> "cmd.exe /c ver",
      (s, h, a) -> "cmd.exe /c tracert -d -h 3 " + s.privateIp(),
      (s, h, a) -> "cmd.exe /c type \"C:\\ProgramData\\" + s.vendor() + "\\logs\\" + s.version() + "\\agent.log\"",
      (s, h, a) -> "cmd.exe /c del /q \"C:\\Users\\" + a.user() + "\\AppData\\Local\\Temp\\" + s.clsid() + ".tmp\"",
      (s, h, a) -> "cmd.exe /c set HTTP_PROXY=http://" + s.privateIp() + ":3128 && pip install --upgrade pip",
      (s, h, a) -> "cmd.exe /c sc query state= all | findstr SERVICE_NAME",
  };

  private static final Maker[] POWERSHELL_LINES = {
      (s, h, a) -> "powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \"C:\\ProgramData\\" + s.vendor() + "\\scripts\\inventory.ps1\"",
      (s, h, a) -> "powershell.exe -NoProfile -EncodedCommand " + s.encodedCommand(),
      (s, h, a) -> "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -Command \"Test-NetConnection -ComputerName " + s.privateIp() + " -Port " + s.port() + "\"",
      (s, h, a) -> "powershell.exe -c \"Invoke-WebRequest -UseBasicParsing -Uri 'https://" + s.internalName() + "/api/v2/check?build=" + s.version() + "' -OutFile $env:TEMP\\c.json\"",
      (s, h, a) -> "powershell -c \"[System.Net.Dns]::GetHostAddresses('" + s.internalName() + "')\"",
      (s, h, a) -> "powershell.exe -NoProfile -c \"Resolve-DnsName -Name " + s.internalName() + " -Server " + s.privateIp() + "\"",
      (s, h, a) -> "powershell.exe -c \"Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses ('10.0.0.53','10.0.0.54')\"",
      (s, h, a) -> "powershell.exe -c \"Get-NetIPAddress | Where-Object IPAddress -like '169.254.*'\"",
      (s, h, a) -> "powershell.exe -ExecutionPolicy RemoteSigned -Command \"& {Import-Module ActiveDirectory; Get-ADUser -Identity " + a.user() + "}\"",
      (s, h, a) -> "powershell.exe -c \"Test-Connection -TargetName ::1 -Count 1\"",
      (s, h, a) -> "powershell.exe -WindowStyle Hidden -c \"Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' | Select CurrentBuild, UBR\"",
      (s, h, a) -> "powershell.exe -c \"New-NetFirewallRule -DisplayName 'Agent " + s.version() + "' -Direction Inbound -RemoteAddress 10.0.0.0/8 -Action Allow\"",
  };

  static final Program[] ALL = {
      new Program(SVCHOST, "svchost.exe", 120, true, Net.WEB, SERVICES,
          (s, h, a) -> "C:\\Windows\\system32\\svchost.exe -k " + s.pick("netsvcs", "LocalServiceNetworkRestricted",
              "DcomLaunch", "wsappx", "NetworkService", "UnistackSvcGroup") + " -p -s " + s.pick("Appinfo", "BITS",
              "Schedule", "wuauserv", "CDPSvc", "WpnService", "DoSvc", "lfsvc")),
      new Program(SYS32 + "conhost.exe", "conhost.exe", 70, false, Net.NONE, CMD,
          (s, h, a) -> "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1"),
      new Program("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "chrome.exe", 80, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=" + s.pick("renderer", "gpu-process", "utility")
              + " --lang=en-US --renderer-client-id=" + s.n(5, 400) + " --launch-time-ticks=" + s.n(100_000, 999_999_999)
              + " --field-trial-handle=" + s.n(1000, 9999) + ",i," + s.n(1, 9999999) + "," + s.n(1, 9999999)
              + ",262144 --variations-seed-version=20240430-180035.123000 --mojo-platform-channel-handle=" + s.n(1000, 9999) + " /prefetch:" + s.n(1, 8)),
      new Program("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "msedge.exe", 50, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=crashpad-handler \"--user-data-dir=C:\\Users\\"
              + a.user() + "\\AppData\\Local\\Microsoft\\Edge\\User Data\" /prefetch:4 --monitor-self-annotation=ptype=crashpad-handler"
              + " --url=https://edge.microsoft.com/crashpad --annotation=ver=124.0.2478.67"),
      new Program("C:\\Users\\{U}\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe", "Teams.exe", 30, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Users\\" + a.user() + "\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe\" --type=renderer --autoplay-policy=no-user-gesture-required"
              + " --app-path=\"C:\\Users\\" + a.user() + "\\AppData\\Local\\Microsoft\\Teams\\current\\resources\\app.asar\" --app-user-model-id=com.squirrel.Teams.Teams"),
      new Program("C:\\Users\\{U}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe", "OneDrive.exe", 20, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Users\\" + a.user() + "\\AppData\\Local\\Microsoft\\OneDrive\\24.076.0414.0005\\FileCoAuth.exe\" -Embedding"),
      new Program(CMD, "cmd.exe", 60, false, Net.SHELL, EXPLORER, (s, h, a) -> s.pickOf(CMD_LINES).make(s, h, a)),
      new Program(POWERSHELL, "powershell.exe", 40, false, Net.MIXED, CMD, (s, h, a) -> s.pickOf(POWERSHELL_LINES).make(s, h, a)),
      new Program("C:\\Program Files\\PowerShell\\7\\pwsh.exe", "pwsh.exe", 6, false, Net.MIXED, EXPLORER,
          (s, h, a) -> "\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -NoProfile -c \"Test-Connection " + s.privateIp() + " -Count 1\""),
      new Program(SYS32 + "reg.exe", "reg.exe", 10, false, Net.NONE, CMD,
          (s, h, a) -> "reg query \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" /v CurrentBuild"),
      new Program(SYS32 + "schtasks.exe", "schtasks.exe", 8, true, Net.NONE, SVCHOST,
          (s, h, a) -> s.pick("schtasks /query /fo csv /v", "schtasks.exe /run /tn \"\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan\"",
              "schtasks /create /tn \"" + s.vendor() + "Update\" /tr \"C:\\Program Files\\" + s.vendor() + "\\upd.exe\" /sc daily /st 03:00 /f")),
      new Program(SYS32 + "sc.exe", "sc.exe", 6, true, Net.NONE, CMD,
          (s, h, a) -> s.pick("sc query state= all", "sc config wuauserv start= delayed-auto", "sc.exe \\\\" + s.privateIp() + " query Spooler")),
      new Program(SYS32 + "net.exe", "net.exe", 8, false, Net.INTERNAL, CMD,
          (s, h, a) -> s.pick("net use Z: \\\\fs01.corp.contoso.com\\dept$", "net user " + a.user() + " /domain",
              "net localgroup administrators", "net time \\\\dc01.corp.contoso.com /set /y")),
      new Program(SYS32 + "netsh.exe", "netsh.exe", 5, true, Net.NONE, CMD,
          (s, h, a) -> s.pick("netsh advfirewall firewall add rule name=\"" + s.vendor() + " Agent\" dir=in action=allow program=\"C:\\Program Files\\"
                  + s.vendor() + "\\agent.exe\" enable=yes", "netsh interface ip show config",
              "netsh winhttp set proxy proxy-server=\"http=" + s.privateIp() + ":8080\" bypass-list=\"*.corp.contoso.com\"",
              "netsh interface ipv4 set dnsservers \"Ethernet\" static 1.1.1.1 primary",
              "netsh interface portproxy add v4tov4 listenport=8443 connectaddress=" + s.pickOf(Shapes.PUBLIC_V4) + " connectport=443")),
      new Program(SYS32 + "PING.EXE", "PING.EXE", 6, false, Net.INTERNAL, CMD,
          (s, h, a) -> "ping -n 4 " + s.pick(s.privateIp(), "8.8.8.8", "1.1.1.1", s.pickOf(Shapes.PUBLIC_V4), s.internalName())),
      new Program(SYS32 + "nslookup.exe", "nslookup.exe", 4, false, Net.INTERNAL, CMD,
          (s, h, a) -> "nslookup " + s.externalName() + " " + s.pick("8.8.8.8", "10.0.0.53", "208.67.222.222")),
      new Program(SYS32 + "curl.exe", "curl.exe", 5, false, Net.WEB, CMD,
          (s, h, a) -> "curl.exe -s -o NUL -w \"%{http_code}\" https://" + s.externalName() + "/" + s.pick("health", "status", "v1/ping")),
      new Program(SYS32 + "msiexec.exe", "msiexec.exe", 8, true, Net.NONE, SERVICES,
          (s, h, a) -> s.pick("C:\\Windows\\system32\\msiexec.exe /V", "msiexec.exe /i \"C:\\Windows\\ccmcache\\" + s.hex(2) + "\\"
              + s.vendor() + "Agent-" + s.version() + "-x64.msi\" /qn REBOOT=ReallySuppress")),
      new Program(SYS32 + "rundll32.exe", "rundll32.exe", 15, false, Net.NONE, SVCHOST,
          (s, h, a) -> s.pick("C:\\Windows\\system32\\rundll32.exe C:\\Windows\\system32\\PcaSvc.dll,PcaPatchSdbTask",
              "rundll32.exe shell32.dll,SHCreateLocalServerRunDll " + s.clsid() + " -Embedding",
              "rundll32.exe C:\\Windows\\System32\\LogiLDA.dll,LogiFetch")),
      new Program(SYS32 + "dllhost.exe", "dllhost.exe", 25, false, Net.NONE, SVCHOST,
          (s, h, a) -> "C:\\Windows\\system32\\DllHost.exe /Processid:" + s.clsid()),
      new Program(SYS32 + "RuntimeBroker.exe", "RuntimeBroker.exe", 30, false, Net.NONE, SVCHOST,
          (s, h, a) -> "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding"),
      new Program(SYS32 + "backgroundTaskHost.exe", "backgroundTaskHost.exe", 20, false, Net.WEB, SVCHOST,
          (s, h, a) -> "\"C:\\Windows\\system32\\backgroundTaskHost.exe\" -ServerName:App.AppX" + s.hex(8) + s.hex(8) + ".mca"),
      new Program(SYS32 + "SearchProtocolHost.exe", "SearchProtocolHost.exe", 20, true, Net.NONE, SYS32 + "SearchIndexer.exe",
          (s, h, a) -> "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe" + s.n(1, 99)
              + "_ Global\\UsGthrCtrlFltPipeMssGthrPipe" + s.n(1, 99) + " 1 -2147483646 \"Software\\Microsoft\\Windows Search\""
              + " \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)\" \"C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc\" \"DownLevelDaemon\""),
      new Program("C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24030.9-0\\MpCmdRun.exe", "MpCmdRun.exe", 6, true, Net.WEB, SVCHOST,
          (s, h, a) -> "\"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24030.9-0\\MpCmdRun.exe\" SignatureUpdate -ScheduleJob -RestrictPrivileges -Reinvoke"),
      new Program("C:\\Program Files\\Git\\cmd\\git.exe", "git.exe", 12, false, Net.WEB, CMD,
          (s, h, a) -> "git.exe " + s.pick("fetch --prune origin", "status --porcelain", "-c credential.helper=manager pull",
              "clone https://github.com/" + s.vendor().toLowerCase(java.util.Locale.ROOT) + "/tools.git")),
      new Program("C:\\Users\\{U}\\AppData\\Local\\Programs\\Python\\Python311\\python.exe", "python.exe", 8, false, Net.WEB, CMD,
          (s, h, a) -> "python.exe -m pip install --index-url https://pypi.org/simple requests==2.31.0"),
      new Program("C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.10.7-hotspot\\bin\\java.exe", "java.exe", 8, false, Net.MIXED, CMD,
          (s, h, a) -> "\"C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.10.7-hotspot\\bin\\java.exe\" -Xmx2g -Dfile.encoding=UTF-8 -jar app.jar"
              + " --server.port=8443 --spring.datasource.url=jdbc:sqlserver://" + s.privateIp() + ":1433;databaseName=app"),
      new Program(SYS32 + "wbem\\WmiPrvSE.exe", "WmiPrvSE.exe", 15, true, Net.INTERNAL, SVCHOST,
          (s, h, a) -> "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding"),
      new Program(SYS32 + "gpupdate.exe", "gpupdate.exe", 3, true, Net.INTERNAL, SVCHOST,
          (s, h, a) -> "gpupdate /target:computer /force"),
      new Program(SYS32 + "notepad.exe", "notepad.exe", 8, false, Net.NONE, EXPLORER,
          (s, h, a) -> "\"C:\\Windows\\system32\\NOTEPAD.EXE\" C:\\Users\\" + a.user() + "\\Desktop\\notes-" + s.n(1, 30) + ".txt"),
      new Program("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "EXCEL.EXE", 10, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Program Files\\Microsoft Office\\Root\\Office16\\EXCEL.EXE\" \"\\\\fs02.corp.contoso.com\\finance$\\Q"
              + s.n(1, 4) + "\\budget-2024.xlsx\""),
      new Program("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "OUTLOOK.EXE", 8, false, Net.WEB, EXPLORER,
          (s, h, a) -> "\"C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE\" /recycle"),
      new Program(SYS32 + "mstsc.exe", "mstsc.exe", 3, false, Net.INTERNAL, EXPLORER,
          (s, h, a) -> "\"C:\\Windows\\system32\\mstsc.exe\" /v:" + s.privateIp() + ":3389"),
      new Program(SYS32 + "OpenSSH\\ssh.exe", "ssh.exe", 3, false, Net.INTERNAL, CMD,
          (s, h, a) -> s.pick("ssh.exe -p 2222 admin@" + s.privateIp(), "ssh.exe admin@fe80::" + s.hex(4) + ":" + s.hex(4) + "%12",
              "ssh.exe -i C:\\Users\\" + a.user() + "\\.ssh\\id_ed25519 deploy@" + s.pickOf(Shapes.PUBLIC_V4))),
      new Program(SYS32 + "taskhostw.exe", "taskhostw.exe", 15, false, Net.NONE, SVCHOST,
          (s, h, a) -> "taskhostw.exe " + s.pick("KEYROAMING", "Install $(Arg0)", "-RegisterDevice -ProtectionStateChanged")),
  };

  /** Cumulative weights of {@link #ALL}, for picking. */
  private static final int[] CUMULATIVE = new int[ALL.length];

  static {
    int sum = 0;
    for (int i = 0; i < ALL.length; i++) {
      sum += ALL[i].weight();
      CUMULATIVE[i] = sum;
    }
  }

  private Programs() {}

  static Program pick(Shapes s) {
    int r = s.rng.nextInt(CUMULATIVE[CUMULATIVE.length - 1]);
    int i = 0;
    while (CUMULATIVE[i] <= r) {
      i++;
    }
    return ALL[i];
  }

  static String basename(String path) {
    int i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return i < 0 ? path : path.substring(i + 1);
  }
}
