package org.huntindex.plan;

import java.util.List;
import java.util.regex.Pattern;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * The value a plan derives from each event and groups on, and the tests a value must pass to be kept.
 *
 * @param source where the value comes from
 * @param keep tests every kept value passes; an event with no kept value is dropped
 */
public record Extract(Source source, List<ValueTest> keep) {
  public Extract {
    keep = List.copyOf(keep);
  }

  /** Where an extracted value comes from. */
  public sealed interface Source {}

  /** A keyword computed once at ingest (hunt A's regex group 1 is {@code kql.ip}); absent means no value. */
  public record Indexed(Field field) implements Source {
    public Indexed {
      if (field.kind() != FieldKind.KEYWORD || !field.has(Field.Flag.DOC_VALUES)) {
        throw new IllegalArgumentException(field.fieldName() + " is not a keyword with doc values");
      }
    }
  }

  /**
   * Capture group {@code group} of the first (leftmost) match of {@code regex} in a text field, with Unicode character
   * classes as Kusto's current engine; no match means no value. Evaluated only on the filter's candidates.
   */
  public record FirstMatch(Field text, String regex, int group) implements Source {
    public FirstMatch {
      Pattern p = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
      if (group < 0 || group > p.matcher("").groupCount()) {
        throw new IllegalArgumentException("the regex has " + p.matcher("").groupCount() + " groups, not " + group);
      }
    }
  }

  /** Each address of a multi-valued IP field (the addresses found in the command line at ingest). */
  public record EachAddress(Field field) implements Source {
    public EachAddress {
      if (field.kind() != FieldKind.IP) {
        throw new IllegalArgumentException(field.fieldName() + " is not an IP field");
      }
    }
  }
}
