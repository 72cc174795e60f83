package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.BinXmlToken.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huntindex.source.RawRecord;
import org.huntindex.source.evtx.CompiledTemplate.Context;

/**
 * Decodes the BinXML of a record into fields: template instances are looked up in (or compiled into) a per-chunk cache
 * keyed by definition offset, their value tables read and each slot formatted; embedded BinXML values recurse with the
 * slot's element path. Not thread-safe; one per chunk decoder, reset per chunk.
 */
final class BinXmlDecoder {
  static final int MAX_EMBEDDING_DEPTH = 16;
  static final int MAX_TEMPLATES_PER_CHUNK = 4096;
  static final int MAX_WORK_PER_RECORD = 200_000;
  /** Notes kept per record in {@link FieldKeys#RECOVERY_TEMPLATE}, one per template instance not decoded as its own. */
  static final int MAX_NOTES = 4;
  /** Templates of one id kept per chunk to borrow from: real chunks have one. */
  static final int MAX_SAME_ID = 4;

  private final ValueReader values = new ValueReader();
  private final NameTable names = new NameTable(values);
  private final TemplateCompiler compiler = new TemplateCompiler(names);
  private final TemplateCache shared = new TemplateCache();
  private final CompiledTemplate[] rootTemplates = new CompiledTemplate[ChunkDecoder.CHUNK_SIZE];
  private final int[] rootTemplateOffsets = new int[MAX_TEMPLATES_PER_CHUNK];
  private int rootTemplateCount;
  private final Map<Long, CompiledTemplate> nestedTemplates = new HashMap<>();
  private final Map<Long, String> failedTemplates = new HashMap<>();
  private final Map<Context, Integer> contextIds = new HashMap<>();
  /** The chunk's compiled templates by element path and template id, for records whose own definition is gone. */
  private final Map<Long, List<Known>> byId = new HashMap<>();
  /** Whether the record being decoded lies in slack space, where a definition may have been overwritten. */
  private boolean stray;
  /** What the stray record being decoded used instead of templates of its own; at most {@link #MAX_NOTES}. */
  private final List<String> notes = new ArrayList<>();
  /** The templates live records of the chunk used, by id and path, at most {@link #MAX_SAME_ID} each. */
  private final Map<CompiledTemplate.Key, List<CompiledTemplate>> liveTemplates = new HashMap<>();
  /** The stray record just decoded, when the values of its one lost template were kept without names; else null. */
  private Unnamed unnamed;
  private ValueTable[] tables = new ValueTable[4];
  private byte[] b;
  private int limit;
  private int work;

  /** Forgets everything cached for the previous chunk. */
  void startChunk(byte[] chunk, int length) {
    this.b = chunk;
    this.limit = length;
    for (int i = 0; i < rootTemplateCount; i++) {
      rootTemplates[rootTemplateOffsets[i]] = null;
    }
    rootTemplateCount = 0;
    nestedTemplates.clear();
    failedTemplates.clear();
    contextIds.clear();
    byId.clear();
    liveTemplates.clear();
    names.clear();
  }

  /** The templates the chunk's live records used, by id and path: for the file's slack records to name values. */
  Map<CompiledTemplate.Key, List<CompiledTemplate>> liveTemplates() {
    return Map.copyOf(liveTemplates);
  }

  /** The record {@link #decodeStray} just decoded, if the values of its one lost template were kept without names. */
  Unnamed unnamed() {
    return unnamed;
  }

  /** Decodes the BinXML between {@code start} and {@code end} into {@code out}. */
  void decode(int start, int end, RawRecord out) {
    work = 0;
    stream(start, end, Context.ROOT, 0, out);
  }

  /**
   * Decodes a record found in slack space. Its template definitions may have been overwritten by the live records
   * written over them: a definition whose GUID does not start with the instance's template id, or that no longer
   * compiles, is replaced by a template of the same id compiled elsewhere in the chunk, if one fits the record's value
   * table (as many values as the template has substitutions, each of the type its substitution declares, or null).
   * If none does, the values are kept in order under {@link FieldKeys#RECOVERY_VALUE}, without names, when every one
   * has a known type. Either way the record says what was done in {@link FieldKeys#RECOVERY_TEMPLATE}.
   */
  void decodeStray(int start, int end, RawRecord out) {
    stray = true;
    compiler.xmlNamesOnly(true);
    notes.clear();
    unnamed = null;
    try {
      decode(start, end, out);
    } finally {
      stray = false;
      compiler.xmlNamesOnly(false);
    }
    if (notes.size() != 1) {
      unnamed = null; // named later only as the record's one note: then every Recovery.Value is this instance's
    }
    for (String note : notes) {
      out.add(FieldKeys.RECOVERY_TEMPLATE, note);
    }
  }

  private void stream(int pos, int end, Context context, int depth, RawRecord out) {
    while (pos < end) {
      int token = b[pos] & 0xff;
      switch (code(token)) {
        case FRAGMENT_HEADER -> pos += 4;
        case EOF -> {
          return;
        }
        case TEMPLATE_INSTANCE -> pos = templateInstance(pos, end, context, depth, out);
        case OPEN_START_ELEMENT, SUBSTITUTION, OPTIONAL_SUBSTITUTION -> {
          CompiledTemplate direct = compiler.compile(b, limit, pos, end, context, false);
          if (direct.end <= pos) {
            throw new EvtxFormatException("empty BinXML element at 0x" + Integer.toHexString(pos));
          }
          emit(direct, null, depth, out);
          pos = direct.end;
        }
        default -> throw new EvtxFormatException("unexpected BinXML token 0x" + Integer.toHexString(token) + " at 0x"
            + Integer.toHexString(pos));
      }
    }
  }

  private int templateInstance(int pos, int end, Context context, int depth, RawRecord out) {
    LittleEndian.check(pos, 10, end);
    int id = LittleEndian.i32(b, pos + 2);
    int definition = LittleEndian.offset(b, pos + 6, limit);
    pos += 10;
    boolean resident = definition == pos;
    CompiledTemplate template = null;
    EvtxFormatException lost = null;
    try {
      template = template(definition, context);
      if (stray && !resident && LittleEndian.i32(b, definition + 4) != id) {
        lost = new EvtxFormatException("template at 0x" + Integer.toHexString(definition) + " is another one (its GUID"
            + " does not start with the instance's id)");
      }
    } catch (EvtxFormatException e) {
      if (!stray) {
        throw e;
      }
      lost = e;
    }
    if (resident) {
      pos += 24 + LittleEndian.offset(b, pos + 20, end);
    }
    long count = LittleEndian.u32(b, pos, end);
    pos += 4;
    if (count > (end - pos) / 4) {
      throw new EvtxFormatException("template instance at 0x" + Integer.toHexString(pos) + " claims " + count
          + " values");
    }
    ValueTable table = table(depth, (int) count);
    for (int i = 0; i < count; i++, pos += 4) {
      table.sizes[i] = LittleEndian.u16(b, pos, end);
      table.types[i] = b[pos + 2] & 0xff;
    }
    for (int i = 0; i < count; i++) {
      table.offsets[i] = pos;
      pos += table.sizes[i];
    }
    if (pos > end) {
      throw new EvtxFormatException("template values run 0x" + Integer.toHexString(pos - end) + " bytes past the record");
    }
    table.count = (int) count;
    if (stray && lost == null && !fits(template, table)) {
      lost = new EvtxFormatException("template at 0x" + Integer.toHexString(definition) + " does not fit the values");
    }
    if (lost != null) {
      // a definition elsewhere was overwritten by newer records; one inside the record itself is damaged
      String fate = resident ? "damaged" : "overwritten";
      template = borrow(id, definition, fate, context, table);
      if (template == null) {
        valuesWithoutNames(id, definition, fate, table, depth, out, lost);
        unnamed = Unnamed.of(new CompiledTemplate.Key(context, id), definition, fate, table.types, table.count,
            decoded(table));
        return pos;
      }
    }
    emit(template, table, depth, out);
    return pos;
  }

  /** A template of the chunk with {@code id} under {@code context} that fits {@code table}, or null. */
  private CompiledTemplate borrow(int id, int definition, String fate, Context context, ValueTable table) {
    List<Known> candidates = byId.get(idKey(context, id));
    for (Known known : candidates == null ? List.<Known>of() : candidates) {
      if (fits(known.template, table)) {
        note("definition at 0x" + Integer.toHexString(definition) + " " + fate + "; used the chunk's template 0x"
            + Integer.toHexString(id) + " at 0x" + Integer.toHexString(known.definition));
        return known.template;
      }
    }
    return null;
  }

  private void note(String note) {
    if (notes.size() < MAX_NOTES) {
      notes.add(note);
    }
  }

  /**
   * Keeps the values of a template instance whose template is lost, in order and without names, as a template whose
   * every substitution is {@link FieldKeys#RECOVERY_VALUE} would; an embedded BinXML value is decoded as a stream of
   * its own. Throws when a value has a type EVTX does not define: the bytes are then not a value table.
   */
  private void valuesWithoutNames(int id, int definition, String fate, ValueTable table, int depth, RawRecord out,
      EvtxFormatException lost) {
    for (int i = 0; i < table.count; i++) {
      if (!ValueReader.isKnownType(table.types[i])) {
        throw new EvtxFormatException(lost.getMessage() + "; no template of the chunk with id 0x"
            + Integer.toHexString(id) + " fits the values, and value " + i + " has no EVTX type");
      }
    }
    note("definition at 0x" + Integer.toHexString(definition) + " " + fate + " and no template of the chunk has id 0x"
        + Integer.toHexString(id) + ": values kept in " + FieldKeys.RECOVERY_VALUE + ", without names");
    CompiledTemplate.Builder unnamed = new CompiledTemplate.Builder();
    for (int i = 0; i < table.count; i++) {
      unnamed.slot(FieldKeys.RECOVERY_VALUE, i, table.types[i], Context.ROOT);
    }
    emit(unnamed.build(0), table, depth, out);
  }

  /** Each value of the table decoded, null where it is null or empty; null when one is embedded BinXML. */
  private Object[] decoded(ValueTable table) {
    Object[] out = new Object[table.count];
    for (int i = 0; i < table.count; i++) {
      int type = table.types[i];
      if (type == ValueReader.BINXML) {
        return null;
      }
      out[i] = type == ValueReader.NULL || table.sizes[i] == 0 ? null
          : values.read(b, table.offsets[i], table.sizes[i], type);
    }
    return out;
  }

  /**
   * Whether {@code table} holds exactly the values {@code t} substitutes, each of its declared type or null. A
   * declared size_t may hold a hex integer: live records do that.
   */
  private boolean fits(CompiledTemplate t, ValueTable table) {
    work += t.size();
    if (work > MAX_WORK_PER_RECORD) {
      throw new EvtxFormatException("record expands to more than " + MAX_WORK_PER_RECORD + " fields");
    }
    return t.fits(table.types, table.count);
  }

  private void emit(CompiledTemplate template, ValueTable table, int depth, RawRecord out) {
    int n = template.size();
    work += n + 1;
    if (work > MAX_WORK_PER_RECORD) {
      throw new EvtxFormatException("record expands to more than " + MAX_WORK_PER_RECORD + " fields");
    }
    int[] slots = template.slots;
    String[] keys = template.keys;
    for (int i = 0; i < n; i++) {
      int slot = slots[i];
      if (slot == CompiledTemplate.STATIC) {
        out.add(keys[i], template.statics[i]);
      } else if (table != null && slot < table.count) {
        int size = table.sizes[slot];
        int type = table.types[slot];
        if (type == ValueReader.NULL || size == 0) {
          continue;
        }
        int offset = table.offsets[slot];
        if (type == ValueReader.BINXML) {
          if (depth + 1 > MAX_EMBEDDING_DEPTH) {
            throw new EvtxFormatException("embedded BinXML nested deeper than " + MAX_EMBEDDING_DEPTH);
          }
          stream(offset, offset + size, template.contexts[i], depth + 1, out);
        } else {
          Object value = values.read(b, offset, size, type);
          if (value != null) {
            out.add(keys[i], value);
          }
        }
      }
    }
  }

  private CompiledTemplate template(int definition, Context context) {
    boolean root = context == Context.ROOT;
    if (root && definition >= 0 && definition < rootTemplates.length && rootTemplates[definition] != null) {
      return rootTemplates[definition];
    }
    long key = root ? definition : (long) contextId(context) << 32 | definition;
    if (!root) {
      CompiledTemplate cached = nestedTemplates.get(key);
      if (cached != null) {
        return cached;
      }
    }
    String failure = failedTemplates.get(key);
    if (failure != null) {
      throw new EvtxFormatException(failure);
    }
    try {
      CompiledTemplate compiled = compile(definition, context);
      List<Known> sameId = byId.computeIfAbsent(idKey(context, LittleEndian.i32(b, definition + 4)),
          k -> new ArrayList<>(1));
      if (sameId.size() < MAX_SAME_ID) {
        sameId.add(new Known(compiled, definition));
      }
      List<CompiledTemplate> live = stray ? null : liveTemplates.computeIfAbsent(
          new CompiledTemplate.Key(context, LittleEndian.i32(b, definition + 4)), k -> new ArrayList<>(1));
      if (live != null && live.size() < MAX_SAME_ID) {
        live.add(compiled);
      }
      if (root && definition < rootTemplates.length) {
        rootTemplates[definition] = compiled;
        rootTemplateOffsets[rootTemplateCount++] = definition;
      } else {
        nestedTemplates.put(key, compiled);
      }
      return compiled;
    } catch (EvtxFormatException e) {
      String reason = "template at 0x" + Integer.toHexString(definition) + ": " + e.getMessage();
      failedTemplates.put(key, reason);
      throw new EvtxFormatException(reason);
    }
  }

  private CompiledTemplate compile(int definition, Context context) {
    if (rootTemplateCount + nestedTemplates.size() + failedTemplates.size() >= MAX_TEMPLATES_PER_CHUNK) {
      throw new EvtxFormatException("more than " + MAX_TEMPLATES_PER_CHUNK + " templates in chunk");
    }
    if (definition < 0) {
      throw new EvtxFormatException("offset outside the chunk");
    }
    int size = LittleEndian.offset(b, definition + 20, limit);
    if (size <= 0) {
      throw new EvtxFormatException("empty template definition");
    }
    int body = definition + 24;
    LittleEndian.check(body, size, limit);
    CompiledTemplate seen = shared.find(b, limit, definition, size, context, names);
    if (seen != null) {
      return seen;
    }
    CompiledTemplate compiled = compiler.compile(b, limit, body, body + size, context, true);
    shared.remember(b, limit, definition, size, context, compiled, compiler.nameRefs());
    return compiled;
  }

  private long idKey(Context context, int id) {
    return (long) contextId(context) << 32 | (id & 0xffffffffL);
  }

  private int contextId(Context context) {
    Integer id = contextIds.get(context);
    if (id == null) {
      id = contextIds.size() + 1;
      contextIds.put(context, id);
    }
    return id;
  }

  private ValueTable table(int depth, int count) {
    if (depth >= tables.length) {
      tables = java.util.Arrays.copyOf(tables, depth + 1);
    }
    ValueTable table = tables[depth];
    if (table == null || table.sizes.length < count) {
      table = new ValueTable(Math.max(count, 64));
      tables[depth] = table;
    }
    return table;
  }

  /** A template compiled in this chunk and the offset of its definition. */
  private record Known(CompiledTemplate template, int definition) {}

  /** The value descriptors of one template instance: per substitution index its size, type and offset. */
  private static final class ValueTable {
    final int[] sizes;
    final int[] types;
    final int[] offsets;
    int count;

    ValueTable(int capacity) {
      sizes = new int[capacity];
      types = new int[capacity];
      offsets = new int[capacity];
    }
  }
}
