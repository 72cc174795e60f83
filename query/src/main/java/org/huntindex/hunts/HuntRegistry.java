package org.huntindex.hunts;

import java.util.List;

/** The built-in hunts, by id. */
public final class HuntRegistry {
  private static final List<Hunt> HUNTS = List.of(new SentinelExternalIpInCommandLine(),
      new ElasticCommandPromptNetworkConnection(), new ExternalIpInCommandLine());

  private HuntRegistry() {}

  public static List<Hunt> all() {
    return HUNTS;
  }

  /** The hunt with this id, or an error naming the ones there are. */
  public static Hunt byId(String id) {
    for (Hunt h : HUNTS) {
      if (h.id().equals(id)) {
        return h;
      }
    }
    throw new IllegalArgumentException("no hunt '" + id + "'; known hunts: "
        + HUNTS.stream().map(Hunt::id).toList() + " (see: hunt list)");
  }
}
