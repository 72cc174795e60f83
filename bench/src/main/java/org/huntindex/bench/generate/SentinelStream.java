package org.huntindex.bench.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;
import org.huntindex.bench.generate.Programs.Program;
import org.huntindex.bench.reference.SecurityRow;

/**
 * Writes the Sentinel {@code SecurityEvent} export: JSON lines in time order, mostly 4688 process creations plus 4689,
 * 4624, 4625 and 5156 noise, with the planted rows merged in at their times. Every row is also handed to a sink (the
 * reference models) as the {@link SecurityRow} hunt A reads.
 */
final class SentinelStream {
  static final String FILE = "securityevent.jsonl";
  private static final String TENANT = "4b2462a4-bbee-495a-a0e1-f23ae524cc9c";
  private static final String[] LOGON_PROCESSES = {"Kerberos", "NtLmSsp ", "User32 ", "Advapi  ", "Negotiat"};

  private final Population pop;
  private final String file;
  private final Shapes s;
  private final long events;
  private final long start;
  private final long span;
  private final List<SecEvent> planted;
  private final Consumer<SecurityRow> sink;
  private final JsonLine json = new JsonLine();
  private final Clock clock = new Clock();
  private final SecEvent noise = new SecEvent();
  final long[] byEventId = new long[5];

  SentinelStream(Population pop, long seed, String file, long events, long startTicks, long spanTicks, List<SecEvent> planted,
      Consumer<SecurityRow> sink) {
    this.pop = pop;
    this.file = file;
    this.s = new Shapes(new SplittableRandom(seed ^ 0x5e_4688L));
    this.events = events;
    this.start = startTicks;
    this.span = spanTicks;
    this.planted = planted;
    this.sink = sink;
  }

  /** Writes the file; returns the number of rows. */
  long write(Path path) throws IOException {
    long noiseCount = Math.max(0, events - planted.size());
    double mean = Math.max(1.0, (double) span / Math.max(1, noiseCount));
    long nominal = start;
    long last = start - 1;
    int p = 0;
    try (Output out = new Output(path)) {
      for (long i = 0; i < noiseCount; i++) {
        nominal += 1 + (long) (-Math.log(1 - s.rng.nextDouble()) * (mean - 1));
        for (; p < planted.size() && planted.get(p).ticks <= nominal; p++) {
          last = emit(out, planted.get(p), last);
        }
        last = emit(out, next(noise.clear()), last, nominal);
      }
      for (; p < planted.size(); p++) {
        last = emit(out, planted.get(p), last);
      }
      return out.lines();
    }
  }

  private long emit(Output out, SecEvent e, long last) throws IOException {
    return emit(out, e, last, e.ticks);
  }

  private long emit(Output out, SecEvent e, long last, long nominal) throws IOException {
    long t = Math.max(last + 1, nominal);
    String time = clock.kusto(t);
    long line = out.line(row(e, time));
    sink.accept(new SecurityRow(file, line, e.eventId, e.process(), e.commandLine, e.host.fqdn(),
        e.account == null ? null : e.account.qualified(), time));
    return t;
  }

  /** Fills a noise event. */
  private SecEvent next(SecEvent e) {
    Host h = pop.hosts[s.rng.nextInt(pop.hosts.length)];
    e.host = h;
    int r = s.rng.nextInt(100);
    if (r < 55 || r < 75) {
      Program prog = Programs.pick(s);
      e.account = prog.system() ? h.machine() : user(h);
      e.image = prog.image(e.account);
      e.pid = s.pid();
      e.parentPid = s.pid();
      if (r < 55) {
        e.eventId = 4688;
        e.commandLine = prog.maker().make(s, h, e.account);
        e.parentImage = prog.parent();
      } else {
        e.eventId = 4689;
      }
    } else if (r < 90) {
      e.eventId = r < 87 ? 4624 : 4625;
      e.account = e.eventId == 4625 && s.chance(0.5) ? new Account(s.pick("administrator", "admin", "scanner",
          "test", "guest", "backup"), h.name(), "S-1-0-0") : user(h);
      e.logonType = e.eventId == 4625 ? s.pick(3, 10) : s.pick(2, 3, 3, 3, 5, 7, 10, 11);
      e.sourceIp = e.logonType == 2 || e.logonType == 5 ? (s.chance(0.5) ? "127.0.0.1" : "::1")
          : e.eventId == 4625 && s.chance(0.4) ? s.pickOf(Shapes.PUBLIC_V4) : s.privateIp();
      e.sourcePort = e.logonType == 3 || e.logonType == 10 ? s.n(49152, 65535) : 0;
      e.image = e.logonType == 3 ? null : Programs.SYS32 + (e.logonType == 2 ? "winlogon.exe" : "lsass.exe");
    } else {
      e.eventId = 5156;
      Program prog = Programs.pick(s);
      e.account = null;
      e.image = prog.image(user(h));
      e.pid = s.pid();
      e.sourceIp = h.ip();
      e.sourcePort = s.n(49152, 65535);
      boolean external = prog.net() == Programs.Net.WEB || prog.net() == Programs.Net.MIXED && s.chance(0.5);
      e.destIp = external ? s.publicIp() : s.privateIp();
      e.destPort = external ? s.pick(443, 443, 80) : Integer.parseInt(s.port());
    }
    return e;
  }

  private Account user(Host h) {
    return s.chance(0.9) ? h.owner() : pop.accounts[s.rng.nextInt(pop.accounts.length)];
  }

  private CharSequence row(SecEvent e, String time) {
    JsonLine j = json.begin().str("TenantId", TENANT).str("TimeGenerated", time).str("SourceSystem", "OpsManager");
    Account subject = e.eventId == 4624 || e.eventId == 4625 ? e.host.machine() : e.account;
    if (e.account != null) {
      j.str("Account", e.account.qualified()).str("AccountType", e.account.user().endsWith("$") ? "Machine" : "User");
    }
    j.str("Computer", e.host.fqdn()).str("EventSourceName", "Microsoft-Windows-Security-Auditing")
        .str("Channel", "Security").num("EventID", e.eventId).str("Activity", activity(e.eventId));
    if (subject != null) {
      j.str("SubjectUserSid", subject.sid()).str("SubjectUserName", subject.user())
          .str("SubjectDomainName", subject.domain()).str("SubjectLogonId", "0x" + Hex.of(subject.sid().hashCode(), 6));
    }
    switch (e.eventId) {
      case 4688 -> j.str("NewProcessId", "0x" + Integer.toHexString(e.pid)).str("NewProcessName", e.image)
          .str("TokenElevationType", e.account.user().endsWith("$") ? "%%1936" : "%%1938")
          .str("ProcessId", "0x" + Integer.toHexString(e.parentPid)).str("CommandLine", e.commandLine)
          .str("ParentProcessName", e.parentImage)
          .str("MandatoryLabel", e.account.user().endsWith("$") ? "S-1-16-16384" : "S-1-16-8192")
          .str("Process", e.process());
      case 4689 -> j.str("Status", "0x0").str("ProcessId", "0x" + Integer.toHexString(e.pid))
          .str("ProcessName", e.image).str("Process", e.process());
      case 4624, 4625 -> {
        j.str("TargetUserSid", e.account.sid()).str("TargetUserName", e.account.user())
            .str("TargetDomainName", e.account.domain()).num("LogonType", e.logonType)
            .str("LogonProcessName", LOGON_PROCESSES[e.logonType % LOGON_PROCESSES.length])
            .str("AuthenticationPackageName", e.logonType == 3 ? "NTLM" : "Negotiate")
            .str("WorkstationName", e.logonType == 3 ? "-" : e.host.name()).str("IpAddress", e.sourceIp)
            .str("IpPort", e.sourcePort == 0 ? "-" : Integer.toString(e.sourcePort))
            .str("ProcessName", e.image == null ? "-" : e.image).str("Process", e.image == null ? "-" : e.process());
        if (e.eventId == 4625) {
          j.str("Status", "0xc000006d").str("SubStatus", "0xc000006a").str("FailureReason", "%%2313");
        }
      }
      case 5156 -> j.str("ProcessID", Integer.toString(e.pid))
          .str("Application", "\\device\\harddiskvolume3\\" + e.image.substring(3).toLowerCase(java.util.Locale.ROOT))
          .str("Direction", "%%14593").str("SourceAddress", e.sourceIp).str("SourcePort", Integer.toString(e.sourcePort))
          .str("DestAddress", e.destIp).str("DestPort", Integer.toString(e.destPort)).str("Protocol", "6")
          .str("FilterRTID", "0").str("LayerName", "%%14611").str("LayerRTID", "48").str("Process", e.process());
      default -> throw new IllegalStateException("event id " + e.eventId);
    }
    byEventId[switch (e.eventId) { case 4688 -> 0; case 4689 -> 1; case 4624 -> 2; case 4625 -> 3; default -> 4; }]++;
    return j.str("Type", "SecurityEvent").end();
  }

  private static String activity(int id) {
    return switch (id) {
      case 4688 -> "4688 - A new process has been created.";
      case 4689 -> "4689 - A process has exited.";
      case 4624 -> "4624 - An account was successfully logged on.";
      case 4625 -> "4625 - An account failed to log on.";
      case 5156 -> "5156 - The Windows Filtering Platform has permitted a connection.";
      default -> Integer.toString(id);
    };
  }
}
