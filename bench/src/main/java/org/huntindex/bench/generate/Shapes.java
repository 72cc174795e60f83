package org.huntindex.bench.generate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/** Random pieces of realistic Windows command lines and telemetry: GUIDs, versions, addresses, names, paths. */
final class Shapes {
  static final String[] PUBLIC_V4 = {"13.107.42.14", "13.107.6.158", "20.190.151.7", "20.42.65.92", "40.126.31.143",
      "52.113.194.132", "52.168.117.173", "142.250.185.78", "142.251.36.4", "172.217.16.142", "151.101.1.69",
      "104.16.132.229", "185.199.108.153", "140.82.121.4", "34.120.208.123", "35.186.224.25", "23.215.0.136",
      "204.79.197.200", "93.184.215.14", "199.232.210.172"};
  static final String[] PUBLIC_V6 = {"2606:4700::6810:84e5", "2620:1ec:c11::200", "2a00:1450:4001:82b::200e",
      "2603:1030:20e:3::23c", "2600:1406:3c00:18::173e:2d8a", "2a01:111:f100:3000::a83e:1b7a"};
  static final String[] VERSIONS = {"10.0.19041.1", "10.0.19045.4291", "10.0.22631.3447", "10.0.17763.5696",
      "124.0.6367.91", "124.0.2478.67", "4.18.24030.9-0", "24.076.0414.0005", "17.0.10.7", "3.11.9", "8.0.4",
      "1.2.3.4.5", "6.1.7601.24545", "16.0.17531.20140", "2.44.0.1", "5.1.19041.4291", "7.4.2", "1.0.2204.1"};
  static final String[] EXTERNAL_NAMES = {"login.microsoftonline.com", "www.google.com", "clients2.google.com",
      "edge.microsoft.com", "teams.microsoft.com", "graph.microsoft.com", "settings-win.data.microsoft.com",
      "github.com", "api.github.com", "pypi.org", "files.pythonhosted.org", "repo.maven.apache.org",
      "ctldl.windowsupdate.com", "time.windows.com", "outlook.office365.com", "update.googleapis.com",
      "go.microsoft.com", "www.powershellgallery.com", "oneclient.sfx.ms", "v10.events.data.microsoft.com"};
  static final String[] INTERNAL_NAMES = {"dc01.corp.contoso.com", "dc02.corp.contoso.com", "fs01.corp.contoso.com",
      "fs02.corp.contoso.com", "intranet.corp.contoso.com", "wsus.corp.contoso.com", "print01.corp.contoso.com",
      "_ldap._tcp.dc._msdcs.corp.contoso.com", "sccm.corp.contoso.com", "proxy.corp.contoso.com"};
  static final String[] VENDORS = {"Contoso", "Acme", "Fabrikam", "Tailspin", "Northwind", "Litware"};
  private static final String[] SCRIPTS = {
      "Get-Service | Where-Object {$_.Status -eq 'Running'} | Export-Csv C:\\Windows\\Temp\\svc.csv -NoTypeInformation",
      "Get-CimInstance Win32_OperatingSystem | Select-Object Caption, Version, BuildNumber",
      "Get-ChildItem -Path $env:TEMP -Recurse | Where-Object LastWriteTime -lt (Get-Date).AddDays(-30) | Remove-Item",
      "Get-WinEvent -LogName System -MaxEvents 50 | Format-List",
      "$s = Get-Content 'C:\\ProgramData\\Contoso\\agent.json' | ConvertFrom-Json; $s.version",
      "Start-Sleep -Seconds 5; Restart-Service -Name Spooler -Force"};
  static final String[] ENCODED;

  static {
    ENCODED = new String[SCRIPTS.length];
    for (int i = 0; i < SCRIPTS.length; i++) {
      ENCODED[i] = Base64.getEncoder().encodeToString(SCRIPTS[i].getBytes(StandardCharsets.UTF_16LE));
    }
  }

  final SplittableRandom rng;

  Shapes(SplittableRandom rng) {
    this.rng = rng;
  }

  String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }

  int pick(int... options) {
    return options[rng.nextInt(options.length)];
  }

  <T> T pickOf(T[] options) {
    return options[rng.nextInt(options.length)];
  }

  int n(int lo, int hiInclusive) {
    return rng.nextInt(lo, hiInclusive + 1);
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  /** A lower-case GUID without braces. */
  String guid() {
    StringBuilder b = new StringBuilder(36);
    long a = rng.nextLong();
    long c = rng.nextLong();
    Hex.append(b, a >>> 32, 8);
    b.append('-');
    Hex.append(b, a >>> 16, 4);
    b.append('-');
    Hex.append(b, 0x4000 | (a & 0x0fff), 4);
    b.append('-');
    Hex.append(b, 0x8000 | (c >>> 48 & 0x3fff), 4);
    b.append('-');
    Hex.append(b, c, 12);
    return b.toString();
  }

  /** An upper-case GUID in braces, as COM class ids appear on command lines. */
  String clsid() {
    return "{" + guid().toUpperCase(java.util.Locale.ROOT) + "}";
  }

  /** A private IPv4 address; its last octet has 1, 2 or 3 digits. */
  String privateIp() {
    return switch (rng.nextInt(4)) {
      case 0 -> "192.168." + rng.nextInt(256) + "." + rng.nextInt(1, 255);
      case 1 -> "172." + rng.nextInt(16, 32) + "." + rng.nextInt(256) + "." + rng.nextInt(1, 255);
      default -> "10." + rng.nextInt(1, 64) + "." + rng.nextInt(256) + "." + rng.nextInt(1, 255);
    };
  }

  String publicIp() {
    return rng.nextInt(10) == 0 ? pickOf(PUBLIC_V6) : pickOf(PUBLIC_V4);
  }

  String version() {
    return pickOf(VERSIONS);
  }

  String port() {
    return rng.nextInt(3) == 0 ? Integer.toString(rng.nextInt(49152, 65536))
        : pick("80", "443", "445", "8080", "8443", "3389", "5985", "135", "1433", "22");
  }

  String vendor() {
    return pickOf(VENDORS);
  }

  String externalName() {
    return pickOf(EXTERNAL_NAMES);
  }

  String internalName() {
    return pickOf(INTERNAL_NAMES);
  }

  String encodedCommand() {
    return pickOf(ENCODED);
  }

  /** A Windows PID: a multiple of 4. */
  int pid() {
    return rng.nextInt(100, 16_384) * 4;
  }

  String hex(int digits) {
    return Hex.of(rng.nextLong(), digits);
  }
}
