package io.sentryj.internal.envelope;

import com.google.gson.stream.JsonWriter;
import io.sentryj.EnvelopeItem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Writes a {@code sessions} item (protocol section 6, request mode): {@code
 * {"aggregates":[{"started":"…","exited":n,"errored":n,"crashed":n}],"attrs":{"release":…,
 * "environment":…}}}. Counts of zero are left out; at most {@link #MAX_BUCKETS} buckets per item.
 */
public final class SessionsWriter {
  /** The most buckets one {@code sessions} item may hold (protocol section 2). */
  public static final int MAX_BUCKETS = 100;

  private SessionsWriter() {}

  /** One minute of sessions: when they started (the minute, in epoch millis) and how they ended. */
  public static final class Bucket {
    final long startedMillis;
    final long exited;
    final long errored;
    final long crashed;

    /** A bucket; {@code startedMillis} is rounded down to its minute. */
    public Bucket(long startedMillis, long exited, long errored, long crashed) {
      this.startedMillis = startedMillis - Math.floorMod(startedMillis, 60_000L);
      this.exited = exited;
      this.errored = errored;
      this.crashed = crashed;
    }

    @Override
    public String toString() {
      return "Bucket{" + startedMillis + ": " + exited + "/" + errored + "/" + crashed + '}';
    }
  }

  /**
   * The item for up to {@link #MAX_BUCKETS} buckets.
   *
   * @throws IllegalArgumentException for no bucket or too many
   */
  public static EnvelopeItem write(List<Bucket> buckets, String release, String environment) {
    if (buckets.isEmpty() || buckets.size() > MAX_BUCKETS) {
      throw new IllegalArgumentException("1 to " + MAX_BUCKETS + " buckets, got " + buckets.size());
    }
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject().name("aggregates").beginArray();
      for (Bucket b : buckets) {
        w.beginObject().name("started").value(Rfc3339.format(b.startedMillis));
        count(w, "exited", b.exited);
        count(w, "errored", b.errored);
        count(w, "crashed", b.crashed);
        w.endObject();
      }
      w.endArray().name("attrs").beginObject();
      w.name("release").value(release).name("environment").value(environment);
      w.endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    byte[] payload = out.toString().getBytes(StandardCharsets.UTF_8);
    return EnvelopeItem.of("sessions", Collections.<String, Object>emptyMap(), payload);
  }

  private static void count(JsonWriter w, String name, long count) throws IOException {
    if (count > 0) {
      w.name(name).value(count);
    }
  }
}
