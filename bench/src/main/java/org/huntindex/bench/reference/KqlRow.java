package org.huntindex.bench.reference;

import java.util.List;

/**
 * One output row of hunt A (HUNTS.md A.3 step 10): {@code Host_count, IP, Process, CommandLine, FirstSeen, LastSeen,
 * Hosts, Accounts}, plus, for the intended hunt, the evidence locations.
 *
 * <p>{@code hosts}/{@code accounts} are the sets {@code makeset} returns (at most 128, in first-seen order);
 * {@code allHosts}/{@code allAccounts} are every distinct value, which decides the row when the cap cut some off.
 */
public record KqlRow(int hostCount, String ip, String process, String commandLine, String firstSeen, String lastSeen,
    List<String> hosts, List<String> accounts, List<String> allHosts, List<String> allAccounts, List<String> evidence) {}
