package io.sentryj.agent;

import io.sentryj.SentryOptions;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.config.OptionText;
import io.sentryj.internal.envelope.EnvelopeFormatException;
import io.sentryj.internal.transport.DirectSender;
import io.sentryj.internal.transport.StoredOutbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code upload [--dsn <dsn>] <dir>...}: sends the envelopes stored in outbox directories (an SDK's
 * outbox, or the agent's {@code agent.envelope-dir}) to Sentry, one at a time, oldest first, and
 * says what became of each. A file the server accepted is deleted; any other stays for a later try.
 * Files of an outbox whose JVM still runs are left to it. Stops at the first answer that says the
 * rest would fail as well (no connection, 401, 403, 429). Without {@code --dsn}, the DSN comes from
 * the usual configuration ({@code -Dsentry.dsn}, {@code SENTRY_DSN}, {@code sentry.properties}).
 */
final class UploadCommand {
  private static final String SUFFIX = ".envelope";
  private static final String LOCK_SUFFIX = ".lock";

  private UploadCommand() {}

  /** Returns 0 when every file was delivered, 1 when some were kept, 2 on a usage error. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    String dsnArgument = null;
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--dsn") && i + 1 < args.length) {
        dsnArgument = args[++i];
      } else if (args[i].startsWith("--dsn=")) {
        dsnArgument = args[i].substring("--dsn=".length());
      } else if (args[i].startsWith("-")) {
        err.println("upload: unknown option " + args[i]);
        return 2;
      } else {
        dirs.add(Paths.get(args[i]));
      }
    }
    if (dirs.isEmpty()) {
      err.println("upload: name at least one outbox directory");
      return 2;
    }
    SentryOptions options;
    try {
      options = options(dsnArgument);
    } catch (IllegalArgumentException e) {
      err.println("upload: " + e.getMessage());
      return 2;
    }
    String dsn = options.dsn();
    if (!options.hasDsn() || dsn == null) {
      err.println("upload: no DSN: give one with --dsn, -Dsentry.dsn or SENTRY_DSN");
      return 2;
    }
    out.println("uploading to " + Dsn.parse(dsn));
    Totals totals = new Totals();
    try (DirectSender sender = new DirectSender(options)) {
      for (Path dir : dirs) {
        if (!upload(dir, sender, out, totals)) {
          break;
        }
      }
    }
    out.println(
        "sent "
            + totals.sent
            + ", kept "
            + totals.kept
            + ", left to a running JVM "
            + totals.inUse
            + (totals.notTried > 0 ? ", not tried " + totals.notTried : ""));
    return totals.kept + totals.notTried > 0 ? 1 : 0;
  }

  private static SentryOptions options(@Nullable String dsn) {
    SentryOptions.Builder builder = SentryOptions.builder();
    if (dsn != null) {
      BuilderAccess.get().option(builder, new OptionText("dsn", dsn, "command line --dsn"));
    }
    return SentryRuntime.resolveOptions(builder);
  }

  /** Sends the files of one directory; false when the rest should not be tried. */
  private static boolean upload(Path dir, DirectSender sender, PrintStream out, Totals totals)
      throws InterruptedException {
    List<Path> files;
    try {
      // what a killed JVM left in batches becomes envelope files first, as its next start would do
      StoredOutbox.adoptLeftovers(dir);
      files = envelopes(dir);
    } catch (IOException e) {
      out.println(dir + ": cannot be read: " + e);
      totals.kept++;
      return true;
    }
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      if (ownerIsRunning(dir, file.getFileName().toString())) {
        out.println(file + ": left alone, the JVM that wrote it still runs and sends it");
        totals.inUse++;
        continue;
      }
      DirectSender.Answer answer;
      try {
        answer = sender.send(Files.readAllBytes(file));
      } catch (EnvelopeFormatException e) {
        out.println(file + ": kept, not an envelope: " + e.getMessage());
        totals.kept++;
        continue;
      } catch (IOException e) {
        out.println(file + ": kept, cannot be read: " + e);
        totals.kept++;
        continue;
      }
      if (answer.accepted()) {
        delete(file, out);
        out.println(file + ": sent (" + answer + ")");
        totals.sent++;
        continue;
      }
      out.println(file + ": kept (" + answer + ")");
      totals.kept++;
      if (stopsEverything(answer)) {
        totals.notTried += files.size() - i - 1;
        out.println("stopped: the server would refuse the rest in the same way");
        return false;
      }
    }
    return true;
  }

  /** Whether an answer says that every following envelope would fail in the same way. */
  static boolean stopsEverything(DirectSender.Answer answer) {
    int status = answer.status();
    return answer.error() != null || status == 401 || status == 403 || status == 429;
  }

  private static List<Path> envelopes(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    Collections.sort(files); // an outbox's names start with the time written: oldest first
    return files;
  }

  /**
   * Whether the file belongs to an outbox that is still open: its name is {@code
   * <base>.<owner>.envelope}, and another process holds the lock of {@code <owner>.lock}.
   */
  static boolean ownerIsRunning(Path dir, String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    Path lockFile = dir.resolve(parts[1] + LOCK_SUFFIX);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void delete(Path file, PrintStream out) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      out.println(file + ": sent, but could not be deleted: " + e);
    }
  }

  /** What became of the files. */
  private static final class Totals {
    int sent;
    int kept;
    int inUse;
    int notTried;

    @Override
    public String toString() {
      return "Totals{sent=" + sent + ", kept=" + kept + '}';
    }
  }
}
