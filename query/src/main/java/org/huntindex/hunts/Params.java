package org.huntindex.hunts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huntindex.plan.Condition;

/**
 * The parameter values of one hunt run: the given ones over the hunt's defaults, checked against what it declares;
 * whether the run also reads the events recovered from EVTX slack space; and the events the analyst scoped it to.
 */
public final class Params {
  private final Map<String, Param> declared = new HashMap<>();
  private final Map<String, List<String>> given = new HashMap<>();
  private final boolean recovered;
  private final Condition scope;

  /** A run over every live event, as the hunts' original engines see them. */
  public Params(Hunt hunt, Map<String, List<String>> given) {
    this(hunt, given, false, null);
  }

  /**
   * @param hunt the hunt whose parameters these are
   * @param given values by parameter name (no leading dashes); list values may still hold commas
   * @param recovered whether events recovered from EVTX slack space are hunted too
   * @param scope the events every stage is limited to, as a time picker limits Sentinel's and Kibana's (a time
   *     window); null for all
   */
  public Params(Hunt hunt, Map<String, List<String>> given, boolean recovered, Condition scope) {
    this.recovered = recovered;
    this.scope = scope;
    hunt.params().forEach(p -> declared.put(p.name(), p));
    for (Map.Entry<String, List<String>> e : given.entrySet()) {
      Param p = declared.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException("hunt " + hunt.id() + " has no parameter --" + e.getKey() + "; it takes "
            + (declared.isEmpty() ? "none" : hunt.params().stream().map(x -> "--" + x.name()).toList()));
      }
      List<String> values = new ArrayList<>();
      for (String v : e.getValue()) {
        if (p.kind() == Param.Kind.LIST) {
          for (String part : v.split(",", -1)) {
            values.add(part.strip());
          }
        } else {
          values.add(v);
        }
      }
      if (p.kind() != Param.Kind.LIST && values.size() != 1) {
        throw new IllegalArgumentException("--" + p.name() + " takes one value, not " + values.size());
      }
      this.given.put(p.name(), values);
    }
  }

  public static Params defaults(Hunt hunt) {
    return new Params(hunt, Map.of());
  }

  public List<String> list(String name) {
    return values(name);
  }

  public String text(String name) {
    return values(name).get(0);
  }

  public int integer(String name) {
    String v = text(name);
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs an integer, not '" + v + "'");
    }
  }

  /**
   * The events a hunt stage reads: those the conditions select within the run's scope, less the events recovered from
   * slack space unless this run includes them.
   */
  public Condition events(Condition... conditions) {
    List<Condition> all = new ArrayList<>();
    if (!recovered) {
      all.add(Condition.live());
    }
    if (scope != null) {
      all.add(scope);
    }
    all.add(Condition.all(conditions));
    return Condition.all(all.toArray(Condition[]::new));
  }

  /** Whether the run also reads the events recovered from EVTX slack space. */
  public boolean recovered() {
    return recovered;
  }

  /** Whether the value was given rather than defaulted. */
  public boolean given(String name) {
    return given.containsKey(name);
  }

  private List<String> values(String name) {
    Param p = declared.get(name);
    if (p == null) {
      throw new IllegalStateException("undeclared parameter " + name);
    }
    return given.getOrDefault(name, p.defaults());
  }
}
