package org.huntindex.bench.generate;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The estate a collection comes from: hosts (workstations, laptops, servers) in one AD domain and the accounts that
 * use them, a few with non-ASCII names. Fixed by the seed, shared by both files.
 */
final class Population {
  static final String DOMAIN = "CORP";
  static final String DNS_SUFFIX = ".corp.contoso.com";
  private static final String SID = "S-1-5-21-1004336348-1177238915-682003330-";
  private static final String[] FIRST = {"james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda",
      "david", "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "chris",
      "karen", "daniel", "lisa", "matthew", "nancy", "anthony", "betty", "mark", "sandra", "paul", "ashley", "steven",
      "emily", "andrew", "donna", "kevin", "michelle", "brian", "carol", "george", "amanda", "aisha", "wei", "priya",
      "mohammed", "yuki", "lars", "fatima", "diego", "ana", "omar", "josé", "zoë", "jürgen", "søren", "łukasz", "ayşe",
      "françois", "ольга", "dmitri", "chloé"};
  private static final String[] LAST = {"smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
      "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore",
      "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis",
      "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green",
      "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "kim", "patel", "chen",
      "singh", "kowalski", "schmidt", "müller", "novak", "ivanov", "haddad", "okafor", "tanaka", "larsen", "dubois",
      "rossi", "silva", "costa", "yilmaz", "nakamura", "andersson"};
  private static final String[] DEPTS = {"FIN", "HR", "ENG", "OPS", "MKT", "SLS", "LEG", "IT"};
  private static final String[] ROLES = {"DC", "FS", "SQL", "WEB", "APP", "EXCH", "PRINT", "CA", "WSUS", "JUMP"};
  private static final String[] SERVICES = {"svc_backup", "svc_sql", "svc_sccm", "svc_web", "svc_scan", "svc_print",
      "svc_monitor", "svc_deploy"};

  /** An AD account: {@code DOMAIN\\user} as Sentinel's {@code Account} shows it. */
  record Account(String user, String domain, String sid) {
    String qualified() {
      return domain + "\\" + user;
    }
  }

  /** A Windows machine: its name as Security events carry it (FQDN), as Elastic carries it (lower-case), and more. */
  record Host(String name, String fqdn, String ecsName, String guidPrefix, String ip, Account owner, Account machine,
      boolean server) {}

  final Host[] hosts;
  final Account[] accounts;
  final Account system = new Account("SYSTEM", "NT AUTHORITY", "S-1-5-18");

  private Population(Host[] hosts, Account[] accounts) {
    this.hosts = hosts;
    this.accounts = accounts;
  }

  static Population create(long seed, int hostCount, int accountCount) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed_0001L);
    Account[] accounts = new Account[accountCount];
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < accountCount; i++) {
      String user;
      if (i < SERVICES.length && accountCount > 50) {
        user = SERVICES[i];
      } else {
        String f = FIRST[rng.nextInt(FIRST.length)];
        String l = LAST[rng.nextInt(LAST.length)];
        user = rng.nextInt(4) == 0 ? f.charAt(0) + l : f + "." + l;
        String base = user;
        for (int k = 2; !taken.add(user); k++) {
          user = base + k;
        }
      }
      taken.add(user);
      accounts[i] = new Account(user, DOMAIN, SID + (1100 + i));
    }
    Host[] hosts = new Host[hostCount];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < hostCount; i++) {
      String name;
      boolean server = false;
      do {
        int kind = rng.nextInt(10);
        if (kind == 0) {
          server = true;
          name = "SRV-" + ROLES[rng.nextInt(ROLES.length)] + "-" + two(rng.nextInt(1, 40));
        } else if (kind <= 2) {
          name = "LT-" + four(rng.nextInt(10_000));
        } else if (kind <= 4) {
          name = "DESKTOP-" + alnum(rng, 7);
        } else {
          name = "WS-" + DEPTS[rng.nextInt(DEPTS.length)] + "-" + four(rng.nextInt(10_000));
        }
      } while (!names.add(name));
      String ip = "10." + rng.nextInt(1, 64) + "." + rng.nextInt(256) + "." + rng.nextInt(2, 255);
      Account owner = accounts[rng.nextInt(accountCount)];
      Account machine = new Account(name + "$", DOMAIN, SID + (100_000 + i));
      hosts[i] = new Host(name, name + DNS_SUFFIX, name.toLowerCase(Locale.ROOT), Hex.of(rng.nextLong(), 8), ip, owner,
          machine, server);
    }
    return new Population(hosts, accounts);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String four(int n) {
    String s = Integer.toString(n);
    return "0000".substring(s.length()) + s;
  }

  private static String alnum(SplittableRandom rng, int len) {
    String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.append(abc.charAt(rng.nextInt(abc.length())));
    }
    return b.toString();
  }
}
