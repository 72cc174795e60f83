package org.huntindex.normalize;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Windows event log record in one shape, whatever the export it came from: the System part as typed fields, and every
 * other field (EventData, UserData, exporter columns) by name, in source order.
 *
 * <p>Profiles {@link #take} the fields they map; what is left becomes raw fields of the event.
 */
final class WindowsRecord {
  String channel;
  Long eventId;
  String provider;
  String computer;
  /** Event time in ticks: System/TimeCreated, or the export's equivalent. */
  Long time;
  /** Collector or export time in ticks, when the source has one apart from the event time. */
  Long created;
  Long recordId;
  /** Sentinel's {@code Process} and {@code Account} columns, when the source is a Sentinel export. */
  String sentinelProcess;
  String sentinelAccount;
  String message;
  final Map<String, Object> data;

  /**
   * System properties as exports of records name them (Get-WinEvent's objects, EvtxECmd's columns), by the EVTX reader's
   * names: an export's {@code ProcessId} is the process that logged the event, never the {@code ProcessId} a 4688's
   * data means.
   */
  private static final Map<String, String> EVTX_NAMES = Map.of("ProcessId", "System.Execution.ProcessID",
      "ThreadId", "System.Execution.ThreadID", "Version", "System.Version", "Level", "System.Level", "Task",
      "System.Task", "Opcode", "System.Opcode", "Keywords", "System.Keywords", "ProviderId", "System.Provider.Guid",
      "UserId", "System.Security.UserID", "ActivityId", "System.Correlation.ActivityID");

  /** The EVTX reader's name for an exported System property; any other name as it is. */
  static String evtxName(String exported) {
    return EVTX_NAMES.getOrDefault(exported, exported);
  }

  /** For a source record of {@code fields} fields: the data map is sized for them and never grows. */
  WindowsRecord(int fields) {
    data = LinkedHashMap.newLinkedHashMap(fields);
  }

  /** Adds a data field; a repeated name keeps every value. */
  @SuppressWarnings("unchecked")
  void put(String name, Object value) {
    if (value == null) {
      return;
    }
    Object old = data.putIfAbsent(name, value);
    if (old != null) {
      List<Object> list;
      if (old instanceof MultiValue m) {
        list = m.values;
      } else {
        MultiValue m = new MultiValue();
        m.values.add(old);
        data.put(name, m);
        list = m.values;
      }
      if (value instanceof List<?> l) {
        list.addAll((List<Object>) l);
      } else {
        list.add(value);
      }
    }
  }

  /** Removes a data field and returns its text, or null when absent or one of the empty markers {@code "" "-"}. */
  String take(String name) {
    return present(Values.text(data.remove(name)));
  }

  /** The data field's text without removing it, or null as for {@link #take}. */
  String peek(String name) {
    return present(Values.text(data.get(name)));
  }

  private static String present(String s) {
    return s == null || s.isEmpty() || s.equals("-") ? null : s;
  }

  Iterator<Map.Entry<String, Object>> leftovers() {
    return data.entrySet().iterator();
  }

  /** Several values under one name (unnamed EVTX {@code Data} elements, repeated JSON paths). */
  static final class MultiValue {
    final List<Object> values = new java.util.ArrayList<>();

    @Override
    public String toString() {
      return Values.text(values);
    }
  }
}
