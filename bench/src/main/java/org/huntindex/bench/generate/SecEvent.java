package org.huntindex.bench.generate;

import org.huntindex.bench.generate.Population.Account;
import org.huntindex.bench.generate.Population.Host;

/** One Windows Security event to write as a Sentinel {@code SecurityEvent} row; noise reuses one instance. */
final class SecEvent {
  long ticks;
  int eventId;
  Host host;
  /** The subject (4688/4689) or target (4624/4625) account. */
  Account account;
  String image;
  /** Sentinel's {@code Process}; the basename of {@link #image} unless set. */
  String process;
  String commandLine;
  String parentImage;
  int pid;
  int parentPid;
  String sourceIp;
  int sourcePort;
  String destIp;
  int destPort;
  int logonType;

  SecEvent clear() {
    host = null;
    account = null;
    image = process = commandLine = parentImage = sourceIp = destIp = null;
    pid = parentPid = sourcePort = destPort = logonType = 0;
    return this;
  }

  String process() {
    return process != null ? process : image == null ? null : Programs.basename(image);
  }
}
