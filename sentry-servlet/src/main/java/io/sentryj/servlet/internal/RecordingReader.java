package io.sentryj.servlet.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** A reader that hands the application the body and the recorder a copy of what it read. */
public final class RecordingReader extends FilterReader {
  private final BodyRecorder recorder;

  /** A reader over the container's reader. */
  public RecordingReader(Reader in, BodyRecorder recorder) {
    super(in);
    this.recorder = recorder;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    recorder.recordChar(c);
    return c;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = super.read(cbuf, off, len);
    recorder.recordChars(cbuf, off, n);
    return n;
  }

  @Override
  public String toString() {
    return "RecordingReader{" + recorder + '}';
  }
}
