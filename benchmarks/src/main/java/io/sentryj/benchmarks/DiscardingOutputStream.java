package io.sentryj.benchmarks;

import java.io.OutputStream;

/** Counts bytes and keeps none, so serialization cost is measured without I/O. */
final class DiscardingOutputStream extends OutputStream {
  long count;

  @Override
  public void write(int b) {
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    count += len;
  }
}
