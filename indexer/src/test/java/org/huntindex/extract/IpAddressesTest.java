package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

  @Test
  void ipv4ParsesToIpv4MappedBytes() {
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 8, 8, 4, 4}, IpAddresses.parse("8.8.4.4"));
    assertArrayEquals(IpAddresses.parse("10.0.0.1"), IpAddresses.parse("::ffff:10.0.0.1"));
    assertArrayEquals(IpAddresses.parse("10.0.0.1"), IpAddresses.parse("::FFFF:a00:1"));
  }

  @Test
  void roundTripsInRfc5952Form() {
    for (String[] c : new String[][] {
        {"2001:DB8:0:0:0:0:2:1", "2001:db8::2:1"}, {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
        {"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"}, {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"}, {"::", "::"},
        {"::1", "::1"}, {"1::", "1::"}, {"fe80::1%eth0", "fe80::1"}, {"0:0:0:0:0:0:1.2.3.4", "::102:304"},
        {"::ffff:1.2.3.4", "1.2.3.4"}, {"255.255.255.255", "255.255.255.255"}, {"FF02::FB", "ff02::fb"}}) {
      assertEquals(c[1], IpAddresses.format(IpAddresses.parse(c[0])), c[0]);
    }
  }

  @Test
  void rejectsAnythingThatIsNotExactlyOneAddress() {
    for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.4 ", " ::1", "1.2.3.4:80",
        ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", "12345::", ":1::", "1::2:", "g::1", "::1%",
        "::1%a b", "1.2.3.4%eth0", "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "localhost", "[::1]", "１.2.3.4")) {
      assertNull(IpAddresses.parse(bad), bad);
    }
  }

  @Test
  void agreesWithInetAddressOnRandomLiterals() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] raw = new byte[16];
      random.nextBytes(raw);
      for (int g = 0; g < 16; g += 2) {
        if (random.nextInt(3) == 0) {
          raw[g] = 0;
          raw[g + 1] = 0;
        }
      }
      String text = IpAddresses.format(raw);
      byte[] expected = InetAddress.getByName(text).getAddress();
      byte[] parsed = IpAddresses.parse(text);
      byte[] expected16 = expected.length == 16 ? expected : IpAddresses.parse(text);
      assertArrayEquals(raw, parsed, text);
      assertArrayEquals(expected16, parsed, text);
    }
  }
}
