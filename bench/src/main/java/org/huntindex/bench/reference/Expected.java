package org.huntindex.bench.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The expected output of every hunt as NDJSON, in the shapes {@code hunt run --format ndjson} prints (DESIGN.md):
 * hunt A rows with {@code Hosts}/{@code Accounts} sorted (they are sets), hunt B sequences with each event's fields and
 * evidence location ({@code log.file.path} relative to the collection directory).
 */
public final class Expected {
  public static final String FAITHFUL_A = "sentinel-external-ip-in-command-line";
  public static final String INTENDED_A = "external-ip-in-command-line";
  public static final String FAITHFUL_B = "elastic-command-prompt-network-connection";
  public static final List<String> HUNTS = List.of(FAITHFUL_A, INTENDED_A, FAITHFUL_B);
  private static final JsonFactory FACTORY = new JsonFactory();

  private Expected() {}

  /** Runs the three reference models over the collection in {@code dir}; results keyed in {@link #HUNTS} order. */
  public static Results compute(Path dir) throws IOException {
    KqlHunt a = new KqlHunt();
    IntendedHunt intended = new IntendedHunt();
    EqlHunt b = new EqlHunt();
    Path sec = Collection.find(dir, Collection.SECURITY);
    if (sec != null) {
      Collection.securityRows(sec, r -> {
        a.accept(r);
        intended.accept(r);
      });
    }
    Path sys = Collection.find(dir, Collection.SYSMON);
    if (sys != null) {
      Collection.ecsEvents(sys, b::accept);
    }
    return new Results(a.result(), intended.result(), b.result());
  }

  /** What the three models returned. */
  public record Results(List<KqlRow> faithfulA, List<KqlRow> intendedA, List<EqlSequence> faithfulB) {
    /** The NDJSON text of one hunt's expected output. */
    public String ndjson(String hunt) {
      StringBuilder b = new StringBuilder();
      switch (hunt) {
        case FAITHFUL_A -> faithfulA.forEach(r -> b.append(kql(r, false)).append('\n'));
        case INTENDED_A -> intendedA.forEach(r -> b.append(kql(r, true)).append('\n'));
        case FAITHFUL_B -> faithfulB.forEach(s -> b.append(eql(s)).append('\n'));
        default -> throw new IllegalArgumentException("unknown hunt " + hunt + "; known: " + HUNTS);
      }
      return b.toString();
    }

    public int count(String hunt) {
      return switch (hunt) {
        case FAITHFUL_A -> faithfulA.size();
        case INTENDED_A -> intendedA.size();
        default -> faithfulB.size();
      };
    }

    /** Writes {@code <hunt-id>.ndjson} for every hunt into {@code dir}. */
    public void write(Path dir) throws IOException {
      Files.createDirectories(dir);
      for (String h : HUNTS) {
        Files.writeString(dir.resolve(h + ".ndjson"), ndjson(h), StandardCharsets.UTF_8);
      }
    }
  }

  static String kql(KqlRow r, boolean evidence) {
    return json(g -> {
      g.writeNumberField("Host_count", r.hostCount());
      g.writeStringField("IP", r.ip());
      g.writeStringField("Process", r.process());
      g.writeStringField("CommandLine", r.commandLine());
      g.writeStringField("FirstSeen", r.firstSeen());
      g.writeStringField("LastSeen", r.lastSeen());
      array(g, "Hosts", r.hosts().stream().sorted().toList());
      array(g, "Accounts", r.accounts().stream().sorted().toList());
      if (evidence) {
        array(g, "Evidence", r.evidence());
      }
    });
  }

  static String eql(EqlSequence s) {
    return json(g -> {
      array(g, "join_keys", List.of(s.joinKey()));
      g.writeArrayFieldStart("events");
      for (EcsEvent e : List.of(s.start(), s.network())) {
        g.writeStartObject();
        g.writeStringField("@timestamp", e.timestamp());
        array(g, "event.category", e.category());
        g.writeStringField("process.name", e.processName());
        g.writeStringField("process.entity_id", e.entityId());
        if (e.destinationIp() != null) {
          g.writeStringField("destination.ip", e.destinationIp());
        }
        if (e.dnsQuestionName() != null) {
          g.writeStringField("dns.question.name", e.dnsQuestionName());
        }
        if (e.eventId() != null) {
          g.writeStringField("event.id", e.eventId());
        }
        g.writeStringField("log.file.path", e.file());
        g.writeNumberField("log.file.line", e.line());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Body body) {
    Writer w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void array(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
