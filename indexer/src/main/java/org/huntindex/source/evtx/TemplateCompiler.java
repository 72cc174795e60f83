package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.BinXmlToken.*;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.source.evtx.CompiledTemplate.Context;

/**
 * Walks a BinXML token stream once with an element-name stack and turns it into a {@link CompiledTemplate}: literal
 * text becomes static fields, substitutions become slots. Used for template definitions and for the rare streams that
 * carry elements directly. Not thread-safe; one per chunk decoder.
 */
final class TemplateCompiler {
  static final int MAX_ELEMENT_DEPTH = 64;
  static final int MAX_FIELDS = 16_384;

  private final NameTable names;
  private final StringBuilder text = new StringBuilder();
  private final List<String> path = new ArrayList<>();
  private byte[] b;
  private int limit;
  private int end;
  private boolean dependencyIds;
  private CompiledTemplate.Builder out;
  private final NameRefs refs = new NameRefs();

  private boolean xmlNamesOnly;

  TemplateCompiler(NameTable names) {
    this.names = names;
  }

  /**
   * Whether a name that is no XML name fails the compile: for records in slack space, where a name offset can point
   * into bytes that newer records overwrote.
   */
  void xmlNamesOnly(boolean on) {
    xmlNamesOnly = on;
  }

  /**
   * Compiles tokens from {@code start} until EOF, {@code end}, or a template instance at the top level (left for the
   * caller: {@link CompiledTemplate#end} then points at it).
   *
   * @param dependencyIds whether element tokens carry a dependency id (template definitions) or not (other streams);
   *     the other layout is tried when the expected one does not fit
   */
  CompiledTemplate compile(byte[] b, int limit, int start, int end, Context context, boolean dependencyIds) {
    this.b = b;
    this.limit = limit;
    this.end = Math.min(end, limit);
    this.dependencyIds = dependencyIds;
    this.out = new CompiledTemplate.Builder();
    refs.clear();
    path.clear();
    path.addAll(context.path());
    int pos = start;
    while (pos < this.end) {
      int token = b[pos] & 0xff;
      int code = code(token);
      if (code == EOF || code == TEMPLATE_INSTANCE) {
        break;
      } else if (code == FRAGMENT_HEADER) {
        pos += 4;
      } else if (code == OPEN_START_ELEMENT) {
        pos = element(pos, context.path().size());
      } else if (code == SUBSTITUTION || code == OPTIONAL_SUBSTITUTION) {
        LittleEndian.check(pos, 4, this.end);
        out.slot(FieldKeys.element(path, context.dataName()), LittleEndian.u16(b, pos + 1, limit), b[pos + 3] & 0xff,
            context);
        pos += 4;
      } else {
        throw unexpected(token, pos);
      }
    }
    return out.build(Math.min(pos, this.end));
  }

  private int element(int pos, int baseDepth) {
    if (path.size() - baseDepth >= MAX_ELEMENT_DEPTH) {
      throw new EvtxFormatException("elements nested deeper than " + MAX_ELEMENT_DEPTH);
    }
    boolean hasAttributes = (b[pos] & MORE) != 0;
    int fixed = elementHeader(pos, dependencyIds);
    if (fixed < 0) {
      fixed = elementHeader(pos, !dependencyIds);
      refs.guessedLayout = true;
    }
    if (fixed < 0) {
      throw new EvtxFormatException("element at 0x" + Integer.toHexString(pos) + " has no readable name");
    }
    int nameOffset = LittleEndian.offset(b, pos + fixed - 4, limit);
    path.add(name(pos + fixed - 4, nameOffset));
    pos += fixed;
    if (nameOffset == pos) {
      pos += NameTable.inlineLength(b, pos, limit);
    }
    if (hasAttributes) {
      pos += 4;
    }
    String dataName = null;
    if (hasAttributes) {
      DataName named = new DataName();
      pos = attributes(pos, named);
      if (named.value != null) {
        dataName = named.value;
      }
    }
    int token = LittleEndian.u8(b, pos, end);
    int code = code(token);
    if (code == CLOSE_EMPTY_ELEMENT) {
      pos++;
    } else if (code == CLOSE_START_ELEMENT) {
      pos = content(pos + 1, baseDepth, dataName);
    } else if (code != END_ELEMENT && code != EOF) {
      throw unexpected(token, pos);
    }
    path.removeLast();
    return pos;
  }

  /**
   * Length of the element token up to its name (token, [dependency id], size, name offset) if the name offset is
   * inline or points back, else -1. An inline name, then the attribute list size, follow.
   */
  private int elementHeader(int pos, boolean withDependencyId) {
    int fixed = 1 + (withDependencyId ? 2 : 0) + 8;
    if (pos + fixed > end) {
      return -1;
    }
    int nameOffset = LittleEndian.offset(b, pos + fixed - 4, limit);
    if (nameOffset == pos + fixed) {
      return pos + fixed + 10 <= end ? fixed : -1;
    }
    return nameOffset >= 0 && nameOffset < pos && nameOffset + 10 <= limit ? fixed : -1;
  }

  private int attributes(int pos, DataName named) {
    while (pos < end && code(b[pos] & 0xff) == ATTRIBUTE) {
      int nameOffset = LittleEndian.offset(b, pos + 1, end);
      String name = name(pos + 1, nameOffset);
      pos += 5;
      if (nameOffset == pos) {
        pos += NameTable.inlineLength(b, pos, limit);
      }
      boolean dataNameAttribute = name.equals("Name") && (FieldKeys.isEventDataItem(path) || zeroedDataItem());
      pos = attributeValue(pos, name, dataNameAttribute ? named : null);
    }
    return pos;
  }

  /**
   * In slack space, whether the element holding a {@code Name} attribute is an EventData {@code Data} whose name string
   * (and maybe its parent's) was zeroed: {@code Event/?/?}. If so, the path gets the names back.
   */
  private boolean zeroedDataItem() {
    int n = path.size();
    if (!xmlNamesOnly || n != 3 || !path.get(0).equals("Event") || !path.get(2).isEmpty()
        || !(path.get(1).isEmpty() || path.get(1).equals("EventData"))) {
      return false;
    }
    path.set(1, "EventData");
    path.set(2, "Data");
    return true;
  }

  private int attributeValue(int pos, String name, DataName named) {
    boolean skip = FieldKeys.isNamespaceDeclaration(name);
    text.setLength(0);
    while (pos < end) {
      int token = b[pos] & 0xff;
      int code = code(token);
      if (code == SUBSTITUTION || code == OPTIONAL_SUBSTITUTION) {
        LittleEndian.check(pos, 4, end);
        if (!skip) {
          flushText(FieldKeys.attribute(path, null, name), named);
          addField(FieldKeys.attribute(path, null, name), pos, Context.ROOT);
        }
        pos += 4;
      } else if (!isText(code)) {
        break;
      } else {
        pos = text(pos, code);
      }
    }
    if (!skip) {
      flushText(FieldKeys.attribute(path, null, name), named);
    }
    text.setLength(0);
    return pos;
  }

  private int content(int pos, int baseDepth, String dataName) {
    text.setLength(0);
    while (true) {
      int token = LittleEndian.u8(b, pos, end);
      int code = code(token);
      switch (code) {
        case END_ELEMENT -> {
          flushText(FieldKeys.element(path, dataName), null);
          return pos + 1;
        }
        case EOF -> {
          flushText(FieldKeys.element(path, dataName), null);
          return pos;
        }
        case OPEN_START_ELEMENT -> {
          flushText(FieldKeys.element(path, dataName), null);
          pos = element(pos, baseDepth);
        }
        case SUBSTITUTION, OPTIONAL_SUBSTITUTION -> {
          LittleEndian.check(pos, 4, end);
          String key = FieldKeys.element(path, dataName);
          flushText(key, null);
          addField(key, pos, new Context(List.copyOf(path), dataName));
          pos += 4;
        }
        case PI_TARGET -> pos = skipName(pos + 1);
        case PI_DATA -> {
          int chars = LittleEndian.u16(b, pos + 1, end);
          pos += 3 + 2 * chars;
        }
        default -> {
          if (!isText(code)) {
            throw unexpected(token, pos);
          }
          pos = text(pos, code);
        }
      }
    }
  }

  private static boolean isText(int code) {
    return code == VALUE || code == CDATA || code == CHAR_REF || code == ENTITY_REF;
  }

  /** Appends one text token to {@link #text}; returns the position after it. */
  private int text(int pos, int code) {
    switch (code) {
      case VALUE -> {
        int chars = LittleEndian.u16(b, pos + 2, end);
        LittleEndian.check(pos + 4, 2 * chars, end);
        for (int i = 0, o = pos + 4; i < chars; i++, o += 2) {
          text.append((char) ((b[o] & 0xff) | (b[o + 1] & 0xff) << 8));
        }
        return pos + 4 + 2 * chars;
      }
      case CDATA -> {
        int chars = LittleEndian.u16(b, pos + 1, end);
        LittleEndian.check(pos + 3, 2 * chars, end);
        for (int i = 0, o = pos + 3; i < chars; i++, o += 2) {
          text.append((char) ((b[o] & 0xff) | (b[o + 1] & 0xff) << 8));
        }
        return pos + 3 + 2 * chars;
      }
      case CHAR_REF -> {
        text.append((char) LittleEndian.u16(b, pos + 1, end));
        return pos + 3;
      }
      default -> {
        int nameOffset = LittleEndian.offset(b, pos + 1, end);
        String entity = name(pos + 1, nameOffset);
        text.append(switch (entity) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "apos" -> "'";
          default -> "&" + entity + ";";
        });
        return nameOffset == pos + 5 ? pos + 5 + NameTable.inlineLength(b, pos + 5, limit) : pos + 5;
      }
    }
  }

  private int skipName(int pos) {
    int nameOffset = LittleEndian.offset(b, pos, end);
    name(pos, nameOffset);
    return nameOffset == pos + 4 ? pos + 4 + NameTable.inlineLength(b, pos + 4, limit) : pos + 4;
  }

  /** The name at {@code nameOffset}, read from the offset field at {@code field}; remembered in {@link #nameRefs}. */
  private String name(int field, int nameOffset) {
    String name = names.at(b, nameOffset, limit);
    // an empty name (a zeroed name string) passes: the Name attributes around it still say what the values are
    if (xmlNamesOnly && !name.isEmpty() && !XmlNames.isName(name)) {
      throw new EvtxFormatException("the name at 0x" + Integer.toHexString(nameOffset) + " is no XML name");
    }
    refs.add(field, nameOffset, name);
    return name;
  }

  /** The names the last {@link #compile} read, in stream order; valid until the next compile. */
  NameRefs nameRefs() {
    return refs;
  }

  private void flushText(String key, DataName named) {
    if (text.length() == 0) {
      return;
    }
    if (named != null) {
      named.value = text.toString();
    } else {
      if (out.size() >= MAX_FIELDS) {
        throw new EvtxFormatException("more than " + MAX_FIELDS + " fields in a template");
      }
      out.literal(key, FieldKeys.literal(key, text.toString()));
    }
    text.setLength(0);
  }

  /** Adds the slot of the substitution token at {@code token} (4 bytes: code, u16 index, u8 type). */
  private void addField(String key, int token, Context context) {
    if (out.size() >= MAX_FIELDS) {
      throw new EvtxFormatException("more than " + MAX_FIELDS + " fields in a template");
    }
    out.slot(key, LittleEndian.u16(b, token + 1, limit), b[token + 3] & 0xff, context);
  }

  private static EvtxFormatException unexpected(int token, int pos) {
    return new EvtxFormatException("unexpected BinXML token 0x" + Integer.toHexString(token) + " at 0x"
        + Integer.toHexString(pos));
  }

  /** Where a compiled stream took its names from: each offset field's position, the offset it held, the name. */
  static final class NameRefs {
    int count;
    int[] fields = new int[64];
    int[] offsets = new int[64];
    String[] names = new String[64];
    /** True when an element's layout (with or without dependency id) was not the one expected. */
    boolean guessedLayout;

    void clear() {
      count = 0;
      guessedLayout = false;
    }

    void add(int field, int offset, String name) {
      if (count == fields.length) {
        fields = java.util.Arrays.copyOf(fields, 2 * count);
        offsets = java.util.Arrays.copyOf(offsets, 2 * count);
        names = java.util.Arrays.copyOf(names, 2 * count);
      }
      fields[count] = field;
      offsets[count] = offset;
      names[count] = name;
      count++;
    }
  }

  /** The Name attribute of an EventData Data element, once read. */
  private static final class DataName {
    String value;
  }
}
