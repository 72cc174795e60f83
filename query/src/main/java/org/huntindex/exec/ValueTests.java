package org.huntindex.exec;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.extract.CidrSet;
import org.huntindex.extract.IpAddresses;
import org.huntindex.extract.KqlIpv4;
import org.huntindex.plan.ValueTest;

/** A plan's value tests compiled once: a value is kept when every test is true. */
final class ValueTests {
  private interface Test {
    boolean keep(String text, byte[] address);
  }

  private final List<Test> tests = new ArrayList<>();
  private final boolean readsAddress;

  ValueTests(List<ValueTest> keep) {
    boolean address = false;
    for (ValueTest t : keep) {
      tests.add(switch (t) {
        case ValueTest.NotPrivateIpv4 p -> (text, a) -> KqlIpv4.isPrivate(text).not().isTrue();
        case ValueTest.NoIpv4Prefix p -> (text, a) -> !KqlIpv4.hasAnyIpv4Prefix(text, p.prefixes());
        case ValueTest.OutsideCidrs o -> {
          CidrSet set = CidrSet.of(o.cidrs());
          address = true;
          yield (text, a) -> a != null && !set.contains(a);
        }
      });
    }
    this.readsAddress = address;
  }

  /** Tests a text value; an address test parses it, and drops it when it is not an address. */
  boolean keep(String text) {
    return keep(text, readsAddress ? IpAddresses.parse(text) : null);
  }

  /** Tests a value that is already an address. */
  boolean keep(String text, byte[] address) {
    for (Test t : tests) {
      if (!t.keep(text, address)) {
        return false;
      }
    }
    return true;
  }
}
