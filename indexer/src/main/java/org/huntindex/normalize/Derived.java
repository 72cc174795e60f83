package org.huntindex.normalize;

import org.huntindex.extract.IpAddresses;
import org.huntindex.extract.IpHit;
import org.huntindex.extract.IpScanner;
import org.huntindex.extract.KqlIpv4Extractor;
import org.huntindex.schema.Field;

/**
 * What hunts read on every run, computed once at ingest: group 1 of hunt A's regex over a Sentinel-style event's
 * command line, and every IPv4/IPv6 address in any command line.
 */
final class Derived {
  private Derived() {}

  static void apply(Event e) {
    String commandLine = e.string(Field.PROCESS_COMMAND_LINE);
    if (commandLine == null) {
      return;
    }
    if (e.has(Field.KQL_PROCESS)) {
      e.set(Field.KQL_IP, KqlIpv4Extractor.extract(commandLine));
    }
    for (IpHit hit : IpScanner.scan(commandLine)) {
      e.add(Field.COMMAND_LINE_IP, IpAddresses.format(hit.address()));
    }
  }
}
