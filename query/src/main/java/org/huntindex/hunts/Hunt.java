package org.huntindex.hunts;

import java.util.List;
import org.huntindex.plan.Plan;
import org.huntindex.render.Column;

/** A built-in hunt: what it is, where it comes from, what it reads, its parameters, and the plan it runs. */
public interface Hunt {
  String id();

  String title();

  /** The rule it reproduces: repository, path and version. */
  String source();

  /** The events and fields it reads. */
  String reads();

  List<Param> params();

  /** The plan for these parameter values; the limit is the caller's to set. */
  Plan plan(Params params);

  /** The columns of a flat rendering (table, CSV) of one result. */
  List<Column> columns();
}
