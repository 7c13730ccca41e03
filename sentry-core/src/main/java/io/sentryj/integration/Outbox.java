package io.sentryj.integration;

import io.sentryj.SentryOptions;
import io.sentryj.internal.transport.StoredOutbox;
import io.sentryj.internal.transport.Transports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the SDK keeps envelopes on disk until Sentry accepted them (the option {@code outbox-dir}),
 * for tools that show, count or upload what waits there. Each envelope is one file that {@link
 * EnvelopeCodec#parse} reads.
 */
public final class Outbox {
  private Outbox() {}

  /** The outbox directory these options use, or null when they keep no outbox. */
  public static @Nullable Path directory(SentryOptions options) {
    return Transports.outboxDir(options);
  }

  /** How many envelopes wait in an outbox directory; 0 when it does not exist. */
  public static int storedEnvelopes(Path directory) {
    return Transports.storedEnvelopes(directory);
  }

  /**
   * The envelopes waiting in {@code dir}, oldest first, in files of their own and in batches left
   * by a killed JVM (without those Sentry had already taken); reads only, whoever owns them.
   *
   * @throws IOException when the directory cannot be read
   */
  public static List<Entry> read(Path directory) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (StoredOutbox.Entry stored : StoredOutbox.read(directory)) {
      entries.add(new Entry(stored.name(), stored.bytes()));
    }
    return entries;
  }

  /**
   * Takes over what JVMs that are gone left in {@code dir}, as a starting SDK would: afterwards
   * every envelope they left waits in a file of its own. False, after one warning, when the
   * directory is refused (not this user's alone).
   */
  public static boolean adoptLeftovers(Path directory) {
    return StoredOutbox.adoptLeftovers(directory);
  }

  /** One stored envelope. */
  public static final class Entry {
    private final String name;
    private final byte[] bytes;

    Entry(String name, byte[] bytes) {
      this.name = name;
      this.bytes = bytes;
    }

    /** The file's name, or the batch file's name and the envelope's index in it ({@code #3}). */
    public String name() {
      return name;
    }

    /** The envelope's bytes, for {@link EnvelopeCodec#parse}. Not copied: do not change them. */
    @SuppressWarnings("mutable") // a copy of every envelope of an outbox would double its memory
    public byte[] bytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return "Outbox.Entry{" + name + ", " + bytes.length + " bytes}";
    }
  }
}
