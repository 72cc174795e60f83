package org.huntindex.bench.reference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, deliberately naive implementation of hunt B {@code elastic-command-prompt-network-connection}, written
 * straight from HUNTS.md Appendix C and B.4.3: per-event stage predicates, {@link InetAddress} and {@link BigInteger}
 * for the CIDRs, a sort by (ms, evidence order) and the pending-start state machine.
 *
 * <p>It exists to compute expected output independently of the engine; it shares no code with it. Feed events with
 * {@link #accept} (only events that can take part in a stage are kept), then read {@link #result}. Not thread-safe.
 */
public final class EqlHunt {
  /** The rule's 26 CIDRs (B.1), in the rule's order. */
  public static final List<String> CIDRS = List.of("10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32",
      "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
      "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8");
  public static final List<String> DNS = List.of("wpad", "localhost", "ocsp.comodoca.com", "ocsp.digicert.com",
      "ocsp.sectigo.com", "crl.comodoca.com");

  private static final List<Cidrs.Net> NETS = CIDRS.stream().map(Cidrs.Net::parse).toList();

  private final List<Candidate> candidates = new ArrayList<>();
  private final Map<String, Integer> fileOrdinals = new HashMap<>();

  /** Evidence order across files is (file ordinal by first appearance, line). */
  public void accept(EcsEvent e) {
    int file = fileOrdinals.computeIfAbsent(e.file(), f -> fileOrdinals.size());
    boolean s1 = stage1(e);
    boolean s2 = stage2(e);
    if (e.entityId() != null && (s1 || s2)) {
      candidates.add(new Candidate(e, file, s1, s2));
    }
  }

  /** Every sequence, ascending by the last event's ordinal. */
  public List<EqlSequence> result() {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong((Candidate c) -> c.event.epochMillis()).thenComparingInt(c -> c.file)
        .thenComparingLong(c -> c.event.line()));
    Map<String, EcsEvent> pending = new HashMap<>();
    List<EqlSequence> done = new ArrayList<>();
    for (Candidate c : sorted) {
      String k = c.event.entityId();
      if (c.s2 && pending.containsKey(k)) {
        done.add(new EqlSequence(k, pending.remove(k), c.event));
      }
      if (c.s1) {
        pending.put(k, c.event);
      }
    }
    return done; // emitted in ordinal order of the network event
  }

  /** {@code process where host.os.type == "windows" and process.name : "cmd.exe" and event.type == "start"}. */
  public static boolean stage1(EcsEvent e) {
    return e.category().contains("process") && "windows".equals(e.osType())
        && ciEquals(e.processName(), "cmd.exe") && e.type().contains("start");
  }

  /** {@code network where ... and not cidrmatch(destination.ip, ...) and not dns.question.name : (...)}. */
  public static boolean stage2(EcsEvent e) {
    if (!e.category().contains("network") || !"windows".equals(e.osType()) || !ciEquals(e.processName(), "cmd.exe")) {
      return false;
    }
    if (cidrAny(e.destinationIp())) {
      return false;
    }
    for (String d : DNS) {
      if (ciEquals(e.dnsQuestionName(), d)) {
        return false;
      }
    }
    return true;
  }

  /** ASCII case-insensitive equality; false for a missing value. */
  static boolean ciEquals(String v, String p) {
    return v != null && KqlHunt.asciiLower(v).equals(KqlHunt.asciiLower(p));
  }

  /** True when the address is in one of the CIDRs; false when missing or unparseable (a missing ip field). */
  public static boolean cidrAny(String ip) {
    return Cidrs.any(NETS, parse(ip));
  }

  /** Literal IPv4 (strict dotted quad) or IPv6 as 4 or 16 bytes, an IPv4-mapped IPv6 as 4; null otherwise. */
  static byte[] parse(String ip) {
    if (ip == null || ip.isEmpty()) {
      return null;
    }
    boolean v6 = ip.indexOf(':') >= 0;
    if (v6 ? !ip.matches("[0-9A-Fa-f:.]+") : !ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      return null; // never let InetAddress see a host name
    }
    if (!v6) {
      for (String o : ip.split("\\.")) {
        if (Integer.parseInt(o) > 255) {
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(ip).getAddress(); // Java maps ::ffff:a.b.c.d to an Inet4Address
    } catch (UnknownHostException | IllegalArgumentException ex) {
      return null;
    }
  }

  private record Candidate(EcsEvent event, int file, boolean s1, boolean s2) {}
}
