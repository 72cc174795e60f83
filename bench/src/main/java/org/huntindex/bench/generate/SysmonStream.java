package org.huntindex.bench.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;
import org.huntindex.bench.generate.Programs.Net;
import org.huntindex.bench.generate.Programs.Program;
import org.huntindex.bench.generate.SysEvent.Proc;
import org.huntindex.bench.reference.EcsEvent;

/**
 * Writes the Sysmon export as Elastic (ECS) NDJSON, the way the {@code windows.sysmon_operational} pipeline shapes it
 * (HUNTS.md B.2): process starts (1) register a process under a ProcessGuid; network connections (3), DNS queries (22),
 * terminations (5), image loads (7), file creations (11) and registry sets (13) refer to a process started earlier, or
 * to a long-running one started before the collection. Times are strictly increasing milliseconds, so the evidence order
 * is the time order. Every event is also handed to a sink as the {@link EcsEvent} hunt B reads.
 */
final class SysmonStream {
  static final String FILE = "sysmon-ecs.ndjson";
  private static final int POOL = 4096;
  private static final String[] DLLS = {"ntdll.dll", "kernel32.dll", "KernelBase.dll", "advapi32.dll", "bcrypt.dll",
      "wininet.dll", "winhttp.dll", "amsi.dll", "clr.dll", "dbghelp.dll", "samlib.dll", "vaultcli.dll"};
  private static final String[] REG = {"HKLM\\SYSTEM\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\",
      "HKU\\S-1-5-21-1004336348-1177238915-682003330-1104\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\",
      "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\"};
  /** What cmd.exe looks up in the noise: only names the rule excludes, so noise never pairs. */
  private static final String[] SHELL_DNS = {"wpad", "WPAD", "localhost", "ocsp.digicert.com", "crl.comodoca.com"};
  private static final String[] RESIDENT = {Programs.SVCHOST, Programs.EXPLORER, Programs.SERVICES,
      Programs.SYS32 + "lsass.exe", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24030.9-0\\MsMpEng.exe"};

  private final Population pop;
  private final long seed;
  private final String file;
  private final Shapes s;
  private final long events;
  private final long start;
  private final long span;
  private final List<SysEvent> planted;
  private final Consumer<EcsEvent> sink;
  private final JsonLine json = new JsonLine();
  private final Clock clock = new Clock();
  private final SysEvent noise = new SysEvent();
  private final Proc[] pool = new Proc[POOL];
  private final Map<Host, Map<String, Proc>> resident = new HashMap<>();
  private long guids;
  final long[] byCode = new long[23];

  SysmonStream(Population pop, long seed, String file, long events, long startMillis, long spanMillis,
      List<SysEvent> planted, Consumer<EcsEvent> sink) {
    this.pop = pop;
    this.seed = seed;
    this.file = file;
    this.s = new Shapes(new SplittableRandom(seed ^ 0x0005_5e55_0001L));
    this.events = events;
    this.start = startMillis;
    this.span = spanMillis;
    this.planted = planted;
    this.sink = sink;
  }

  /** Writes the file; returns the number of events. */
  long write(Path path) throws IOException {
    long noiseCount = Math.max(0, events - planted.size());
    double mean = Math.max(1.0, (double) span / Math.max(1, noiseCount));
    long nominal = start;
    long last = start - 1;
    int p = 0;
    try (Output out = new Output(path)) {
      for (long i = 0; i < noiseCount; i++) {
        nominal += 1 + (long) (-Math.log(1 - s.rng.nextDouble()) * (mean - 1));
        for (; p < planted.size() && planted.get(p).millis <= nominal; p++) {
          last = emit(out, planted.get(p), last, planted.get(p).millis);
        }
        last = emit(out, next(noise.clear()), last, nominal);
      }
      for (; p < planted.size(); p++) {
        last = emit(out, planted.get(p), last, planted.get(p).millis);
      }
      return out.lines();
    }
  }

  private long emit(Output out, SysEvent e, long last, long nominal) throws IOException {
    long t = Math.max(last + 1, nominal);
    String time = clock.elastic(t * Clock.TICKS_PER_MS);
    String id = Ids.eventId(seed, 0x5e5, out.lines() + 1);
    long line = out.line(document(e, time, id));
    sink.accept(new EcsEvent(file, line, id, time, t, List.of(category(e.code)), List.of(types(e.code)), "windows",
        e.proc.name(), e.withEntityId ? e.proc.guid() : null, e.destIp, e.dnsName));
    byCode[e.code]++;
    return t;
  }

  /** Fills a noise event. */
  private SysEvent next(SysEvent e) {
    int r = s.rng.nextInt(100);
    if (r < 30) {
      Host h = pop.hosts[s.rng.nextInt(pop.hosts.length)];
      Program prog = Programs.pick(s);
      Account a = prog.system() ? pop.system : s.chance(0.9) ? h.owner() : pop.accounts[s.rng.nextInt(pop.accounts.length)];
      Proc proc = new Proc(guid(h), s.pid(), prog.image(a), h, a, prog.net());
      pool[s.rng.nextInt(POOL)] = proc;
      e.code = 1;
      e.host = h;
      e.proc = proc;
      e.parent = resident(h, prog.parent());
      e.commandLine = prog.maker().make(s, h, a);
      return e;
    }
    e.code = r < 52 ? 3 : r < 72 ? 22 : r < 84 ? 5 : r < 90 ? 7 : r < 96 ? 11 : 13;
    Proc proc = s.chance(0.8) ? pool[s.rng.nextInt(POOL)] : null;
    if (proc == null || (e.code == 3 || e.code == 22) && (proc.net() == Net.NONE
        || proc.net() == Net.SHELL && s.chance(0.8))) {
      Host h = proc != null ? proc.host() : pop.hosts[s.rng.nextInt(pop.hosts.length)];
      proc = resident(h, s.chance(0.8) ? Programs.SVCHOST : RESIDENT[s.rng.nextInt(RESIDENT.length)]);
    }
    e.proc = proc;
    e.host = proc.host();
    switch (e.code) {
      case 3 -> network(e, proc);
      case 22 -> e.dnsName = switch (proc.net()) {
        case SHELL -> s.pickOf(SHELL_DNS);
        case INTERNAL -> s.internalName();
        case MIXED -> s.chance(0.5) ? s.internalName() : s.externalName();
        default -> s.chance(0.85) ? s.externalName() : s.pick("wpad", "localhost", "ocsp.digicert.com");
      };
      case 7 -> e.path = Programs.SYS32 + DLLS[s.rng.nextInt(DLLS.length)];
      case 11 -> e.path = "C:\\Users\\" + proc.user().user() + "\\AppData\\Local\\Temp\\" + s.clsid() + ".tmp";
      case 13 -> e.path = REG[s.rng.nextInt(REG.length)] + Programs.basename(proc.image());
      default -> { }
    }
    return e;
  }

  private void network(SysEvent e, Proc proc) {
    boolean external = switch (proc.net()) {
      case WEB -> s.chance(0.8);
      case MIXED -> s.chance(0.5);
      default -> false;
    };
    e.transport = "tcp";
    e.sourceIp = proc.host().ip();
    e.sourcePort = s.n(49152, 65535);
    if (external) {
      e.destIp = s.publicIp();
      e.destPort = s.pick(443, 443, 443, 80);
    } else if (proc.net() == Net.SHELL) {
      e.destIp = s.chance(0.7) ? s.privateIp() : "127.0.0.1";
      e.destPort = s.pick(445, 139, 8080);
    } else {
      e.destIp = s.chance(0.95) ? s.privateIp() : s.pick("224.0.0.251", "ff02::fb", "fe80::1", "239.255.255.250");
      e.destPort = s.pick(445, 135, 389, 88, 53, 3389, 5985, 1433, 5353, 1900);
      if (e.destPort == 53 || e.destPort == 5353 || e.destPort == 1900) {
        e.transport = "udp";
      }
    }
    if (e.destIp.indexOf(':') >= 0) {
      e.sourceIp = "fe80::" + Hex.of(proc.host().guidPrefix().hashCode(), 4) + ":1";
    }
  }

  /** A long-running process of the host, started before the collection: stable GUID, never a Sysmon 1 here. */
  private Proc resident(Host h, String image) {
    return resident.computeIfAbsent(h, k -> new HashMap<>()).computeIfAbsent(image,
        i -> new Proc(guid(h), s.pid(), i, h, i.endsWith("explorer.exe") ? h.owner() : pop.system,
            i.endsWith("svchost.exe") || i.endsWith("MsMpEng.exe") ? Net.WEB : Net.INTERNAL));
  }

  /** A Sysmon ProcessGuid: the host's prefix, then unique per file. */
  private String guid(Host h) {
    StringBuilder b = new StringBuilder(38).append('{').append(h.guidPrefix()).append('-');
    Hex.append(b, s.rng.nextInt(), 4);
    b.append("-66");
    Hex.append(b, s.rng.nextInt(), 2);
    b.append('-');
    Hex.append(b, s.rng.nextInt(), 4);
    b.append('-');
    Hex.append(b, 0x1000 + guids++, 12);
    return b.append('}').toString();
  }

  static String[] category(int code) {
    return switch (code) {
      case 1, 5, 7 -> new String[] {"process"};
      case 3, 22 -> new String[] {"network"};
      case 11 -> new String[] {"file"};
      default -> new String[] {"configuration", "registry"};
    };
  }

  static String[] types(int code) {
    return switch (code) {
      case 1 -> new String[] {"start"};
      case 3 -> new String[] {"start", "connection", "protocol"};
      case 22 -> new String[] {"connection", "protocol", "info"};
      case 5 -> new String[] {"end"};
      case 7 -> new String[] {"change"};
      case 11 -> new String[] {"creation"};
      default -> new String[] {"change"};
    };
  }

  private static String action(int code) {
    return switch (code) {
      case 1 -> "Process creation";
      case 3 -> "Network connection";
      case 22 -> "DNSEvent (DNS query)";
      case 5 -> "Process terminated";
      case 7 -> "Image loaded (rule: ImageLoad)";
      case 11 -> "File created (rule: FileCreate)";
      default -> "Registry value set (rule: RegistryEvent)";
    };
  }

  private CharSequence document(SysEvent e, String time, String id) {
    Proc p = e.proc;
    JsonLine j = json.begin().str("@timestamp", time)
        .open("event").str("id", id).str("code", Integer.toString(e.code)).str("kind", "event")
        .str("provider", "Microsoft-Windows-Sysmon").str("module", "sysmon")
        .str("dataset", "windows.sysmon_operational").strs("category", category(e.code)).strs("type", types(e.code))
        .str("action", action(e.code)).close()
        .open("host").str("name", p.host().ecsName()).open("os").str("type", "windows").str("family", "windows")
        .str("build", p.host().server() ? "17763.5696" : "19045.4291").close().close()
        .open("process");
    if (e.withEntityId) {
      j.str("entity_id", p.guid());
    }
    j.num("pid", p.pid()).str("executable", p.image()).str("name", p.name());
    if (e.code == 1) {
      j.str("command_line", e.commandLine);
      if (e.parent != null) {
        j.open("parent").str("entity_id", e.parent.guid()).num("pid", e.parent.pid())
            .str("executable", e.parent.image()).str("name", e.parent.name()).close();
      }
    }
    j.close();
    if (p.user() != null) {
      j.open("user").str("name", p.user().user()).str("domain", p.user().domain()).close();
    }
    switch (e.code) {
      case 3 -> j.open("source").str("ip", e.sourceIp).num("port", e.sourcePort).close()
          .open("destination").str("ip", e.destIp).num("port", e.destPort).close()
          .open("network").str("transport", e.transport).str("direction", "egress")
          .str("type", e.destIp.indexOf(':') >= 0 ? "ipv6" : "ipv4").close();
      case 22 -> j.open("dns").open("question").str("name", e.dnsName).close().close()
          .open("network").str("protocol", "dns").close();
      case 7 -> j.open("dll").str("path", e.path).str("name", Programs.basename(e.path)).close();
      case 11 -> j.open("file").str("path", e.path).str("name", Programs.basename(e.path)).close();
      case 13 -> j.open("registry").str("path", e.path).str("value", Programs.basename(e.path)).close();
      default -> { }
    }
    return j.end();
  }
}
