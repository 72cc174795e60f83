package org.huntindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.huntindex.normalize.SourceNames;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * The names a query may use: schema fields, the pseudo fields {@code ip} (every IP field) and {@code text} (the command
 * lines and the message, searched by bare terms, which also look inside raw values), and raw source fields present in
 * the index ({@code TargetUserName}).
 */
public final class SearchFields {
  /** Every IP field at once: source, destination, addresses in the command line. */
  public static final String ANY_IP = "ip";
  /** The free-text fields; a term without a field searches these. */
  public static final String TEXT = "text";

  private static final List<Field> IP_FIELDS = ofKind(FieldKind.IP);
  private static final List<Field> TEXT_FIELDS = ofKind(FieldKind.TEXT);

  private final IndexReader reader;
  private Set<String> rawNames;

  public SearchFields(IndexReader reader) {
    this.reader = reader;
  }

  /** The schema fields a name stands for (one, or several for a pseudo field), or null when it is none of them. */
  public static List<Field> schema(String name) {
    return switch (name) {
      case ANY_IP -> IP_FIELDS;
      case TEXT -> TEXT_FIELDS;
      default -> {
        Field f = Field.byName(name);
        yield f == null ? null : List.of(f);
      }
    };
  }

  /** True for a name outside the schema that a query may use: a raw field of the index, or a Windows field name. */
  public boolean isSourceName(String name) {
    return !SourceNames.of(name).isEmpty() || isRaw(name);
  }

  /** True when some event in the index has a raw source field of this name. */
  public boolean isRaw(String name) {
    try {
      Terms terms = MultiTerms.getTerms(reader, Field.RAW.fieldName());
      if (terms == null) {
        return false;
      }
      BytesRef prefix = new BytesRef(name + "=");
      TermsEnum te = terms.iterator();
      return te.seekCeil(prefix) != TermsEnum.SeekStatus.END && startsWith(te.term(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the raw source fields in the index, sorted. */
  public Set<String> rawNames() {
    if (rawNames == null) {
      rawNames = readRawNames();
    }
    return rawNames;
  }

  /** The error for a name that is none of the above, suggesting the nearest known name. */
  BadQueryException unknown(String name, int position) {
    return new BadQueryException(unknownField(name), position);
  }

  /** "unknown field 'x'; did you mean 'y'?" for a name that is none of the above. */
  public String unknownField(String name) {
    List<String> known = new ArrayList<>();
    for (Field f : Field.values()) {
      known.add(f.fieldName());
    }
    known.add(ANY_IP);
    known.add(TEXT);
    known.addAll(rawNames());
    known.addAll(SourceNames.names());
    String nearest = EditDistance.nearest(name, known);
    return "unknown field '" + name + "'" + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
        + " (hunt fields -i IDX lists them)";
  }

  private Set<String> readRawNames() {
    Set<String> names = new TreeSet<>();
    try {
      Terms terms = MultiTerms.getTerms(reader, Field.RAW.fieldName());
      if (terms == null) {
        return names;
      }
      TermsEnum te = terms.iterator();
      BytesRef next = new BytesRef();
      while (te.seekCeil(next) != TermsEnum.SeekStatus.END) {
        BytesRef term = te.term();
        int eq = indexOf(term, (byte) '=');
        if (eq < 0) {
          break;
        }
        names.add(new String(term.bytes, term.offset, eq, StandardCharsets.UTF_8));
        byte[] skip = Arrays.copyOfRange(term.bytes, term.offset, term.offset + eq + 1);
        skip[eq] = '=' + 1;
        next = new BytesRef(skip);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static List<Field> ofKind(FieldKind kind) {
    return Arrays.stream(Field.values()).filter(f -> f.kind() == kind).toList();
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    return term.length >= prefix.length
        && Arrays.equals(term.bytes, term.offset, term.offset + prefix.length, prefix.bytes, prefix.offset,
            prefix.offset + prefix.length);
  }

  private static int indexOf(BytesRef term, byte b) {
    for (int i = 0; i < term.length; i++) {
      if (term.bytes[term.offset + i] == b) {
        return i;
      }
    }
    return -1;
  }
}
