package org.huntindex.bench.generate;

import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;

/** One Sysmon event (1, 3, 22, 5, 7, 11, 13) to write as an ECS document; noise reuses one instance. */
final class SysEvent {
  /** A process as Sysmon identifies it: ProcessGuid ({@code process.entity_id}), pid and image. */
  record Proc(String guid, int pid, String image, Host host, Account user, Programs.Net net) {
    String name() {
      return Programs.basename(image);
    }
  }

  long millis;
  int code;
  Host host;
  Proc proc;
  Proc parent;
  String commandLine;
  String destIp;
  int destPort;
  String sourceIp;
  int sourcePort;
  String transport;
  String dnsName;
  String path;
  /** When false, {@code process.entity_id} is left out (Sysmon's all-zero GUID, dropped by the Elastic pipeline). */
  boolean withEntityId = true;

  SysEvent clear() {
    host = null;
    proc = parent = null;
    commandLine = destIp = sourceIp = transport = dnsName = path = null;
    destPort = sourcePort = 0;
    withEntityId = true;
    return this;
  }
}
