package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.huntindex.source.RawRecord;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The Security and System labels of {@link MessageLabels} against real events that carry both their rendered message
 * and their data: NXLog's records in the shared OTRF datasets. Every value a label gives is the value the event's data
 * holds under the name the label is translated to.
 */
class MessageLabelsRealDataTest {
  /** NXLog's own fields and the System part, which the message does not hold. */
  private static final List<String> NOT_DATA = List.of("Message", "EventID", "Channel", "Hostname", "Keywords");

  @Test
  void everyTranslatedLabelGivesTheValueTheEventsDataHolds() {
    List<RawRecord> rendered = Collections.synchronizedList(new ArrayList<>());
    SharedData.eachRecord(SharedData.realData().resolve("otrf-security-datasets"), r -> {
      if (r.get("Channel") != null && r.get("Message") != null && r.get("EventID") != null) {
        rendered.add(r);
      }
    });

    Map<Long, int[]> checkedByEvent = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (RawRecord r : rendered) {
      WindowsRecord w = new WindowsRecord(8);
      w.channel = Values.text(r.get("Channel"));
      w.eventId = Values.integer(r.get("EventID"));
      w.message = Values.text(r.get("Message"));
      if (MessageLabels.of(w) == null) {
        continue;
      }
      MessageLabels.fromMessage(w);
      int[] checked = checkedByEvent.computeIfAbsent(w.eventId, id -> new int[1]);
      for (Map.Entry<String, Object> e : w.data.entrySet()) {
        // one NXLog collection (its channel spelt security) wrote its data XML-escaped and its messages not
        String raw = dataValue(r, e.getKey());
        String actual = raw == null ? null : NxlogShape.xmlUnescaped(raw);
        String fromLabel = e.getValue().toString();
        // %%n is a message-table reference, which the message shows rendered ("Outbound" for %%14593)
        if (actual != null && actual.startsWith("%%")) {
          continue;
        }
        checked[0]++;
        if (actual == null || !actual.strip().equalsIgnoreCase(fromLabel)) {
          wrong.add(w.eventId + " " + e.getKey() + ": label gave '" + fromLabel + "', data holds '" + actual + "' ("
              + r.location() + ":" + r.position() + ")");
        }
      }
    }
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " values differ");
    // the events the samples hold rendered, each with its values checked
    for (long id : new long[] {4624, 4634, 4648, 4656, 4658, 4663, 4670, 4672, 4673, 4674, 4688, 4689, 4690, 4697,
        4702, 4703, 4769, 4776, 5140, 5145, 5152, 5154, 5156, 5158, 7045}) {
      assertTrue(checkedByEvent.containsKey(id) && checkedByEvent.get(id)[0] > 0, id + " not checked: "
          + checkedByEvent.keySet());
    }
  }

  /**
   * Every real NXLog process start (Security 4688) whose message names its command line normalizes to that command
   * line, as the message shows it, whatever the collection did to its data (one wrote it XML-escaped).
   */
  @Test
  void processStartsHaveTheCommandLineTheirMessageShows() {
    Normalizer normalizer = new Normalizer();
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    int[] checked = {0};
    SharedData.eachRecord(SharedData.realData().resolve("otrf-security-datasets"), r -> {
      String message = Values.text(r.get("Message"));
      int label = message == null ? -1 : message.indexOf("Process Command Line:");
      if (label < 0 || !Long.valueOf(4688).equals(Values.integer(r.get("EventID")))) {
        return;
      }
      int end = message.indexOf('\n', label);
      String shown = message.substring(label + "Process Command Line:".length(), end < 0 ? message.length() : end)
          .strip();
      String normalized = normalizer.normalize(r).string(org.huntindex.schema.Field.PROCESS_COMMAND_LINE);
      synchronized (checked) {
        checked[0]++;
      }
      if (!shown.isEmpty() && !shown.equals(normalized == null ? null : normalized.strip())) {
        wrong.add(r.location() + ":" + r.position() + " shows '" + shown + "', normalized '" + normalized + "'");
      }
    });
    assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size() + " differ");
    assertTrue(checked[0] > 500, checked[0] + " checked");
  }

  /** The record's data field of that name, whatever its case (NXLog writes 5156's ProcessID as ProcessId). */
  private static String dataValue(RawRecord r, String name) {
    for (int i = 0; i < r.size(); i++) {
      if (r.name(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && !NOT_DATA.contains(r.name(i))) {
        return Values.text(r.value(i));
      }
    }
    return null;
  }
}
