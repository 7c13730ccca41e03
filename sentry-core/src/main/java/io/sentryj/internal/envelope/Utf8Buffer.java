package io.sentryj.internal.envelope;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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

  private static final char[] NO_CHARS = new char[0];

  /** Slots of the cache of encoded strings; a power of two. */
  private static final int CACHE_SLOTS = 512;

  /** Longer strings are not cached: the cache holds at most about 200 KiB. */
  private static final int MAX_CACHED_CHARS = 128;

  /** Strings escaped in pieces, so the scratch array stays small. */
  private static final int CHUNK = 4096;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * For each ASCII character, what a JSON string needs instead: 0 for nothing, {@code 'u'} for a
   * six-character {@code u00XX} escape, or the letter after the backslash. The same choices as
   * Gson's {@code JsonWriter} when not HTML-safe, so the bytes do not change with the writer.
   */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\t'] = 't';
    ESCAPES['\b'] = 'b';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
    ESCAPES['\f'] = 'f';
  }

  private int limit;
  private byte[] bytes;
  private int count;

  /** A high surrogate whose low half may arrive with the next write, or 0. */
  private char pendingHigh;

  /** The characters of the string being escaped; see {@link #writeJsonString}. */
  private char[] chars = NO_CHARS;

  /** Whether {@link #writeJsonStringCached} caches: only for a buffer kept and reused. */
  private boolean caching;

  /** Strings recently written by {@link #writeJsonStringCached}, by identity, and their bytes. */
  private @Nullable String @Nullable [] cachedStrings;

  private byte @Nullable [] @Nullable [] cachedBytes;

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

  /**
   * Lets {@link #writeJsonStringCached} keep what it encodes (about 8 KiB of slots, and up to about
   * 200 KiB of bytes); for a buffer that is kept and reused, where repeats pay that back.
   */
  void enableCache() {
    caching = true;
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

  /**
   * Writes {@code s} as a quoted JSON string. Its characters are copied out once; a run of plain
   * ASCII becomes bytes in one tight loop, and only quotes, backslashes, control characters,
   * U+2028/U+2029 (escaped, as Gson does) and non-ASCII (encoded; an unpaired surrogate replaced)
   * leave it.
   */
  void writeJsonString(String s) throws IOException {
    finishPending();
    int length = s.length();
    ensure(length + 2); // every char is at least one byte: fails early when it cannot fit
    bytes[count++] = '"';
    char[] c = chars;
    if (c.length < Math.min(length, CHUNK)) {
      c = chars = new char[Math.min(Math.max(Math.max(length, 64), c.length * 2), CHUNK)];
    }
    for (int from = 0; from < length; ) {
      int to = Math.min(length, from + c.length);
      if (to < length && Character.isHighSurrogate(s.charAt(to - 1))) {
        to--; // keep a pair in one piece
      }
      s.getChars(from, to, c, 0);
      writeEscaped(c, to - from);
      from = to;
    }
    ensure(1);
    bytes[count++] = '"';
  }

  /**
   * Writes {@code s} as {@link #writeJsonString} does, remembering the bytes for the same String
   * instance next time. Meant for the names in stack frames: the JVM gives every exception the same
   * instances of a frame's class, method and file names (class names are cached in their {@code
   * Class}, method and file names interned), so a service's frames are escaped once and then
   * copied, which is most of an event's bytes. By identity, so a lookup costs no more than a copy;
   * a collision only costs one escaping.
   */
  void writeJsonStringCached(String s) throws IOException {
    int length = s.length();
    if (!caching || length > MAX_CACHED_CHARS) {
      writeJsonString(s);
      return;
    }
    String[] strings = cachedStrings;
    byte[][] encoded = cachedBytes;
    if (strings == null || encoded == null) {
      strings = cachedStrings = new String[CACHE_SLOTS];
      encoded = cachedBytes = new byte[CACHE_SLOTS][];
    }
    int slot = System.identityHashCode(s) & (CACHE_SLOTS - 1);
    byte[] known = encoded[slot];
    if (strings[slot] == s && known != null) {
      finishPending();
      ensure(known.length);
      System.arraycopy(known, 0, bytes, count, known.length);
      count += known.length;
      return;
    }
    finishPending();
    int start = count;
    writeJsonString(s);
    encoded[slot] = Arrays.copyOfRange(bytes, start, count);
    strings[slot] = s;
  }

  private void writeEscaped(char[] c, int length) throws IOException {
    int i = 0;
    while (i < length) {
      ensure(length - i);
      byte[] b = bytes;
      int n = count;
      char ch;
      while (i < length && (ch = c[i]) < 0x80 && ESCAPES[ch] == 0) {
        b[n++] = (byte) ch;
        i++;
      }
      count = n;
      if (i < length) {
        i = writeSpecial(c, i, length);
      }
    }
  }

  /** Writes the character at {@code i}, which needs an escape or more than one byte. */
  private int writeSpecial(char[] c, int i, int length) throws IOException {
    char ch = c[i];
    if (ch < 0x80) {
      byte escape = ESCAPES[ch];
      if (escape == 'u') {
        writeUnicodeEscape(ch);
      } else {
        ensure(2);
        bytes[count++] = '\\';
        bytes[count++] = escape;
      }
    } else if (ch == 0x2028 || ch == 0x2029) {
      writeUnicodeEscape(ch);
    } else if (Character.isHighSurrogate(ch)) {
      if (i + 1 < length && Character.isLowSurrogate(c[i + 1])) {
        writeCodePoint(Character.toCodePoint(ch, c[i + 1]));
        return i + 2;
      }
      writeCodePoint(REPLACEMENT);
    } else if (Character.isLowSurrogate(ch)) {
      writeCodePoint(REPLACEMENT);
    } else {
      writeCodePoint(ch);
    }
    return i + 1;
  }

  private void writeUnicodeEscape(char ch) throws IOException {
    ensure(6);
    byte[] b = bytes;
    int n = count;
    b[n] = '\\';
    b[n + 1] = 'u';
    b[n + 2] = HEX[(ch >> 12) & 0xF];
    b[n + 3] = HEX[(ch >> 8) & 0xF];
    b[n + 4] = HEX[(ch >> 4) & 0xF];
    b[n + 5] = HEX[ch & 0xF];
    count = n + 6;
  }

  /** Writes one ASCII character. */
  void writeByte(char ascii) throws IOException {
    finishPending();
    ensure(1);
    bytes[count++] = (byte) ascii;
  }

  /** Writes a number's decimal digits, as {@link Long#toString(long)} would, without a String. */
  void writeLong(long value) throws IOException {
    if (value < 0) {
      writeAscii(Long.toString(value)); // rare, and MIN_VALUE has no positive twin
      return;
    }
    finishPending();
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    ensure(digits);
    int n = count + digits;
    count = n;
    long v = value;
    do {
      bytes[--n] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
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
