package io.sentryj.internal.envelope;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A compact streaming JSON writer straight into a {@link Utf8Buffer}, for the transport's hot path:
 * it writes the same bytes as Gson's {@code JsonWriter} set up as the envelopes use it (compact,
 * not HTML-safe, nulls after a name left out with their name), at a fraction of the cost.
 *
 * <p>Why not Gson here: a profile of the delivery worker showed most of its time in {@code
 * JsonWriter.string}, which looks up every character in a replacement table and then hands the text
 * to the {@link java.io.Writer} in pieces, which encodes each character again. This writer copies a
 * string's characters once, writes plain ASCII as bytes in one tight loop, and escapes or encodes
 * only the characters that need it (see {@link Utf8Buffer#writeJsonString}). Gson still parses, and
 * still writes where speed does not matter.
 *
 * <p>Misuse (a value where a name is due, a name twice, closing the wrong container) throws {@link
 * IllegalStateException}, as Gson's does: it is a bug in the SDK, never in the data. One instance
 * per document; not thread-safe.
 */
final class JsonOut {
  private static final int EMPTY_DOCUMENT = 0;
  private static final int NONEMPTY_DOCUMENT = 1;
  private static final int EMPTY_OBJECT = 2;
  private static final int NONEMPTY_OBJECT = 3;
  private static final int EMPTY_ARRAY = 4;
  private static final int NONEMPTY_ARRAY = 5;

  private final Utf8Buffer out;
  private int[] stack = new int[8];
  private int depth = 1;
  private @Nullable String deferredName;

  JsonOut(Utf8Buffer out) {
    this.out = out;
    stack[0] = EMPTY_DOCUMENT;
  }

  JsonOut beginObject() throws IOException {
    return open(EMPTY_OBJECT, '{');
  }

  JsonOut endObject() throws IOException {
    return close(EMPTY_OBJECT, NONEMPTY_OBJECT, '}');
  }

  JsonOut beginArray() throws IOException {
    return open(EMPTY_ARRAY, '[');
  }

  JsonOut endArray() throws IOException {
    return close(EMPTY_ARRAY, NONEMPTY_ARRAY, ']');
  }

  /** The next value's name; written only when a non-null value follows. */
  JsonOut name(String name) {
    int top = stack[depth - 1];
    if (deferredName != null || (top != EMPTY_OBJECT && top != NONEMPTY_OBJECT)) {
      throw new IllegalStateException("a name is not expected here: " + name);
    }
    deferredName = name;
    return this;
  }

  JsonOut value(@Nullable String value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    out.writeJsonString(value);
    return this;
  }

  /**
   * Like {@link #value(String)}, for strings that come again and again as the same instance (a
   * stack frame's names); see {@link Utf8Buffer#writeJsonStringCached}.
   */
  JsonOut valueCached(@Nullable String value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    out.writeJsonStringCached(value);
    return this;
  }

  JsonOut value(long value) throws IOException {
    beforeValue();
    out.writeLong(value);
    return this;
  }

  JsonOut value(boolean value) throws IOException {
    beforeValue();
    out.writeAscii(value ? "true" : "false");
    return this;
  }

  JsonOut value(@Nullable Boolean value) throws IOException {
    return value == null ? nullValue() : value(value.booleanValue());
  }

  /** A finite double, as {@link Double#toString(double)} writes it. */
  JsonOut value(double value) throws IOException {
    checkFinite(value);
    beforeValue();
    out.writeAscii(Double.toString(value));
    return this;
  }

  /**
   * A number as its {@code toString()}: callers pass only finite {@code Double}, {@code Float},
   * {@code BigDecimal} and {@code BigInteger} values, whose text is a JSON number.
   */
  JsonOut value(@Nullable Number value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    if (value instanceof Double || value instanceof Float) {
      checkFinite(value.doubleValue());
    }
    beforeValue();
    out.writeAscii(value.toString());
    return this;
  }

  /** Text already in JSON form, written as it is. */
  JsonOut jsonValue(String json) throws IOException {
    beforeValue();
    out.write(json, 0, json.length());
    return this;
  }

  /** Null, or nothing at all after a name: the protocol leaves nulls out (section 3). */
  JsonOut nullValue() throws IOException {
    if (deferredName != null) {
      deferredName = null;
      return this;
    }
    beforeValue();
    out.writeAscii("null");
    return this;
  }

  /** Checks that the document is complete; the buffer stays open. */
  void close() {
    if (depth > 1 || stack[0] != NONEMPTY_DOCUMENT || deferredName != null) {
      throw new IllegalStateException("incomplete JSON document");
    }
  }

  private JsonOut open(int empty, char bracket) throws IOException {
    beforeValue();
    if (depth == stack.length) {
      stack = java.util.Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = empty;
    out.writeByte(bracket);
    return this;
  }

  private JsonOut close(int empty, int nonempty, char bracket) throws IOException {
    int top = stack[depth - 1];
    if ((top != empty && top != nonempty) || deferredName != null) {
      throw new IllegalStateException("nesting problem closing with " + bracket);
    }
    depth--;
    out.writeByte(bracket);
    return this;
  }

  private void beforeValue() throws IOException {
    int i = depth - 1;
    switch (stack[i]) {
      case EMPTY_OBJECT:
      case NONEMPTY_OBJECT:
        String name = deferredName;
        if (name == null) {
          throw new IllegalStateException("a value in an object needs a name first");
        }
        if (stack[i] == NONEMPTY_OBJECT) {
          out.writeByte(',');
        }
        stack[i] = NONEMPTY_OBJECT;
        out.writeJsonStringCached(name); // mostly literals: the same instances every time
        out.writeByte(':');
        deferredName = null;
        break;
      case EMPTY_ARRAY:
        stack[i] = NONEMPTY_ARRAY;
        break;
      case NONEMPTY_ARRAY:
        out.writeByte(',');
        break;
      case EMPTY_DOCUMENT:
        stack[i] = NONEMPTY_DOCUMENT;
        break;
      default:
        throw new IllegalStateException("a JSON document has one top-level value");
    }
  }

  private static void checkFinite(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no number " + d);
    }
  }

  @Override
  public String toString() {
    return "JsonOut{depth=" + (depth - 1) + ", " + out + '}';
  }
}
