package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;
import org.junit.jupiter.api.Test;

/** Every alias is what normalization does: the named field's value lands unchanged in the alias's field. */
class SourceNamesTest {
  private final Normalizer normalizer = new Normalizer();

  @Test
  void everyAliasedNameLandsUnchangedInItsFieldForTheEventsNamedAndOnlyThere() {
    int checked = 0;
    for (String name : SourceNames.names()) {
      for (SourceNames.Alias a : SourceNames.of(name)) {
        if (a.channel() == null) {
          continue;
        }
        String value = valueFor(a.field(), name);
        for (long id : a.eventIds().isEmpty() ? List.of(5L) : a.eventIds()) {
          Event e = normalizer.normalize(record(a.channel(), id, name, value));
          assertEquals(value, String.valueOf(e.get(a.field())), name + " in " + a.channel() + "/" + id);
          for (int i = 0; i < e.rawSize(); i++) {
            assertFalse(e.rawName(i).equals(name), name + " also kept raw in " + a.channel() + "/" + id);
          }
          checked++;
        }
        Event other = normalizer.normalize(record(a.channel(), 4_000_000L, name, value));
        if (!a.eventIds().isEmpty()) {
          assertFalse(value.equals(String.valueOf(other.get(a.field()))), name + " copied for an unlisted event id");
        }
      }
    }
    // Security: 4624 and 4625 six copies each, 4688 and 5156 seven, 4689 four; Sysmon: fourteen names, one event each,
    // and the four source-process names of 8 and 10, two events each
    assertEquals(52, checked);
  }

  @Test
  void theSystemNamesAndTheWindowsNamesAnalystsTypeAreAliases() {
    assertEquals(List.of(new SourceNames.Alias(Field.EVENT_CODE, null, List.of())), SourceNames.of("EventID"));
    assertEquals(List.of(new SourceNames.Alias(Field.PROCESS_COMMAND_LINE, "microsoft-windows-sysmon/operational",
        List.of(1L)), new SourceNames.Alias(Field.PROCESS_COMMAND_LINE, "security", List.of(4688L))),
        SourceNames.of("CommandLine").stream().sorted(java.util.Comparator.comparing(SourceNames.Alias::channel))
            .toList());
    assertEquals(List.of(new SourceNames.Alias(Field.SOURCE_IP, "security", List.of(4624L, 4625L))),
        SourceNames.of("IpAddress"));
    assertEquals(List.of(new SourceNames.Alias(Field.PROCESS_EXECUTABLE, "microsoft-windows-sysmon/operational",
        List.of())), SourceNames.of("Image"));
    assertEquals(List.of(), SourceNames.of("LogonType"));
    assertEquals(List.of(new SourceNames.Alias(Field.PROCESS_PID, "security", List.of(4688L))),
        SourceNames.of("NewProcessId"));
    // the creator's id in a 4688, the process's own everywhere else
    assertEquals(List.of(new SourceNames.Alias(Field.PROCESS_PID, "microsoft-windows-sysmon/operational", List.of()),
        new SourceNames.Alias(Field.PROCESS_PID, "security", List.of(4624L, 4625L, 4689L, 5156L)),
        new SourceNames.Alias(Field.PARENT_PID, "security", List.of(4688L))), SourceNames.of("ProcessId").stream()
            .sorted(java.util.Comparator.comparing((SourceNames.Alias a) -> a.field().ordinal())
                .thenComparing(SourceNames.Alias::channel)).toList());
  }

  private static String valueFor(Field field, String name) {
    if (field.kind() == FieldKind.IP) {
      return "198.51.100.7";
    }
    if (field.kind() == FieldKind.LONG) {
      return "4242";
    }
    if (field == Field.PROCESS_ENTITY_ID || field == Field.PARENT_ENTITY_ID) {
      return "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}";
    }
    return "C:\\Probe\\" + name + " value";
  }

  private static org.huntindex.source.RawRecord record(String channel, long id, String name, String value) {
    return new org.huntindex.source.RawRecord("evtx", "a.evtx", 1).add("System.Channel", channel)
        .add("System.EventID", id).add("System.Computer", "host").add("EventData." + name, value);
  }
}
