package org.huntindex.bench.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately naive implementation of hunt A as intended, {@code external-ip-in-command-line}: the rows of
 * hunt A's steps 1–2, then every public IPv4 or IPv6 address literal in the command line (not only the first regex
 * match), grouped by IP, CommandLine and Process like hunt A, with the evidence of each group (at most 10 locations).
 *
 * <p>An address literal is a dotted quad (octets at most 255, no leading zeros) or a colon-hex IPv6 address that does
 * not touch a letter, digit, underscore or another address character on either side; a trailing full stop and a
 * {@code :port} are allowed; a quad that is a folder of a Windows path ({@code \\EdgeUpdate\\1.3.185.29\\}) is a
 * version, not an address. "Public" means outside {@link #NOT_PUBLIC}. Feed rows with {@link #accept}, then read
 * {@link #result}. Not thread-safe.
 */
public final class IntendedHunt {
  /** Unspecified, private, CGNAT, loopback, link-local, documentation, benchmarking, multicast, reserved. */
  public static final List<String> NOT_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
      "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128",
      "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10",
      "ff00::/8");
  public static final int EVIDENCE_CAP = 10;
  private static final List<Cidrs.Net> EXCLUDED = NOT_PUBLIC.stream().map(Cidrs.Net::parse).toList();

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  /** Not preceded by a word character or an address character; the quad; not followed by more of an address. */
  private static final Pattern V4 = Pattern.compile("(?<![\\w.:])(" + OCTET + "(?:\\." + OCTET + "){3})"
      + "(?![\\w]|\\.[\\w.]|:[0-9A-Fa-f]*[.:A-Fa-f])", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern V6 = Pattern.compile("(?<![\\w.:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})"
      + "(?![\\w.:])", Pattern.UNICODE_CHARACTER_CLASS);

  /** A quad between single backslashes is a folder of a Windows path (a version), not an address; {@code \\\\host\\} is. */
  private static final Pattern VERSION_FOLDER = Pattern.compile("[^\\\\]\\\\" + OCTET + "(?:\\." + OCTET + "){3}\\\\");

  private final Map<List<String>, KqlHunt.Group> groups = new LinkedHashMap<>();

  public void accept(SecurityRow r) {
    if (r.eventId() != 4688 || !KqlHunt.hasAny(r.process(), List.of("cmd.exe", "powershell"))) {
      return;
    }
    for (String ip : addresses(r.commandLine())) {
      if (isPublic(ip)) {
        groups.computeIfAbsent(List.of(ip, r.commandLine(), r.process()), k -> new KqlHunt.Group()).add(r);
      }
    }
  }

  public List<KqlRow> result() {
    List<KqlRow> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(g.row(k.get(0), k.get(1), k.get(2),
        g.evidence.stream().limit(EVIDENCE_CAP).toList())));
    out.sort(KqlHunt.ORDER);
    return out;
  }

  /** The distinct address literals of the text, in order of appearance, as written. */
  public static List<String> addresses(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = V4.matcher(text);
    while (m.find()) {
      if (!out.contains(m.group(1)) && !VERSION_FOLDER.matcher(text).region(Math.max(0, m.start(1) - 2), text.length())
          .lookingAt()) {
        out.add(m.group(1));
      }
    }
    m = V6.matcher(text);
    while (m.find()) {
      String v6 = m.group(1);
      byte[] a = EqlHunt.parse(v6);
      if (a != null && v6.chars().anyMatch(Character::isDigit) && !out.contains(v6)) {
        out.add(v6);
      }
    }
    return out;
  }

  static boolean isPublic(String ip) {
    return !Cidrs.any(EXCLUDED, EqlHunt.parse(ip));
  }
}
