package org.huntindex.normalize;

import java.util.Map;
import org.huntindex.source.RawRecord;

/**
 * PowerShell's {@code Get-WinEvent} objects exported with {@code ConvertTo-Json} or {@code Export-Csv}: {@code Id},
 * {@code LogName}, {@code MachineName}, {@code TimeCreated} ({@code /Date(ms)/} from Windows PowerShell), {@code
 * RecordId}, {@code ProviderName} and the rendered {@code Message}. The event's data travels as {@code Properties}, by
 * position only: its names are not in the export, so the values stay raw and no profile can map them.
 */
final class GetWinEventShape implements RecordShape {
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
        default -> w.put(SYSTEM.getOrDefault(key, key), value);
      }
    }
    return w;
  }

  /**
   * The object's other System properties, named as the EVTX reader names them: {@code ProcessId} is the process that
   * logged the event, never the {@code ProcessId} a 4688's data means.
   */
  private static final Map<String, String> SYSTEM = Map.of("ProcessId", "System.Execution.ProcessID",
      "ThreadId", "System.Execution.ThreadID", "Version", "System.Version", "Level", "System.Level", "Task",
      "System.Task", "Opcode", "System.Opcode", "Keywords", "System.Keywords", "ProviderId", "System.Provider.Guid",
      "UserId", "System.Security.UserID", "ActivityId", "System.Correlation.ActivityID");
}
