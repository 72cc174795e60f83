package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrSetTest {

  /** Hunt B's cidrmatch list (HUNTS.md B.1). */
  static final List<String> HUNT_B = List.of("10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32",
      "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
      "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8");

  static final CidrSet SET = CidrSet.of(HUNT_B);

  @ParameterizedTest(name = "{0} excluded={1}")
  @CsvSource({
    "::ffff:10.0.0.1, true", "0.0.0.0, false", "::, false", "fd00::1, false", "255.255.255.255, true",
    "224.0.0.251, true", "198.19.1.1, true", "8.8.8.8, false", "10.1.2.3, true", "100.64.0.1, true",
    "127.0.0.1, true", "172.32.0.1, false", "::1, true", "fe80::1, true", "2001:4860:4860::8888, false",
    "ff02::fb, true", "198.19.255.255, true", "198.20.0.1, false", "192.0.0.171, true", "192.0.1.1, false",
    "::2, false", "febf:ffff::1, true", "fec0::, false", "::a00:1, false", "::ffff:8.8.8.8, false"
  })
  void huntBCidrRows(String ip, boolean excluded) {
    assertEquals(excluded, SET.contains(IpAddresses.parse(ip)), ip);
  }

  @Test
  void mergesHuntBIntoDisjointRanges() {
    List<String> ranges = CidrSet.merged(HUNT_B).stream()
        .map(r -> IpAddresses.format(r.lower()) + "-" + IpAddresses.format(r.upper())).toList();
    assertEquals(19, ranges.size(), ranges.toString());
    assertTrue(ranges.contains("192.0.0.0-192.0.0.255"), ranges.toString());
    assertTrue(ranges.contains("224.0.0.0-255.255.255.255"), ranges.toString());
    assertTrue(ranges.contains("::1-::1"), ranges.toString());
    assertTrue(ranges.contains("fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), ranges.toString());
  }

  @Test
  void badCidrsSayWhatIsWrong() {
    assertEquals("bad CIDR '10.0.0.0/33': prefix length '33' must be a number from 0 to 32 for IPv4",
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0/8")).getMessage()
        .contains("'10.0.0' is not an IPv4 or IPv6 address"));
    for (String bad : List.of("", "/8", "10.0.0.0/", "10.0.0.0/-1", "fe80::/129", "::1/x", "1.2.3.4/8/8")) {
      assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
    }
    assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
    assertEquals("fe80::/10", Cidr.parse("FE80::/10").toString());
    assertEquals("::1/128", Cidr.parse("::1").toString());
  }

  @Test
  void agreesWithALinearReferenceOnRandomAddressesAndSets() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 60; round++) {
      List<Cidr> cidrs = round == 0 ? HUNT_B.stream().map(Cidr::parse).toList() : randomCidrs(random);
      CidrSet set = CidrSet.ofCidrs(cidrs);
      List<byte[]> probes = new ArrayList<>();
      for (Cidr c : cidrs) {
        probes.add(c.lower());
        probes.add(c.upper());
        probes.add(add(c.lower(), -1));
        probes.add(add(c.upper(), 1));
      }
      for (int i = 0; i < 20_000; i++) {
        probes.add(randomAddress(random, cidrs));
      }
      for (byte[] a : probes) {
        boolean expected = cidrs.stream().anyMatch(c -> c.contains(a));
        assertEquals(expected, set.contains(a), () -> IpAddresses.format(a) + " in " + cidrs);
      }
      // the merged ranges are what the set looks up: their ends are in it, and (ranges being non-adjacent) the
      // addresses just past them are not
      for (CidrSet.Range r : CidrSet.merged(cidrs.stream().map(Cidr::toString).toList())) {
        assertTrue(set.contains(r.lower()) && set.contains(r.upper()));
        assertEquals(16, r.lower().length);
        byte[] before = add(r.lower(), -1);
        byte[] after = add(r.upper(), 1);
        assertTrue(new BigInteger(1, r.lower()).signum() == 0 || !set.contains(before), IpAddresses.format(before));
        assertTrue(new BigInteger(1, after).signum() == 0 || !set.contains(after), IpAddresses.format(after));
      }
    }
  }

  @Test
  void aKeyWhoseFirstRangeIsPastWhatATableEntryHoldsIsSearched() {
    // 70,000 single addresses 10.0.0.0, 10.0.0.2, ...: key 10.2's first range is number 65,536
    List<Cidr> cidrs = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      int a = 2 * i;
      cidrs.add(Cidr.parse("10." + (a >>> 16) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF)));
    }
    CidrSet set = CidrSet.ofCidrs(cidrs);
    assertEquals(70_000, CidrSet.merged(cidrs.stream().map(Cidr::toString).toList()).size());
    for (int a = 2 * 65_530; a < 2 * 70_000 + 4; a++) {
      String ip = "10." + (a >>> 16) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
      assertEquals(a % 2 == 0 && a < 2 * 70_000, set.contains(IpAddresses.parse(ip)), ip);
    }
  }

  @Test
  void rangesAreSortedDisjointAndCoverExactlyTheBlocks() {
    List<CidrSet.Range> ranges = CidrSet.merged(HUNT_B);
    for (int i = 1; i < ranges.size(); i++) {
      BigInteger previousUpper = new BigInteger(1, ranges.get(i - 1).upper());
      assertTrue(previousUpper.add(BigInteger.ONE).compareTo(new BigInteger(1, ranges.get(i).lower())) < 0);
    }
    assertArrayEquals(IpAddresses.parse("10.0.0.0"), ranges.get(0).lower().length == 16 ? ranges.stream()
        .filter(r -> IpAddresses.format(r.lower()).equals("10.0.0.0")).findFirst().orElseThrow().lower() : null);
  }

  private static List<Cidr> randomCidrs(SplittableRandom random) {
    List<Cidr> out = new ArrayList<>();
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      byte[] a = new byte[16];
      random.nextBytes(a);
      boolean v4 = random.nextBoolean();
      if (!v4 && random.nextInt(3) == 0) {
        // around :: and ::1, which the set keys by their last two bytes
        java.util.Arrays.fill(a, 0, 12 + random.nextInt(3), (byte) 0);
        out.add(new Cidr(a, 96 + random.nextInt(33), false));
        continue;
      }
      if (v4) {
        a = IpAddresses.parse((a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF));
      }
      int prefix = v4 ? 96 + random.nextInt(33) : random.nextInt(129);
      out.add(new Cidr(a, prefix, v4));
    }
    return out;
  }

  private static byte[] randomAddress(SplittableRandom random, List<Cidr> near) {
    byte[] a = new byte[16];
    random.nextBytes(a);
    switch (random.nextInt(5)) {
      case 0 -> {
        java.util.Arrays.fill(a, 0, 10, (byte) 0);
        a[10] = -1;
        a[11] = -1;
      }
      case 1 -> {
        byte[] base = near.get(random.nextInt(near.size())).lower();
        int keep = random.nextInt(17);
        System.arraycopy(base, 0, a, 0, keep);
      }
      case 2 -> java.util.Arrays.fill(a, 0, 8, (byte) 0);
      case 3 -> java.util.Arrays.fill(a, 0, 13 + random.nextInt(3), (byte) 0);
      default -> { }
    }
    return a;
  }

  private static byte[] add(byte[] a, int delta) {
    BigInteger v = new BigInteger(1, a).add(BigInteger.valueOf(delta));
    BigInteger mod = BigInteger.ONE.shiftLeft(128);
    byte[] raw = v.mod(mod).add(mod).toByteArray();
    byte[] out = new byte[16];
    System.arraycopy(raw, raw.length - 16, out, 0, 16);
    return out;
  }
}
