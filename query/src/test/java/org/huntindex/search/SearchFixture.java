package org.huntindex.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.huntindex.index.IndexBuilder;
import org.huntindex.schema.Field;

/**
 * A small ECS JSON-lines collection indexed through the real ingest path. Each event's {@code event.id} names it in
 * assertions. The newest event is e14 at 2024-05-03T06:00Z.
 */
final class SearchFixture {
  static final List<String> EVENTS = List.of(
      // e1: encoded PowerShell on WS0042 (Security 4688)
      """
      {"@timestamp":"2024-05-01T08:15:00Z","event":{"id":"e1","code":4688,"category":["process"],"type":["start"]},\
      "host":{"name":"WS0042.contoso.local"},"user":{"name":"alice","domain":"CONTOSO"},\
      "process":{"name":"powershell.exe","executable":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",\
      "command_line":"powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA","pid":4242,\
      "parent":{"name":"WINWORD.EXE"}},"winlog":{"channel":"Security"}}""",
      // e2: mimikatz on WS0043 (Sysmon 1)
      """
      {"@timestamp":"2024-05-01T09:00:00Z","event":{"id":"e2","code":1,"category":["process"],"type":["start"]},\
      "host":{"name":"WS0043.contoso.local"},"user":{"name":"bob"},\
      "process":{"name":"mimikatz.exe","executable":"C:\\\\Users\\\\bob\\\\Downloads\\\\mimikatz.exe",\
      "command_line":"mimikatz.exe \\"privilege::debug\\" \\"sekurlsa::logonpasswords\\" exit","pid":5150},\
      "winlog":{"channel":"Microsoft-Windows-Sysmon/Operational"}}""",
      // e3: DNS-ish connection from WS0042 at 10:00+02:00, i.e. 08:00Z
      """
      {"@timestamp":"2024-05-01T10:00:00+02:00","event":{"id":"e3","code":3,"category":["network"],\
      "type":["connection","start"]},"host":{"name":"WS0042.contoso.local"},"process":{"name":"svchost.exe"},\
      "source":{"ip":"10.1.2.42","port":50123},"destination":{"ip":"8.8.8.8","port":53},"network":{"transport":"udp"}}""",
      // e4: SMB to a file server
      """
      {"@timestamp":"2024-05-02T12:30:00Z","event":{"id":"e4","code":3,"category":["network"],"type":["connection"]},\
      "host":{"name":"SRV01.contoso.local"},"process":{"name":"System"},\
      "source":{"ip":"10.1.2.43","port":50200},"destination":{"ip":"10.1.2.3","port":445},"network":{"transport":"tcp"}}""",
      // e5: IPv6 destination
      """
      {"@timestamp":"2024-05-02T23:59:59Z","event":{"id":"e5","code":3,"category":["network"],"type":["connection"]},\
      "host":{"name":"WS0042.contoso.local"},"process":{"name":"chrome.exe"},\
      "source":{"ip":"2001:db8::42","port":50300},"destination":{"ip":"2001:db8:0:1::10","port":443}}""",
      // e6: IPv4-mapped IPv6 destination as some exporters write it
      """
      {"@timestamp":"2024-05-03T00:00:00Z","event":{"id":"e6","code":3,"category":["network"],"type":["connection"]},\
      "host":{"name":"WS0043.contoso.local"},"process":{"name":"rundll32.exe"},\
      "source":{"ip":"10.1.2.43","port":50400},"destination":{"ip":"::ffff:45.76.1.2","port":443}}""",
      // e7..e9: failed logons on DC01, raw fields kept under their source names
      """
      {"@timestamp":"2024-05-02T01:00:00Z","event":{"id":"e7","code":4625,"category":["authentication"],\
      "type":["start"],"outcome":"failure"},"host":{"name":"DC01.contoso.local"},"user":{"name":"Administrator"},\
      "TargetUserName":"Administrator","LogonType":3,"source":{"ip":"45.76.9.9"},"winlog":{"channel":"Security"},\
      "message":"An account failed to log on."}""",
      """
      {"@timestamp":"2024-05-02T01:00:05Z","event":{"id":"e8","code":4625,"category":["authentication"],\
      "type":["start"],"outcome":"failure"},"host":{"name":"DC01.contoso.local"},"user":{"name":"admin"},\
      "TargetUserName":"admin","LogonType":3,"source":{"ip":"45.76.9.9"},"winlog":{"channel":"Security"},\
      "message":"An account failed to log on."}""",
      """
      {"@timestamp":"2024-05-02T01:00:09Z","event":{"id":"e9","code":4625,"category":["authentication"],\
      "type":["start"],"outcome":"failure"},"host":{"name":"WS0042.contoso.local"},"user":{"name":"Administrator"},\
      "TargetUserName":"Administrator","LogonType":10,"source":{"ip":"45.77.1.1"},"winlog":{"channel":"Security"},\
      "message":"An account failed to log on."}""",
      // e10: a successful logon
      """
      {"@timestamp":"2024-05-02T02:00:00Z","event":{"id":"e10","code":4624,"category":["authentication"],\
      "type":["start"],"outcome":"success"},"host":{"name":"DC01.contoso.local"},"user":{"name":"svc_backup"},\
      "TargetUserName":"svc_backup","LogonType":5,"winlog":{"channel":"Security"}}""",
      // e11: net use to an external share
      """
      {"@timestamp":"2024-05-02T03:00:00Z","event":{"id":"e11","code":4688,"category":["process"],"type":["start"]},\
      "host":{"name":"WS0043.contoso.local"},"user":{"name":"bob"},"process":{"name":"net.exe",\
      "command_line":"net use \\\\\\\\45.76.3.4\\\\share /user:guest","parent":{"name":"cmd.exe",\
      "command_line":"cmd.exe /c net use"}},"winlog":{"channel":"Security"}}""",
      // e12: rundll32 launching from a temp folder
      """
      {"@timestamp":"2024-05-02T04:00:00Z","event":{"id":"e12","code":4688,"category":["process"],"type":["start"]},\
      "host":{"name":"ws0044.contoso.local"},"user":{"name":"carol"},"process":{"name":"rundll32.exe",\
      "command_line":"rundll32.exe C:\\\\Users\\\\carol\\\\AppData\\\\Local\\\\Temp\\\\x.dll,DllRegisterServer"},\
      "winlog":{"channel":"Security"}}""",
      // e13: a DNS query
      """
      {"@timestamp":"2024-05-02T05:00:00Z","event":{"id":"e13","code":22,"category":["network"],\
      "type":["protocol","info"]},"host":{"name":"WS0043.contoso.local"},"process":{"name":"rundll32.exe"},\
      "dns":{"question":{"name":"evil.duckdns.org"}}}""",
      // e14: the newest event
      """
      {"@timestamp":"2024-05-03T06:00:00Z","event":{"id":"e14","code":4688,"category":["process"],"type":["start"]},\
      "host":{"name":"SRV01.contoso.local"},"user":{"name":"svc_backup"},"process":{"name":"wbadmin.exe",\
      "command_line":"wbadmin start backup -backupTarget:\\\\\\\\10.1.2.3\\\\backup -quiet"},\
      "winlog":{"channel":"Security"},"IpAddress":"LOCAL"}""");

  private SearchFixture() {}

  /** Writes the events to {@code dir/events.jsonl} and indexes them into {@code dir/idx}. */
  static Path index(Path dir) throws IOException {
    return index(dir, EVENTS);
  }

  /** Writes {@code events} to {@code dir/events.jsonl} and indexes them into {@code dir/idx}. */
  static Path index(Path dir, List<String> events) throws IOException {
    Path input = Files.write(dir.resolve("events.jsonl"), events);
    Path idx = dir.resolve("idx");
    new IndexBuilder(idx, IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream())))
        .index(List.of(input));
    return idx;
  }

  /** The {@code event.id}s of every event the query matches, sorted by number. */
  static Set<String> ids(SearchIndex idx, String query) throws IOException {
    Set<String> ids = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)),
        Integer.parseInt(b.substring(1))));
    for (Hit h : idx.search(idx.parse(query), SearchSort.parse(Field.TIMESTAMP.fieldName()), 0).hits()) {
      ids.add(h.get(Field.EVENT_ID.fieldName()).getFirst().toString());
    }
    return ids;
  }
}
