package io.sentryj.internal.transport;

import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import okio.Buffer;

/**
 * Gzips request bodies (RFC 1952) straight into an okio {@link Buffer}, with one {@link Deflater}
 * kept for every body.
 *
 * <p>A {@code GZIPOutputStream} per request allocates a new zlib state (hundreds of KiB of native
 * memory, freed only at close) and a buffer, and copies through a stream wrapper into the body: for
 * envelopes of a few KiB that setup costs as much as the compression. The fastest level is used:
 * envelopes are small, repetitive JSON, and the sending thread's time is the bottleneck.
 *
 * <pre>{@code
 * Buffer body = new Buffer();
 * OutputStream out = gzip.begin(body);
 * out.write(envelope);
 * gzip.finish();
 * }</pre>
 *
 * <p>One body at a time; not thread-safe: a sending thread takes one from the sender's pool for
 * each body and puts it back when the body is done.
 */
final class GzipBody extends OutputStream {
  // magic, deflate, no flags, no time, no extra flags, unknown OS: what GZIPOutputStream writes
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};

  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private final CRC32 crc = new CRC32();
  private final byte[] chunk = new byte[16 * 1024];
  private final byte[] one = new byte[1];
  private Buffer sink = new Buffer();
  private long length;

  /** Starts a body in {@code sink}; write it to the stream returned, then {@link #finish}. */
  OutputStream begin(Buffer sink) {
    this.sink = sink;
    deflater.reset();
    crc.reset();
    length = 0;
    sink.write(HEADER);
    return this;
  }

  @Override
  public void write(int b) {
    one[0] = (byte) b;
    write(one, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    crc.update(b, off, len);
    length += len;
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      drain();
    }
  }

  /** Ends the body: the rest of the compressed data and the trailer (CRC-32, length). */
  void finish() {
    deflater.finish();
    while (!deflater.finished()) {
      drain();
    }
    writeIntLe(crc.getValue());
    writeIntLe(length);
  }

  private void drain() {
    int n = deflater.deflate(chunk, 0, chunk.length, Deflater.NO_FLUSH);
    if (n > 0) {
      sink.write(chunk, 0, n);
    }
  }

  private void writeIntLe(long v) {
    sink.writeIntLe((int) v);
  }

  /** Frees the native compressor; the body must not be used afterwards. */
  @Override
  public void close() {
    deflater.end();
  }

  @Override
  public String toString() {
    return "GzipBody{level=" + Deflater.BEST_SPEED + '}';
  }
}
