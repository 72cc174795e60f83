package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.source.RawRecord;

/**
 * PowerShell's {@code Get-WinEvent} objects exported with {@code ConvertTo-Json} or {@code Export-Csv}: {@code Id},
 * {@code LogName}, {@code MachineName}, {@code TimeCreated} ({@code /Date(ms)/} from Windows PowerShell), {@code
 * RecordId}, {@code ProviderName} and the rendered {@code Message}. The event's data travels as {@code Properties}, by
 * position only; where {@link EventDataLayouts} knows the event's layout the values take its names, as an EVTX
 * record's would, else they stay raw under {@code Properties.Value}.
 */
final class GetWinEventShape implements RecordShape {
  private static final String VALUE = "Properties.Value";
  /** A security identifier exported deeper than {@code ConvertTo-Json}'s default depth: its text is its Value. */
  private static final String OBJECT_VALUE = VALUE + ".Value";

  @Override
  public String name() {
    return "get-winevent";
  }

  @Override
  public boolean matches(RawRecord r) {
    return r.get("Id") != null && r.get("LogName") != null && r.get("MachineName") != null
        && r.get("ProviderName") != null;
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "Id" -> w.eventId = Values.integer(value);
        case "LogName" -> w.channel = Values.text(value);
        case "MachineName" -> w.computer = Values.text(value);
        case "ProviderName" -> w.provider = Values.text(value);
        case "RecordId" -> w.recordId = Values.integer(value);
        case "TimeCreated" -> w.time = Ticks.parse(value);
        case "Message" -> w.message = Values.text(value);
        case VALUE, OBJECT_VALUE -> values.add(value);
        default -> {
          if (!key.startsWith(VALUE + '.')) {
            w.put(WindowsRecord.evtxName(key), value);
          }
        }
      }
    }
    List<String> names = w.eventId == null ? null : EventDataLayouts.of(w.provider, w.eventId, values.size());
    for (int i = 0; i < values.size(); i++) {
      w.put(names == null ? VALUE : names.get(i), values.get(i));
    }
    return w;
  }

}
