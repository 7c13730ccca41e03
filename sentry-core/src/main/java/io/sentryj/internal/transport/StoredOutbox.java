package io.sentryj.internal.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * What an outbox directory holds, as the agent's {@code inspect} and {@code upload} commands read
 * it: envelope files, and the envelopes of batch files that a JVM killed before its close left
 * behind, without those Sentry had already taken.
 */
public final class StoredOutbox {
  private StoredOutbox() {}

  /** One stored envelope: its file's name ({@code <batch file>#<index>} inside a batch). */
  public static final class Entry {
    private final String name;
    private final byte[] bytes;

    Entry(String name, byte[] bytes) {
      this.name = name;
      this.bytes = bytes;
    }

    /** The file's name, or the batch file's name and the envelope's index in it. */
    public String name() {
      return name;
    }

    /** The envelope's bytes. Not copied: do not change the array. */
    @SuppressWarnings("mutable")
    public byte[] bytes() {
      return bytes;
    }
  }

  /**
   * The envelopes waiting in {@code dir}, oldest first; reads only, whoever owns them. A batch that
   * cannot be read is left out.
   */
  public static List<Entry> read(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    scan(dir, entries);
    return entries;
  }

  /**
   * How many envelopes {@code dir} holds, in files of their own and in batches (reading only the
   * batches' lengths and acknowledgements): what would survive a {@code kill -9} now.
   */
  static int count(Path dir) {
    try {
      return scan(dir, null);
    } catch (IOException e) {
      return 0; // no directory (yet, or any more)
    }
  }

  /** Counts the envelopes waiting, and adds them to {@code entries} with their bytes if given. */
  private static int scan(Path dir, @Nullable List<Entry> entries) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        names.add(f.getFileName().toString());
      }
    }
    Collections.sort(names); // names start with the time written
    Set<String> split = OutboxFiles.envelopeBases(names);
    int count = 0;
    for (String name : names) {
      Matcher m = OutboxFiles.NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      try {
        if (m.group(3).equals(OutboxFiles.SUFFIX)) {
          count++;
          if (entries != null) {
            entries.add(new Entry(name, Files.readAllBytes(dir.resolve(name))));
          }
        } else if (m.group(3).equals(OutboxBatch.SUFFIX)) {
          count += inBatch(dir, name, m.group(1), names, split, entries);
        }
      } catch (IOException e) {
        // done with and deleted since it was listed, or unreadable: the next start sets it aside
      }
    }
    return count;
  }

  private static int inBatch(
      Path dir,
      String batch,
      String base,
      List<String> names,
      Set<String> split,
      @Nullable List<Entry> entries)
      throws IOException {
    Set<Integer> done = new HashSet<>();
    for (String name : names) {
      if (name.startsWith(base + ".") && name.endsWith(OutboxBatch.ACKS_SUFFIX)) {
        done.addAll(OutboxBatch.acks(Files.readAllBytes(dir.resolve(name))));
      }
    }
    List<byte[]> envelopes =
        entries != null ? OutboxBatch.decode(Files.readAllBytes(dir.resolve(batch))) : null;
    int size = envelopes != null ? envelopes.size() : OutboxBatch.count(dir.resolve(batch));
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!done.contains(i) && !split.contains(OutboxBatch.entryBase(base, i))) {
        n++;
        if (entries != null && envelopes != null) {
          entries.add(new Entry(batch + "#" + i, envelopes.get(i)));
        }
      }
    }
    return n;
  }

  /**
   * Takes over what JVMs that are gone left in {@code dir}, as a starting SDK would (their batches
   * split into one file per envelope not yet taken by Sentry), then releases it: after this every
   * envelope waiting there from a gone JVM is a file of its own. False, after one warning, when the
   * directory is refused (not this user's alone); files of JVMs still running are left alone.
   */
  public static boolean adoptLeftovers(Path dir) {
    OutboxFiles files = OutboxDirectory.open(dir, false);
    if (files == null) {
      return false;
    }
    try {
      files.adoptOrphans();
    } finally {
      files.close();
    }
    return true;
  }
}
