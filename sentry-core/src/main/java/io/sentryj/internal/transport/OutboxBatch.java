package io.sentryj.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The format of a batch file: several envelopes written to the outbox at once, each as a 4-byte
 * big-endian length and the envelope's bytes.
 *
 * <p>Why: creating a file costs about a millisecond on a busy disk, so one file per envelope falls
 * behind a burst of captures, and what is not on disk yet is lost to a {@code kill -9}. The worker
 * writes the envelopes that are waiting as one batch and sends each from it; once Sentry accepted
 * one (or it was dropped) its index is appended to the batch's acks file ({@link #ACKS_SUFFIX}),
 * and when all are done both files go. Close splits what is left of its batches into one file per
 * envelope; a batch that a crash left behind is split by the next start, without the envelopes
 * acknowledged and skipping the files that exist already.
 *
 * <p>The files of a batch are named after it: the batch {@code <time>-<n>-<random>} holds the
 * envelopes {@code <time>-<n + i>-<random>}, for i from 0.
 */
final class OutboxBatch {
  static final String SUFFIX = ".batch";

  /** Beside a batch, the indexes of its envelopes that are done with (delivered or dropped). */
  static final String ACKS_SUFFIX = ".acks";

  private static final long COUNTERS = 1_000_000_000L;

  private OutboxBatch() {}

  /** The batch file's content. */
  static byte[] encode(List<byte[]> envelopes) {
    int size = 0;
    for (byte[] e : envelopes) {
      size += 4 + e.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    for (byte[] e : envelopes) {
      out.write(e.length >>> 24);
      out.write(e.length >>> 16);
      out.write(e.length >>> 8);
      out.write(e.length);
      out.write(e, 0, e.length);
    }
    return out.toByteArray();
  }

  /** The envelopes in a batch file's content, in order. */
  static List<byte[]> decode(byte[] content) throws IOException {
    List<byte[]> envelopes = new ArrayList<>();
    int pos = 0;
    while (pos < content.length) {
      if (content.length - pos < 4) {
        throw new IOException("a batch ends inside a length, at byte " + pos);
      }
      int length =
          (content[pos] & 0xff) << 24
              | (content[pos + 1] & 0xff) << 16
              | (content[pos + 2] & 0xff) << 8
              | (content[pos + 3] & 0xff);
      pos += 4;
      if (length < 0 || length > content.length - pos) {
        throw new IOException("a batch's envelope runs past its end, at byte " + pos);
      }
      byte[] e = new byte[length];
      System.arraycopy(content, pos, e, 0, length);
      envelopes.add(e);
      pos += length;
    }
    return envelopes;
  }

  /** Where each envelope's bytes start in the batch file's content. */
  static long[] offsets(List<byte[]> envelopes) {
    long[] offsets = new long[envelopes.size()];
    long pos = 0;
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = pos + 4;
      pos += 4 + envelopes.get(i).length;
    }
    return offsets;
  }

  /** One index as the acks file holds it. */
  static byte[] ack(int index) {
    return new byte[] {
      (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index
    };
  }

  /**
   * The indexes an acks file's content holds; a last, partial one (a crash while it was written) is
   * ignored.
   */
  static Set<Integer> acks(byte[] content) {
    Set<Integer> done = new HashSet<>();
    for (int pos = 0; pos + 4 <= content.length; pos += 4) {
      done.add(
          (content[pos] & 0xff) << 24
              | (content[pos + 1] & 0xff) << 16
              | (content[pos + 2] & 0xff) << 8
              | (content[pos + 3] & 0xff));
    }
    return done;
  }

  /** How many envelopes a batch file holds, reading only their lengths. */
  static int count(Path batch) throws IOException {
    int n = 0;
    try (FileChannel in = FileChannel.open(batch, StandardOpenOption.READ)) {
      ByteBuffer length = ByteBuffer.allocate(4);
      long pos = 0;
      long size = in.size();
      while (pos + 4 <= size) {
        length.clear();
        while (length.hasRemaining() && in.read(length, pos + length.position()) > 0) {
          // reads the 4 bytes of the length
        }
        length.flip();
        pos += 4 + (length.getInt() & 0xffffffffL);
        n++;
      }
    }
    return n;
  }

  /** {@code <time>-<n>-<random>} for the file that holds a batch's envelope {@code index}. */
  static String entryBase(String batchBase, int index) {
    int first = batchBase.indexOf('-');
    int second = batchBase.indexOf('-', first + 1);
    long n = Long.parseLong(batchBase.substring(first + 1, second));
    return String.format(
        Locale.ROOT,
        "%s-%09d-%s",
        batchBase.substring(0, first),
        (n + index) % COUNTERS,
        batchBase.substring(second + 1));
  }
}
