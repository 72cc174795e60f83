package org.huntindex.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a Windows event's data by position, for exports that keep only its values ({@code Get-WinEvent}'s
 * {@code Properties}), by provider, event id and the number of values. The number tells the layouts of one event apart
 * (Windows releases and Sysmon versions add fields at the end, or a first {@code RuleName}, under the same version
 * number); an event whose count is not listed keeps its values unnamed.
 *
 * <p>The layouts are data, in {@code event-data-layouts.tsv} beside this class: the EventData names, in order, of every
 * event in the real EVTX samples the tests read (but those named only {@code param1}, {@code param2}...), and a few
 * documented ones the samples do not hold.
 */
final class EventDataLayouts {
  static final String RESOURCE = "event-data-layouts.tsv";
  private static final Map<String, Layout> LAYOUTS = load();

  /** One layout: its names in order, and whether it comes from the samples or from documentation. */
  record Layout(String provider, long eventId, List<String> names, boolean documented) {}

  private EventDataLayouts() {}

  /** The names of an event's {@code count} data values, in order, or null when that layout is not known. */
  static List<String> of(String provider, long eventId, int count) {
    Layout layout = provider == null ? null : LAYOUTS.get(key(provider, eventId, count));
    return layout == null ? null : layout.names();
  }

  /** Every layout. */
  static java.util.Collection<Layout> all() {
    return LAYOUTS.values();
  }

  private static Map<String, Layout> load() {
    Map<String, Layout> layouts = new HashMap<>();
    try (InputStream in = EventDataLayouts.class.getResourceAsStream(RESOURCE);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        List<String> names = List.of(cells[2].split(","));
        Layout layout = new Layout(cells[0], Long.parseLong(cells[1]), names, cells[3].equals("documented"));
        if (layouts.put(key(layout.provider(), layout.eventId(), names.size()), layout) != null) {
          throw new IllegalStateException("two layouts of " + names.size() + " values for " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(layouts);
  }

  private static String key(String provider, long eventId, int count) {
    return provider + '/' + eventId + '/' + count;
  }
}
