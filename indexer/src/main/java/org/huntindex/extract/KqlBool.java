package org.huntindex.extract;

/** Kusto's three-valued {@code bool}: {@code where} keeps a row only for {@link #TRUE}. */
public enum KqlBool {
  TRUE,
  FALSE,
  NULL;

  /** Kusto {@code not()}: null stays null. */
  public KqlBool not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case NULL -> NULL;
    };
  }

  /** Whether a {@code where} with this predicate keeps the row. */
  public boolean isTrue() {
    return this == TRUE;
  }

  /** The non-null value for {@code b}. */
  public static KqlBool of(boolean b) {
    return b ? TRUE : FALSE;
  }
}
