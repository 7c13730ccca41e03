package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.testing.Envelopes;
import java.io.OutputStream;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class GzipBodyTest {
  @Test
  void eachBodyIsAWholeGzipStreamThoughTheCompressorIsShared() throws Exception {
    Random random = new Random(7);
    try (GzipBody gzip = new GzipBody()) {
      for (int size : new int[] {0, 1, 100, 70_000, 5}) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
          data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt() : 'a' + i % 7);
        }
        Buffer body = new Buffer();
        OutputStream out = gzip.begin(body);
        out.write(data, 0, size / 2);
        if (size > 0) {
          out.write(data[size / 2]);
        }
        out.write(
            data, size / 2 + 1 > size ? size : size / 2 + 1, Math.max(0, size - size / 2 - 1));
        gzip.finish();
        assertThat(Envelopes.unzipped(body.readByteArray())).as("size %d", size).isEqualTo(data);
      }
    }
  }
}
