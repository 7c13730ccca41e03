package io.sentryj.internal.transport;

import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The disk outbox: one file per envelope, stored without {@code sent_at} (protocol rule 4).
 *
 * <p>Files are written to a temporary name and renamed atomically, so that a reader never sees half
 * an envelope from a live writer, and readable by their owner only, since events may hold personal
 * data. Each outbox instance holds a lock file {@code <owner>.lock} for its lifetime and names the
 * files it owns {@code <time>-<n>-<random>.<owner>.envelope}. Another JVM adopts a file only after
 * taking its owner's lock (the owner is gone) and renaming the file to its own name; a rename
 * succeeds once, so two JVMs sharing a directory never both send one file.
 *
 * <p>Thread-safe: names are unique, and the file system orders renames.
 */
final class Outbox {
  static final String SUFFIX = ".envelope";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String LOCK_SUFFIX = ".lock";
  private static final String CORRUPT_DIR = "corrupt";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final Path dir;
  private final String owner;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final boolean posix;
  private final AtomicLong counter = new AtomicLong();

  private Outbox(Path dir, String owner, FileChannel lockChannel, FileLock lock, boolean posix) {
    this.dir = dir;
    this.owner = owner;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.posix = posix;
  }

  /**
   * Opens (creating it, owner-only) the outbox in {@code dir}, or returns null after one warning
   * when it cannot be created or written, so that the SDK runs memory-only.
   */
  static @Nullable Outbox open(Path dir) {
    try {
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(dir, ownerOnly(true));
        } else {
          Files.createDirectories(dir);
        }
      }
      String owner = randomHex();
      Path lockFile = dir.resolve(owner + LOCK_SUFFIX);
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      return new Outbox(dir, owner, channel, lock, posix);
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn(
          "the outbox %s cannot be used (%s): envelopes are kept in memory only",
          dir, Diagnostics.describe(e));
      return null;
    }
  }

  /** The default directory: {@code <java.io.tmpdir>/sentryj/<name>}. */
  static Path defaultDir(String name) {
    return java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"), "sentryj", name);
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(boolean directory) {
    return PosixFilePermissions.asFileAttribute(
        directory
            ? EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE)
            : EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  private static String randomHex() {
    return String.format(Locale.ROOT, "%016x", RANDOM.nextLong());
  }

  Path dir() {
    return dir;
  }

  /** Writes an envelope (without {@code sent_at}) and returns its file. */
  Path write(byte[] envelope) throws IOException {
    String base =
        String.format(
            Locale.ROOT,
            "%013d-%09d-%08x",
            System.currentTimeMillis(),
            counter.incrementAndGet(),
            RANDOM.nextInt());
    Path temp = dir.resolve(base + "." + owner + TEMP_SUFFIX);
    Path target = dir.resolve(base + "." + owner + SUFFIX);
    try {
      try (SeekableByteChannel out =
          posix
              ? Files.newByteChannel(temp, CREATE_NEW_WRITE, ownerOnly(false))
              : Files.newByteChannel(temp, CREATE_NEW_WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(envelope);
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

  /** The file's bytes. */
  byte[] read(Path file) throws IOException {
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
      Files.createDirectories(corrupt);
      Files.move(file, corrupt.resolve(file.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      delete(file);
    }
  }

  /**
   * Adopts the files of owners that are gone (and of none), oldest first: each is renamed to this
   * outbox's name, so that no other JVM sends it too. Files of live owners are left alone.
   */
  List<Path> adoptOrphans() {
    List<Path> adopted = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        names.add(f.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("cannot list the outbox %s: %s", dir, Diagnostics.describe(e));
      return adopted;
    }
    Collections.sort(names); // names start with the time written: oldest first
    for (String name : names) {
      String fileOwner = ownerOf(name);
      if (fileOwner == null || fileOwner.equals(owner) || !isGone(fileOwner)) {
        continue;
      }
      Path from = dir.resolve(name);
      if (name.endsWith(TEMP_SUFFIX)) {
        delete(from); // its writer died before the rename: never a whole envelope
        continue;
      }
      String base = name.substring(0, name.indexOf('.'));
      Path to = dir.resolve(base + "." + owner + SUFFIX);
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        adopted.add(to);
      } catch (NoSuchFileException | FileAlreadyExistsException e) {
        // another JVM adopted it first
      } catch (IOException | RuntimeException e) {
        Diagnostics.warn("cannot adopt %s: %s", from, Diagnostics.describe(e));
      }
    }
    return adopted;
  }

  /** The owner in {@code <base>.<owner>.envelope} or {@code .tmp}, or null for other files. */
  private static @Nullable String ownerOf(String name) {
    if (!name.endsWith(SUFFIX) && !name.endsWith(TEMP_SUFFIX)) {
      return null;
    }
    String[] parts = name.split("\\.", -1);
    return parts.length == 3 ? parts[1] : null;
  }

  /** Whether the outbox that owned files under that name is closed or its JVM gone. */
  private boolean isGone(String fileOwner) {
    Path lockFile = dir.resolve(fileOwner + LOCK_SUFFIX);
    if (!Files.exists(lockFile)) {
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

  /** Releases the lock, so that the next start adopts what is left. */
  void close() {
    try {
      lock.release();
      lockChannel.close();
      Files.deleteIfExists(dir.resolve(owner + LOCK_SUFFIX));
    } catch (IOException | RuntimeException e) {
      Diagnostics.debug("closing the outbox lock failed: %s", Diagnostics.describe(e));
    }
  }

  @Override
  public String toString() {
    return "Outbox{" + dir + '}';
  }
}
