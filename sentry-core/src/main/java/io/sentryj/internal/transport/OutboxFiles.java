package io.sentryj.internal.transport;

import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The outbox's files: one per envelope, stored without {@code sent_at} (protocol rule 4), in a
 * directory that belongs to this user alone.
 *
 * <p>A directory that another user owns, or that group or others may write to, is refused: someone
 * else could read the events or plant envelopes for this SDK to send. Every file, the lock
 * included, is created readable and writable by its owner only. Files are written to a temporary
 * name and renamed atomically, so that a reader never sees half an envelope.
 *
 * <p>Each instance holds a lock file {@code <owner>.lock} for its lifetime and names its files
 * {@code <time>-<n>-<random>.<owner>.envelope} (and {@code .batch}, see {@link OutboxBatch}); only
 * names of exactly that form are ever read. Another JVM adopts a file only after taking its owner's
 * lock (the owner is gone) and renaming the file to its own name; a rename succeeds once, so two
 * JVMs sharing a directory never both send one file.
 *
 * <p>Thread-safe: names are unique, and the file system orders renames.
 */
final class OutboxFiles {
  static final String SUFFIX = ".envelope";
  private static final String TEMP_SUFFIX = ".tmp";
  static final String LOCK_SUFFIX = ".lock";
  private static final String CORRUPT_DIR = "corrupt";
  static final Pattern NAME =
      Pattern.compile(
          "(\\d{13}-\\d{9}-[0-9a-f]{8})\\.([0-9a-f]{16})(\\.envelope|\\.batch|\\.acks|\\.tmp)");
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Set<StandardOpenOption> CREATE_NEW_WRITE =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final Path dir;
  private final String owner;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final boolean posix;
  private final boolean removeParentIfEmpty;
  private final AtomicLong counter = new AtomicLong();
  private final ReentrantLock ackLock = new ReentrantLock();

  OutboxFiles(
      Path dir,
      String owner,
      FileChannel lockChannel,
      FileLock lock,
      boolean posix,
      boolean parent) {
    this.dir = dir;
    this.owner = owner;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.posix = posix;
    this.removeParentIfEmpty = parent;
  }

  static String randomHex() {
    return String.format(Locale.ROOT, "%016x", RANDOM.nextLong());
  }

  Path dir() {
    return dir;
  }

  /** Writes an envelope (without {@code sent_at}) and returns its file. */
  Path write(byte[] envelope) throws IOException {
    return writeAtomically(newBase(1) + "." + owner + SUFFIX, envelope);
  }

  /** Writes envelopes as one {@link OutboxBatch} file and returns it. */
  Path writeBatch(List<byte[]> envelopes) throws IOException {
    String name = newBase(envelopes.size()) + "." + owner + OutboxBatch.SUFFIX;
    return writeAtomically(name, OutboxBatch.encode(envelopes));
  }

  /** The bytes of one envelope of a batch, from its offset. */
  byte[] readFromBatch(Path batch, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try (FileChannel in = FileChannel.open(batch, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        if (in.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException(batch + " ends before its envelope at " + offset);
        }
      }
    }
    return bytes;
  }

  /**
   * Records that a batch's envelope {@code index} is done with (delivered or dropped), so that no
   * later start sends it. Appended to the batch's acks file; several threads may call it.
   */
  void ack(Path batch, int index) throws IOException {
    Path acks = acksOf(batch);
    Set<StandardOpenOption> append =
        EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    ackLock.lock();
    try (FileChannel out =
        posix
            ? FileChannel.open(acks, append, OutboxDirectory.ownerOnly(false))
            : FileChannel.open(acks, append)) {
      ByteBuffer b = ByteBuffer.wrap(OutboxBatch.ack(index));
      while (b.hasRemaining()) {
        out.write(b);
      }
    } finally {
      ackLock.unlock();
    }
  }

  /** Deletes a batch all of whose envelopes are done with: the batch first, then its acks. */
  void deleteBatch(Path batch) {
    delete(batch);
    delete(acksOf(batch));
  }

  private Path acksOf(Path batch) {
    return dir.resolve(
        baseOf(batch.getFileName().toString()) + "." + owner + OutboxBatch.ACKS_SUFFIX);
  }

  /**
   * Writes envelope {@code index} of a batch to its own file and returns it; if that file exists
   * already (a split that a crash cut short), leaves it as it is.
   */
  Path writeFromBatch(Path batch, int index, byte[] envelope) throws IOException {
    String base = OutboxBatch.entryBase(baseOf(batch.getFileName().toString()), index);
    Path target = dir.resolve(base + "." + owner + SUFFIX);
    return Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        ? target
        : writeAtomically(target.getFileName().toString(), envelope);
  }

  private static String baseOf(String name) {
    return name.substring(0, name.indexOf('.'));
  }

  /** A new name's {@code <time>-<n>-<random>}, with {@code count} numbers from n on reserved. */
  private String newBase(int count) {
    return String.format(
        Locale.ROOT,
        "%013d-%09d-%08x",
        System.currentTimeMillis(),
        counter.getAndAdd(count) % 1_000_000_000L,
        RANDOM.nextInt());
  }

  /** Writes to a temporary name, then renames, so that no reader ever sees half a file. */
  private Path writeAtomically(String name, byte[] content) throws IOException {
    Path temp = dir.resolve(baseOf(name) + "." + owner + TEMP_SUFFIX);
    Path target = dir.resolve(name);
    try {
      try (SeekableByteChannel out =
          posix
              ? Files.newByteChannel(temp, CREATE_NEW_WRITE, OutboxDirectory.ownerOnly(false))
              : Files.newByteChannel(temp, CREATE_NEW_WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      moveAtomically(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return target;
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** The file's bytes; only a regular file is read, never what a link points to. */
  byte[] read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? new IOException(file + " is not a regular file")
          : new NoSuchFileException(file.toString());
    }
    return Files.readAllBytes(file);
  }

  /** Deletes a file that was sent or dropped. */
  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      Diagnostics.warn("cannot delete %s: %s", file, Diagnostics.describe(e));
    }
  }

  /** Moves a file that is not a readable envelope to {@code corrupt/}, where nothing reads it. */
  void moveAside(Path file) {
    try {
      Path corrupt = dir.resolve(CORRUPT_DIR);
      if (!Files.isDirectory(corrupt)) {
        if (posix) {
          Files.createDirectories(corrupt, OutboxDirectory.ownerOnly(true));
        } else {
          Files.createDirectories(corrupt);
        }
      }
      Files.move(file, corrupt.resolve(file.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      delete(file);
    }
  }

  /**
   * Adopts the files of owners that are gone, oldest first: each is renamed to this outbox's name,
   * so that no other JVM sends it too; a batch is split into its envelopes' files first (none of
   * its envelopes was ever sent). Files of live owners, files with other names and anything that is
   * not a regular file are left alone. A batch that cannot be read is set aside, with a warning.
   */
  List<Path> adoptOrphans() {
    List<String> names = sortedNames();
    Set<String> bases = envelopeBases(names);
    List<Path> adopted = new ArrayList<>();
    for (String name : names) {
      Path claimed = claim(name, OutboxBatch.SUFFIX);
      if (claimed != null) {
        adopted.addAll(split(claimed, bases, names));
      }
    }
    for (String name : names) {
      Path claimed = claim(name, SUFFIX);
      if (claimed != null) {
        adopted.add(claimed);
      }
    }
    Collections.sort(adopted); // names start with the time written: oldest first
    return adopted;
  }

  /**
   * Renames a file of a gone owner with that suffix to this outbox's name; null when the name is
   * not of that kind, its owner lives, or another JVM took it first. A gone owner's temporary file
   * (its writer died before the rename) is deleted.
   */
  private @Nullable Path claim(String name, String suffix) {
    Matcher m = NAME.matcher(name);
    if (!m.matches() || m.group(2).equals(owner) || !isGone(m.group(2))) {
      return null;
    }
    Path from = dir.resolve(name);
    if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (m.group(3).equals(TEMP_SUFFIX)) {
      delete(from); // never a whole file
      return null;
    }
    if (!m.group(3).equals(suffix)) {
      return null;
    }
    Path to = dir.resolve(m.group(1) + "." + owner + suffix);
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      return to;
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      return null; // another JVM adopted it first
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("cannot adopt %s: %s", from, Diagnostics.describe(e));
      return null;
    }
  }

  /** The {@code <time>-<n>-<random>} of each envelope file among these names. */
  static Set<String> envelopeBases(List<String> names) {
    Set<String> bases = new HashSet<>();
    for (String name : names) {
      Matcher m = NAME.matcher(name);
      if (m.matches() && m.group(3).equals(SUFFIX)) {
        bases.add(m.group(1));
      }
    }
    return bases;
  }

  /**
   * Splits this outbox's own batches into files for their envelopes not acknowledged, as the next
   * start would: at close, so that what stays behind is one envelope per file, which the {@code
   * inspect} command, an upload of an {@code outbox-only} directory or an older version reads. A
   * crash during it leaves batch and files, which the next start reconciles.
   */
  void splitOwnBatches() {
    List<String> names = sortedNames();
    Set<String> bases = envelopeBases(names);
    for (String name : names) {
      Matcher m = NAME.matcher(name);
      if (m.matches() && m.group(2).equals(owner) && m.group(3).equals(OutboxBatch.SUFFIX)) {
        split(dir.resolve(name), bases, names);
      }
    }
  }

  /**
   * Splits an adopted batch into files for its envelopes not acknowledged, skipping those that
   * exist under any name, then deletes it and every acks file of it.
   */
  private List<Path> split(Path batch, Set<String> existing, List<String> names) {
    List<Path> files = new ArrayList<>();
    String base = baseOf(batch.getFileName().toString());
    try {
      List<Path> acks = acksOf(base, names);
      Set<Integer> done = new HashSet<>();
      for (Path a : acks) {
        done.addAll(OutboxBatch.acks(read(a)));
      }
      List<byte[]> envelopes = OutboxBatch.decode(read(batch));
      for (int i = 0; i < envelopes.size(); i++) {
        if (!done.contains(i) && !existing.contains(OutboxBatch.entryBase(base, i))) {
          files.add(writeFromBatch(batch, i, envelopes.get(i)));
        }
      }
      delete(batch);
      for (Path a : acks) {
        delete(a);
      }
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("an outbox batch is unreadable and set aside: %s", Diagnostics.describe(e));
      moveAside(batch);
    }
    return files;
  }

  /** The acks files of a batch, whoever wrote them. */
  private List<Path> acksOf(String base, List<String> names) {
    List<Path> acks = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith(base + ".") && name.endsWith(OutboxBatch.ACKS_SUFFIX)) {
        acks.add(dir.resolve(name));
      }
    }
    return acks;
  }

  /**
   * The envelopes in a directory, counted as the next start would adopt them: files of their own,
   * and in each batch those not split out yet.
   */
  static int countStored(Path dir) {
    return StoredOutbox.count(dir);
  }

  /** The directory's entries by name: names start with the time written, so oldest first. */
  private List<String> sortedNames() {
    return sortedNames(dir);
  }

  private static List<String> sortedNames(Path dir) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        names.add(f.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("cannot list the outbox %s: %s", dir, Diagnostics.describe(e));
    }
    Collections.sort(names);
    return names;
  }

  /** Whether the outbox that owned files under that name is closed or its JVM gone. */
  private boolean isGone(String fileOwner) {
    Path lockFile = dir.resolve(fileOwner + LOCK_SUFFIX);
    if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock l = channel.tryLock();
      if (l == null) {
        return false;
      }
      l.release();
      Files.deleteIfExists(lockFile);
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // held by another outbox in this JVM
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Releases the lock, so that the next start adopts what is left, and removes the directory when
   * nothing is left in it.
   */
  void close() {
    try {
      lock.release();
      lockChannel.close();
      Files.deleteIfExists(dir.resolve(owner + LOCK_SUFFIX));
    } catch (IOException | RuntimeException e) {
      Diagnostics.debug("closing the outbox lock failed: %s", Diagnostics.describe(e));
    }
    if (removeIfEmpty(dir) && removeParentIfEmpty) {
      Path parent = dir.getParent();
      if (parent != null) {
        removeIfEmpty(parent);
      }
    }
  }

  private static boolean removeIfEmpty(Path directory) {
    try {
      Files.delete(directory);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false; // envelopes wait for the next start, or another JVM uses it
    } catch (IOException | RuntimeException e) {
      Diagnostics.debug("cannot remove %s: %s", directory, Diagnostics.describe(e));
      return false;
    }
  }

  @Override
  public String toString() {
    return "OutboxFiles{" + dir + '}';
  }
}
