package io.sentryj.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The format of a batch file: several envelopes written to the outbox at once, each as a 4-byte
 * big-endian length and the envelope's bytes.
 *
 * <p>Why: creating a file costs about a millisecond on a busy disk, so one file per envelope falls
 * behind a burst of captures, and what is not on disk yet is lost to a {@code kill -9}. The worker
 * writes the envelopes that are waiting as one batch, then, when it has nothing else to do, splits
 * the batch into one file per envelope (what the rest of delivery and the CLI read) and deletes it.
 * No envelope of a batch is sent before the batch file is gone, so a batch that a crash left behind
 * holds only envelopes never sent: the next start splits it again, skipping the files that exist
 * already.
 *
 * <p>The files of a batch are named after it: the batch {@code <time>-<n>-<random>} holds the
 * envelopes {@code <time>-<n + i>-<random>}, for i from 0.
 */
final class OutboxBatch {
  static final String SUFFIX = ".batch";
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
