package org.huntindex.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.huntindex.extract.Cidr;
import org.huntindex.extract.CidrSet;
import org.huntindex.extract.IpAddresses;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hunt B's {@code cidrmatch} over its 26 blocks: a linear parse-and-compare per call, shaped like Elasticsearch EQL's
 * {@code CIDRUtils.isInRange} (parse the address, then parse and compare each block), a linear compare against
 * pre-parsed blocks, and {@link CidrSet}. One operation is one address; addresses are shuffled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CidrBenchmark {

  static final int ADDRESSES = 1 << 20;
  static final List<String> HUNT_B = List.of("10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32",
      "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
      "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8");
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private String[] text;
  private byte[][] encoded;
  private long[] hi;
  private long[] lo;
  private byte[][] lowers;
  private byte[][] uppers;
  private CidrSet set;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(5);
    List<String> list = new ArrayList<>(ADDRESSES);
    for (int i = 0; i < ADDRESSES; i++) {
      list.add(address(random));
    }
    Collections.shuffle(list, new java.util.Random(5));
    text = list.toArray(String[]::new);
    encoded = new byte[ADDRESSES][];
    hi = new long[ADDRESSES];
    lo = new long[ADDRESSES];
    for (int i = 0; i < ADDRESSES; i++) {
      encoded[i] = IpAddresses.parse(text[i]);
      hi[i] = (long) LONGS.get(encoded[i], 0);
      lo[i] = (long) LONGS.get(encoded[i], 8);
    }
    set = CidrSet.of(HUNT_B);
    lowers = HUNT_B.stream().map(c -> Cidr.parse(c).lower()).toArray(byte[][]::new);
    uppers = HUNT_B.stream().map(c -> Cidr.parse(c).upper()).toArray(byte[][]::new);
  }

  /** About half public IPv4, a third private or special IPv4, the rest IPv6 of every kind. */
  private static String address(SplittableRandom r) {
    int k = r.nextInt(100);
    if (k < 45) {
      return (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    } else if (k < 60) {
      return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    } else if (k < 70) {
      return "192.168." + r.nextInt(256) + "." + r.nextInt(256);
    } else if (k < 75) {
      return "172." + (16 + r.nextInt(20)) + "." + r.nextInt(256) + "." + r.nextInt(256);
    } else if (k < 80) {
      return new String[] {"127.0.0.1", "169.254.1.7", "224.0.0.251", "255.255.255.255", "198.19.1.1", "192.0.0.171",
          "100.64.3.4", "203.0.113.9"}[r.nextInt(8)];
    } else if (k < 90) {
      return "2001:" + Integer.toHexString(r.nextInt(65536)) + ":" + Integer.toHexString(r.nextInt(65536)) + "::"
          + Integer.toHexString(r.nextInt(65536));
    }
    return new String[] {"::1", "fe80::1", "ff02::fb", "fd00::1", "::", "::ffff:10.0.0.1", "fe80::" + r.nextInt(999)}
        [r.nextInt(7)];
  }

  @Benchmark
  @OperationsPerInvocation(ADDRESSES)
  public int linearParseEachCall() {
    int in = 0;
    for (String address : text) {
      byte[] a = IpAddresses.parse(address);
      for (String c : HUNT_B) {
        Cidr cidr = Cidr.parse(c);
        if (Arrays.compareUnsigned(a, cidr.lower()) >= 0 && Arrays.compareUnsigned(a, cidr.upper()) <= 0) {
          in++;
          break;
        }
      }
    }
    return in;
  }

  @Benchmark
  @OperationsPerInvocation(ADDRESSES)
  public int linearPreParsed() {
    int in = 0;
    for (byte[] a : encoded) {
      for (int c = 0; c < lowers.length; c++) {
        if (Arrays.compareUnsigned(a, lowers[c]) >= 0 && Arrays.compareUnsigned(a, uppers[c]) <= 0) {
          in++;
          break;
        }
      }
    }
    return in;
  }

  @Benchmark
  @OperationsPerInvocation(ADDRESSES)
  public int cidrSetParseEachCall() {
    int in = 0;
    for (String address : text) {
      in += set.contains(IpAddresses.parse(address)) ? 1 : 0;
    }
    return in;
  }

  @Benchmark
  @OperationsPerInvocation(ADDRESSES)
  public int cidrSetBytes() {
    int in = 0;
    for (byte[] a : encoded) {
      in += set.contains(a) ? 1 : 0;
    }
    return in;
  }

  @Benchmark
  @OperationsPerInvocation(ADDRESSES)
  public int cidrSetLongs() {
    int in = 0;
    for (int i = 0; i < ADDRESSES; i++) {
      in += set.contains(hi[i], lo[i]) ? 1 : 0;
    }
    return in;
  }
}
