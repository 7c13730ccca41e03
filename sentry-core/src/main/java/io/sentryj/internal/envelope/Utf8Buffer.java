package io.sentryj.internal.envelope;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes UTF-8 into a growing byte array and gives up once a limit is
 * passed.
 *
 * <p>It replaces unpaired surrogates with U+FFFD. Gson's {@code JsonWriter} passes a lone surrogate
 * through unescaped, and {@code OutputStreamWriter} would then write {@code ?}, silently changing
 * the text; a strict encoder would throw. Both lose more than the replacement character does, and
 * the result is always valid UTF-8 that Relay accepts (protocol section 2: header lines and JSON
 * payloads are UTF-8).
 *
 * <p>The limit lets the event serializer stop as soon as an event is known to be too big, instead
 * of encoding megabytes it will throw away. Not thread-safe.
 */
final class Utf8Buffer extends Writer {
  private static final int REPLACEMENT = 0xFFFD;

  private int limit;
  private byte[] bytes;
  private int count;

  /** A high surrogate whose low half may arrive with the next write, or 0. */
  private char pendingHigh;

  /** A buffer that throws {@link LimitExceededException} once more than {@code limit} bytes. */
  Utf8Buffer(int initialCapacity, int limit) {
    this.limit = limit;
    this.bytes = new byte[Math.max(16, Math.min(initialCapacity, limit))];
  }

  /** A buffer without a limit. */
  Utf8Buffer(int initialCapacity) {
    this(initialCapacity, Integer.MAX_VALUE);
  }

  @Override
  public void write(int c) throws IOException {
    writeChar((char) c);
  }

  /**
   * Empties the buffer for reuse, keeping its array, with a new limit. Reusing one buffer per
   * thread is what keeps serialization from allocating its output several times over as it grows.
   */
  void reset(int newLimit) {
    count = 0;
    pendingHigh = 0;
    limit = newLimit;
  }

  /** The size of the array kept between uses. */
  int capacity() {
    return bytes.length;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    int end = offset + length;
    int i = offset;
    if (pendingHigh == 0) {
      // ASCII needs one byte a char: reserve them all at once, then copy without checks
      ensure(length);
      byte[] b = bytes;
      int n = count;
      while (i < end && chars[i] < 0x80) {
        b[n++] = (byte) chars[i++];
      }
      count = n;
    }
    for (; i < end; i++) {
      writeChar(chars[i]);
    }
  }

  @Override
  public void write(String s, int offset, int length) throws IOException {
    int end = offset + length;
    int i = offset;
    if (pendingHigh == 0) {
      ensure(length);
      byte[] b = bytes;
      int n = count;
      char c;
      while (i < end && (c = s.charAt(i)) < 0x80) {
        b[n++] = (byte) c;
        i++;
      }
      count = n;
    }
    for (; i < end; i++) {
      writeChar(s.charAt(i));
    }
  }

  private void writeChar(char c) throws IOException {
    if (c < 0x80 && pendingHigh == 0) {
      ensure(1);
      bytes[count++] = (byte) c;
      return;
    }
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        writeCodePoint(Character.toCodePoint(high, c));
        return;
      }
      writeCodePoint(REPLACEMENT);
    }
    if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      writeCodePoint(REPLACEMENT);
    } else {
      writeCodePoint(c);
    }
  }

  private void writeCodePoint(int cp) throws IOException {
    if (cp < 0x80) {
      ensure(1);
      bytes[count++] = (byte) cp;
    } else if (cp < 0x800) {
      ensure(2);
      bytes[count++] = (byte) (0xC0 | (cp >> 6));
      bytes[count++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      ensure(3);
      bytes[count++] = (byte) (0xE0 | (cp >> 12));
      bytes[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[count++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      ensure(4);
      bytes[count++] = (byte) (0xF0 | (cp >> 18));
      bytes[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      bytes[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[count++] = (byte) (0x80 | (cp & 0x3F));
    }
  }

  private void ensure(int more) throws LimitExceededException {
    int needed = count + more;
    if (needed > limit || needed < 0) {
      throw new LimitExceededException();
    }
    if (needed > bytes.length) {
      int grown = Math.max(needed, bytes.length * 2);
      bytes = Arrays.copyOf(bytes, grown < 0 || grown > limit ? Math.max(needed, limit) : grown);
    }
  }

  /** Writes the bytes of a line break or other ASCII text directly. */
  void writeAscii(String ascii) throws IOException {
    write(ascii, 0, ascii.length());
  }

  /** Bytes written so far. */
  int size() {
    return count;
  }

  /** The bytes written, with a dangling high surrogate replaced. */
  byte[] toByteArray() throws IOException {
    finishPending();
    return Arrays.copyOf(bytes, count);
  }

  private void finishPending() throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      writeCodePoint(REPLACEMENT);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() throws IOException {
    finishPending();
  }

  @Override
  public String toString() {
    return "Utf8Buffer{" + count + " bytes, limit " + limit + '}';
  }

  /** Thrown when the buffer would pass its limit. Carries no stack trace: it is control flow. */
  static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException() {
      super("size limit exceeded", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
