package io.sentryj.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * Keeps a copy of what the application reads of a request body, up to a limit: the body goes to the
 * application untouched, and the copy to events. Over the limit the copy is dropped whole, since a
 * cut JSON document would mislead more than help. Used by the request's thread only, one at a time.
 */
public final class BodyRecorder {
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final StringBuilder chars = new StringBuilder();
  private boolean overflow;
  private boolean touched;

  BodyRecorder(int limit) {
    this.limit = limit;
  }

  /** Records one byte read by the application. */
  public void recordByte(int b) {
    touched = true;
    if (b >= 0 && room(1)) {
      bytes.write(b);
    }
  }

  /** Records bytes read by the application. */
  public void recordBytes(byte[] b, int off, int len) {
    touched = true;
    if (len > 0 && room(len)) {
      bytes.write(b, off, len);
    }
  }

  /** Records one char read by the application through its reader. */
  public void recordChar(int c) {
    touched = true;
    if (c >= 0 && room(1)) {
      chars.append((char) c);
    }
  }

  /** Records chars read by the application through its reader. */
  public void recordChars(char[] c, int off, int len) {
    touched = true;
    if (len > 0 && room(len)) {
      chars.append(c, off, len);
    }
  }

  private boolean room(int n) {
    if (overflow) {
      return false;
    }
    if (bytes.size() + chars.length() + n > limit) {
      overflow = true;
      bytes.reset();
      chars.setLength(0);
      return false;
    }
    return true;
  }

  /** Whether the application opened the body, through its stream or its reader. */
  boolean touched() {
    return touched;
  }

  /** Whether the body was larger than the limit. */
  boolean overflow() {
    return overflow;
  }

  int limit() {
    return limit;
  }

  /** What was read, decoded with the request's charset. */
  String text(Charset charset) {
    return chars.length() > 0 ? chars.toString() : new String(bytes.toByteArray(), charset);
  }

  @Override
  public String toString() {
    return "BodyRecorder{limit=" + limit + ", overflow=" + overflow + '}';
  }
}
