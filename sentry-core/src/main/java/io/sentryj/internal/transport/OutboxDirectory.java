package io.sentryj.internal.transport;

import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Opens an outbox directory, and only one that belongs to this user alone: one that another user
 * owns, or that group or others may write to, is refused with one warning naming it (someone else
 * could read the events, or plant envelopes for this SDK to send), and the SDK runs memory-only. A
 * directory it creates, and the lock file it holds, are the owner's only.
 */
final class OutboxDirectory {
  private OutboxDirectory() {}

  /**
   * Opens (creating it, owner-only) the outbox in {@code dir}, or returns null after one warning
   * naming the directory when it cannot be used or is not this user's alone, so that the SDK runs
   * memory-only.
   *
   * @param removeParentIfEmpty whether {@link OutboxFiles#close} also removes the parent when it is
   *     empty (the default location's {@code sentryj} directory)
   */
  static @Nullable OutboxFiles open(Path dir, boolean removeParentIfEmpty) {
    for (int attempt = 0; ; attempt++) {
      try {
        return tryOpen(dir, removeParentIfEmpty);
      } catch (NoSuchFileException e) {
        if (attempt == 0) {
          continue; // another JVM removed the empty directory as this one created it: again
        }
        return refuse(dir, Diagnostics.describe(e));
      } catch (IOException | RuntimeException e) {
        return refuse(dir, Diagnostics.describe(e));
      }
    }
  }

  private static @Nullable OutboxFiles tryOpen(Path dir, boolean parent) throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, ownerOnly(true));
      } else {
        Files.createDirectories(dir);
      }
    }
    Path real = dir.toRealPath();
    if (posix && isWritableByOthers(real)) {
      return refuse(dir, "writable by group or others");
    }
    String owner = OutboxFiles.randomHex();
    Path lockFile = real.resolve(owner + OutboxFiles.LOCK_SUFFIX);
    FileChannel channel =
        posix
            ? FileChannel.open(lockFile, OutboxFiles.CREATE_NEW_WRITE, ownerOnly(false))
            : FileChannel.open(lockFile, OutboxFiles.CREATE_NEW_WRITE);
    // the lock file is ours by construction: a directory with another owner is someone else's
    if (posix && !Files.getOwner(lockFile).equals(Files.getOwner(real))) {
      channel.close();
      Files.deleteIfExists(lockFile);
      return refuse(dir, "owned by " + Files.getOwner(real).getName() + ", not by this user");
    }
    return new OutboxFiles(real, owner, channel, channel.lock(), posix, parent);
  }

  private static boolean isWritableByOthers(Path dir) throws IOException {
    Set<PosixFilePermission> p = Files.readAttributes(dir, PosixFileAttributes.class).permissions();
    return p.contains(PosixFilePermission.GROUP_WRITE)
        || p.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static @Nullable OutboxFiles refuse(Path dir, String why) {
    Diagnostics.warn(
        "the outbox %s cannot be used (%s): envelopes are kept in memory only", dir, why);
    return null;
  }

  /** The default directory: {@code <java.io.tmpdir>/sentryj/<name>}. */
  static Path defaultDir(String name) {
    return java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"), "sentryj", name);
  }

  /** Read, write (and, for a directory, enter) for the owner only. */
  static FileAttribute<Set<PosixFilePermission>> ownerOnly(boolean directory) {
    return PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
  }
}
