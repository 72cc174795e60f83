package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;

/**
 * Where a Windows event's named fields went: for each name whose value a mapping profile copies unchanged into a schema
 * field, that field and the events whose profile does so. Normalization takes such a value out of the raw fields, so a
 * search by the Windows name ({@code CommandLine}, {@code IpAddress}) finds those events through this table.
 */
public final class SourceNames {
  /** The lower-cased channels whose events have aliases. */
  public static final String SECURITY = Profiles.SECURITY;
  public static final String SYSMON = Profiles.SYSMON;

  /**
   * Events of {@code channel} (lower case; null: every event) with one of {@code eventIds} (empty: any) hold the named
   * field's value in {@code field}.
   */
  public record Alias(Field field, String channel, List<Long> eventIds) {

    /** Whether an event of this channel and id holds the named field's value in {@link #field}. */
    public boolean covers(String eventChannel, Long eventId) {
      return channel == null || (eventChannel != null && Ascii.lower(eventChannel).equals(channel)
          && (eventIds.isEmpty() || eventIds.contains(eventId)));
    }
  }

  /** The System part of every Windows shape, whatever the export calls it internally. */
  private static final Map<String, Field> SYSTEM = Map.of(
      "EventID", Field.EVENT_CODE, "Computer", Field.HOST_NAME, "Channel", Field.WINLOG_CHANNEL);

  private static final Map<String, List<Alias>> BY_NAME = build();
  /** name, channel and event id of each copy Windows writes in hexadecimal. */
  private static final Set<String> HEX = hexCopies();

  private SourceNames() {}

  /** The schema fields that hold the named field's value, and for which events; empty for other names. */
  public static List<Alias> of(String name) {
    return BY_NAME.getOrDefault(name, List.of());
  }

  /**
   * Whether Windows writes the named field of events of this channel (any case) and id in hexadecimal ({@code
   * NewProcessId} 0x1ecc), so that its value is shown so by that name.
   */
  public static boolean writtenInHex(String name, String channel, Long eventId) {
    return channel != null && HEX.contains(hexKey(name, Ascii.lower(channel), eventId));
  }

  private static Set<String> hexCopies() {
    Set<String> hex = new HashSet<>();
    Profiles.all().forEach((channel, profiles) -> profiles.forEach((eventId, profile) -> {
      for (Profile.Copy c : profile.copies()) {
        if (c.hex()) {
          hex.add(hexKey(c.source(), channel, eventId));
        }
      }
    }));
    return Set.copyOf(hex);
  }

  private static String hexKey(String name, String channel, Long eventId) {
    return name + '|' + channel + '|' + eventId;
  }

  /** Every name with an alias, sorted. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(BY_NAME.keySet()));
  }

  private static Map<String, List<Alias>> build() {
    // name -> field -> channel -> event ids, null standing for any event of the channel
    Map<String, Map<Field, Map<String, Set<Long>>>> copies = new LinkedHashMap<>();
    Profiles.all().forEach((channel, profiles) -> profiles.forEach((eventId, profile) -> {
      for (Profile.Copy c : profile.copies()) {
        copies.computeIfAbsent(c.source(), k -> new LinkedHashMap<>()).computeIfAbsent(c.field(), k -> new HashMap<>())
            .computeIfAbsent(channel, k -> new HashSet<>()).add(eventId);
      }
    }));
    Map<String, List<Alias>> out = new HashMap<>();
    SYSTEM.forEach((name, field) -> out.put(name, List.of(new Alias(field, null, List.of()))));
    copies.forEach((name, byField) -> {
      List<Alias> aliases = new ArrayList<>();
      byField.forEach((field, byChannel) -> new TreeSet<>(byChannel.keySet()).forEach(channel -> {
        Set<Long> ids = byChannel.get(channel);
        aliases.add(new Alias(field, channel, ids.contains(null) ? List.of() : List.copyOf(new TreeSet<>(ids))));
      }));
      out.put(name, List.copyOf(aliases));
    });
    return Map.copyOf(out);
  }
}
