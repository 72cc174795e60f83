package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huntindex.testing.SharedData;
import org.huntindex.testing.Tools;
import org.junit.jupiter.api.Test;

class EventDataLayoutsTest {
  private static final Pattern PROVIDER = Pattern.compile("<Provider Name=\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile("<EventID[^>]*>(\\d+)<");
  private static final Pattern DATA = Pattern.compile("<Data Name=\"([^\"]*)\"");

  /**
   * Every listed layout the real samples hold is the EventData names of each such record, in order, as {@code
   * evtxexport} prints them: all of them, empty values included, as {@code Get-WinEvent} gives them.
   */
  @Test
  void everyLayoutIsTheNamesOfTheRealRecordsOfItsEventAndCount() throws IOException, InterruptedException {
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    int checked = 0;
    for (Path file : SharedData.allEvtx()) {
      for (String text : Tools.evtxexportXml(file).events()) {
        Matcher provider = PROVIDER.matcher(text);
        Matcher id = ID.matcher(text);
        int data = text.indexOf("<EventData>");
        if (!provider.find() || !id.find() || data < 0) {
          continue;
        }
        List<String> names = DATA.matcher(text.substring(data)).results().map(m -> m.group(1)).toList();
        List<String> layout = EventDataLayouts.of(provider.group(1), Long.parseLong(id.group(1)), names.size());
        if (layout != null) {
          checked++;
          seen.add(provider.group(1) + "/" + id.group(1) + "/" + names.size());
          if (!layout.equals(names)) {
            wrong.add(file.getFileName() + " " + id.group(1) + ": " + names + " but the layout says " + layout);
          }
        }
      }
    }
    assertEquals(List.of(), wrong.stream().distinct().limit(5).toList());
    assertTrue(checked > 3000, checked + " records checked");
    // every layout said to come from the samples is there; the documented ones are not
    Set<String> fromSamples = new TreeSet<>();
    Set<String> documented = new TreeSet<>();
    for (EventDataLayouts.Layout l : EventDataLayouts.all()) {
      (l.documented() ? documented : fromSamples).add(l.provider() + "/" + l.eventId() + "/" + l.names().size());
    }
    assertEquals(fromSamples, seen);
    assertTrue(documented.stream().noneMatch(seen::contains), documented.toString());
    // 4688 version 0, 4689, the two of 5156, PowerShell 4104 and Sysmon 1 with ParentUser
    assertEquals(6, documented.size(), documented.toString());
  }

  @Test
  void layoutsOfTheSamplesNameDfirEventsBeyondTheHunts() {
    assertEquals(List.of("SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "PreviousTime",
        "NewTime", "ProcessId", "ProcessName"), EventDataLayouts.of("Microsoft-Windows-Security-Auditing", 4616, 8));
    assertEquals("PipeName", EventDataLayouts.of("Microsoft-Windows-Sysmon", 17, 7).get(5));
    assertEquals(List.of("AccountName", "AccountDomain", "LogonID", "SessionName", "ClientName", "ClientAddress"),
        EventDataLayouts.of("Microsoft-Windows-Security-Auditing", 4778, 6));
  }

  @Test
  void anUnlistedCountOrEventHasNoLayout() {
    assertEquals(15, EventDataLayouts.of("Microsoft-Windows-Security-Auditing", 4688, 15).size());
    assertNull(EventDataLayouts.of("Microsoft-Windows-Security-Auditing", 4688, 14));
    assertNull(EventDataLayouts.of("Microsoft-Windows-Security-Auditing", 1, 15));
    assertNull(EventDataLayouts.of(null, 4688, 15));
  }
}
