package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.BinXmlToken.*;

import java.util.HashMap;
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
    names.clear();
  }

  /** Decodes the BinXML between {@code start} and {@code end} into {@code out}. */
  void decode(int start, int end, RawRecord out) {
    work = 0;
    stream(start, end, Context.ROOT, 0, out);
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
    int definition = LittleEndian.offset(b, pos + 6, limit);
    pos += 10;
    CompiledTemplate template = template(definition, context);
    if (definition == pos) {
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
    emit(template, table, depth, out);
    return pos;
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
