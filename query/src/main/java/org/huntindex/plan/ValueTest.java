package org.huntindex.plan;

import java.util.List;

/** A test on an extracted value; the value is kept only when the test is true (a KQL null drops it, like false). */
public sealed interface ValueTest {

  /** KQL {@code not(ipv4_is_private(v))}: true only for IPv4 text outside 10/8, 172.16/12 and 192.168/16. */
  record NotPrivateIpv4() implements ValueTest {}

  /** KQL {@code not(has_any_ipv4_prefix(v, prefixes))}; prefixes that are not valid IPv4 prefixes never match. */
  record NoIpv4Prefix(List<String> prefixes) implements ValueTest {
    public NoIpv4Prefix {
      prefixes = List.copyOf(prefixes);
    }
  }

  /** The address lies in none of the CIDR blocks (IPv4 blocks cover IPv4-mapped addresses). */
  record OutsideCidrs(List<String> cidrs) implements ValueTest {
    public OutsideCidrs {
      cidrs = List.copyOf(cidrs);
    }
  }
}
