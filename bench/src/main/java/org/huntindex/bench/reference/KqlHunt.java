package org.huntindex.bench.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately naive implementation of hunt A {@code sentinel-external-ip-in-command-line}, written straight
 * from HUNTS.md Appendix C: a loop over rows, {@code java.util.regex} for the KQL regex, maps for {@code summarize}.
 *
 * <p>It exists to compute expected output independently of the engine; it shares no code with it. Feed rows with
 * {@link #accept}, then read {@link #result}. Not thread-safe.
 */
public final class KqlHunt {
  /** The effective regex of A.1 ({@code \\b} and {@code \\.} after KQL string unescaping). */
  public static final String REGEX = "([^ ](\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|"
      + "[01]?[0-9][0-9]?)){3}|(\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|"
      + "[01]?[0-9][0-9]?)){3}[^ ])";
  /** Current Kusto (Rust regex): Unicode {@code \b}. */
  private static final Pattern CRX = Pattern.compile(REGEX, Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern IPRX =
      Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(?:/([0-9]{1,2}))?");
  private static final List<String> PROCESSES = List.of("cmd.exe", "powershell");
  /** {@code makeset}'s default cap. */
  public static final int SET_CAP = 128;

  private final Map<List<String>, Group> groups = new LinkedHashMap<>();

  /** Steps 1–7 for one row. */
  public void accept(SecurityRow r) {
    if (r.eventId() != 4688 || !hasAny(r.process(), PROCESSES)) {
      return;
    }
    String ip = extract1(r.commandLine());
    if (ip.isEmpty() || !Boolean.FALSE.equals(ipv4IsPrivate(ip))) {
      return; // null (unparseable) or true (private) => dropped
    }
    groups.computeIfAbsent(List.of(ip, r.commandLine(), r.process()), k -> new Group()).add(r);
  }

  /** Steps 8–10: one row per group, by Host_count descending, ties by IP, CommandLine, Process. */
  public List<KqlRow> result() {
    List<KqlRow> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(g.row(k.get(0), k.get(1), k.get(2), List.of())));
    out.sort(ORDER);
    return out;
  }

  /** Host_count descending, then IP, CommandLine, Process ascending (the engine's deterministic tie order). */
  public static final Comparator<KqlRow> ORDER = Comparator.comparingInt(KqlRow::hostCount).reversed()
      .thenComparing(KqlRow::ip).thenComparing(KqlRow::commandLine).thenComparing(KqlRow::process);

  /** Kusto {@code has} (A.3 step 2): whole-term, ASCII case-insensitive. */
  public static boolean has(String lhs, String rhs) {
    String l = asciiLower(lhs);
    String r = asciiLower(rhs);
    if (r.isEmpty()) {
      return false;
    }
    for (int i = l.indexOf(r); i >= 0; i = l.indexOf(r, i + 1)) {
      int j = i + r.length();
      boolean left = i == 0 || !aln(l.charAt(i - 1)) || !aln(r.charAt(0));
      boolean right = j == l.length() || !aln(l.charAt(j)) || !aln(r.charAt(r.length() - 1));
      if (left && right) {
        return true;
      }
    }
    return false;
  }

  public static boolean hasAny(String lhs, List<String> rhs) {
    for (String r : rhs) {
      if (has(lhs, r)) {
        return true;
      }
    }
    return false;
  }

  /** {@code extract(regex, 1, s)}: group 1 of the first match, or "". */
  public static String extract1(String s) {
    Matcher m = CRX.matcher(s);
    return m.find() ? m.group(1) : "";
  }

  /** {@code ipv4_is_private}: TRUE, FALSE, or null when the whole string is not {@code a.b.c.d[/n]}. */
  public static Boolean ipv4IsPrivate(String s) {
    Matcher m = IPRX.matcher(s);
    if (!m.matches()) {
      return null;
    }
    long v = 0;
    for (int i = 1; i <= 4; i++) {
      int o = Integer.parseInt(m.group(i));
      if (o > 255) {
        return null;
      }
      v = v << 8 | o;
    }
    int p = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
    if (p > 32) {
      return null;
    }
    v &= p == 0 ? 0 : (0xFFFFFFFFL << (32 - p)) & 0xFFFFFFFFL;
    return (v >>> 24) == 10 || (v >>> 20) == 0xAC1 || (v >>> 16) == 0xC0A8;
  }

  static String asciiLower(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, (char) (c + 32));
      }
    }
    return b == null ? s : b.toString();
  }

  private static boolean aln(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  /** One {@code summarize} group: min/max time, {@code makeset} of hosts and accounts, and where its rows were. */
  static final class Group {
    String first;
    String last;
    final LinkedHashSet<String> hosts = new LinkedHashSet<>();
    final LinkedHashSet<String> accounts = new LinkedHashSet<>();
    final List<String> evidence = new ArrayList<>();

    void add(SecurityRow r) {
      if (first == null || instant(r.timeGenerated()).isBefore(instant(first))) {
        first = r.timeGenerated();
      }
      if (last == null || instant(r.timeGenerated()).isAfter(instant(last))) {
        last = r.timeGenerated();
      }
      hosts.add(r.computer());
      accounts.add(r.account());
      evidence.add(r.file() + ":" + r.line());
    }

    KqlRow row(String ip, String commandLine, String process, List<String> withEvidence) {
      List<String> h = capped(hosts);
      return new KqlRow(h.size(), ip, process, commandLine, Times.kusto(instant(first)), Times.kusto(instant(last)),
          h, capped(accounts), List.copyOf(hosts), List.copyOf(accounts), withEvidence);
    }

    private static List<String> capped(LinkedHashSet<String> set) {
      return set.stream().limit(SET_CAP).toList();
    }
  }

  static Instant instant(String iso) {
    return Instant.parse(iso);
  }
}
