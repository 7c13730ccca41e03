package io.sentryj;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A 128-bit identifier written as 32 lowercase hex digits, used for event ids and trace ids
 * (protocol rule 5).
 */
public final class SentryId {
  /** The all-zero id, returned by capture calls that did not produce an event. */
  public static final SentryId EMPTY = new SentryId(0L, 0L);

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final long high;
  private final long low;
  private @Nullable String text;

  private SentryId(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /** A new random (version 4 layout) id. Uses no locks, so it is cheap on any thread. */
  public static SentryId random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new SentryId(high, low);
  }

  /**
   * Parses 32 hex digits, or a 36-character UUID with dashes.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static SentryId parse(String value) {
    String hex = value.length() == 36 ? value.replace("-", "") : value;
    if (hex.length() != 32) {
      throw new IllegalArgumentException("not a 32-hex-digit id: " + value);
    }
    try {
      long high = Long.parseUnsignedLong(hex.substring(0, 16), 16);
      long low = Long.parseUnsignedLong(hex.substring(16), 16);
      return new SentryId(high, low);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a 32-hex-digit id: " + value, e);
    }
  }

  /** Whether this is {@link #EMPTY}. */
  public boolean isEmpty() {
    return high == 0L && low == 0L;
  }

  @Override
  public String toString() {
    String result = text;
    if (result == null) {
      char[] chars = new char[32];
      writeHex(chars, 0, high);
      writeHex(chars, 16, low);
      result = new String(chars);
      text = result;
    }
    return result;
  }

  private static void writeHex(char[] out, int offset, long value) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SentryId && ((SentryId) o).high == high && ((SentryId) o).low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }
}
