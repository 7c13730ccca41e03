package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox is this user's alone, holds only files of its own making, and cleans up after itself.
 */
class OutboxFilesTest {
  private final PrintStream originalErr = System.err;
  private final List<OutboxFiles> opened = new ArrayList<>();
  @TempDir Path tmp;

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    for (OutboxFiles f : opened) {
      f.close();
    }
  }

  private OutboxFiles open(Path dir) {
    OutboxFiles f = OutboxDirectory.open(dir, false);
    if (f != null) {
      opened.add(f);
    }
    return f;
  }

  @Test
  void theDirectoryAndEveryFileItMakesAreReadableByTheOwnerOnly() throws Exception {
    Path dir = tmp.resolve("a/outbox");
    OutboxFiles files = open(dir);
    assertThat(files).isNotNull();
    Path envelope = files.write(bytes());
    Path batch = files.writeBatch(Arrays.asList(bytes(), bytes()));
    Path split = files.writeFromBatch(batch, 1, bytes());
    files.ack(batch, 0);
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(tmp.resolve("a"))).isEqualTo("rwx------");
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.toList();
    }
    assertThat(all).contains(envelope, batch, split).anyMatch(p -> p.toString().endsWith(".lock"));
    assertThat(all).anyMatch(p -> p.toString().endsWith(OutboxBatch.ACKS_SUFFIX));
    for (Path p : all) {
      assertThat(mode(p)).as(p.getFileName().toString()).isEqualTo("rw-------");
    }
  }

  @Test
  void aDirectoryOthersMayWriteToIsRefusedWithOneWarningNamingIt() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.write(dir.resolve(planted()), bytes()); // planted, to be sent as ours
    ByteArrayOutputStream err = captureStderr();

    DiscardRecorder recorder = new DiscardRecorder(null);
    FakeSender sender = new FakeSender();
    DeliveryProcessor t = new DeliveryProcessor(config("http://unused", dir), recorder, sender);
    try {
      assertThat(t.outboxDir()).as("memory only").isNull();
      t.send(event());
      assertThat(t.flush(10_000)).isTrue();
      assertThat(sender.sent).as("only the event sent here, not the planted file").hasSize(1);
    } finally {
      t.close(1000);
    }
    assertThat(warnings(err)).hasSize(1);
    assertThat(warnings(err).get(0))
        .contains(dir.toString())
        .contains("writable by group or others");
    assertThat(dir.resolve(planted())).exists();
  }

  @Test
  void aDirectoryAnotherUserOwnsIsRefused() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")), "only root can hand a directory over");
    Path dir = Files.createDirectory(tmp.resolve("theirs"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    UserPrincipal nobody =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(dir, nobody);
    ByteArrayOutputStream err = captureStderr();
    assertThat(open(dir)).isNull();
    assertThat(warnings(err).get(0)).contains(dir.toString()).contains("owned by nobody");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.count()).as("not even a lock file left behind").isZero();
    }
  }

  @Test
  void onlyFilesOfItsOwnMakingAndNamingAreAdopted() throws Exception {
    Path dir = tmp.resolve("outbox");
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path ours = dir.resolve(planted());
    Files.write(ours, bytes());
    Files.write(dir.resolve("evil.envelope"), bytes());
    Files.write(dir.resolve("1-2-3.0000000000000001.envelope"), bytes());
    Files.write(
        dir.resolve("0000000000001-000000001-0000000a.0000000000000001.envelope.bak"), bytes());
    Path target = Files.write(tmp.resolve("elsewhere"), bytes());
    Files.createSymbolicLink(
        dir.resolve("0000000000002-000000001-0000000b.0000000000000001.envelope"), target);

    OutboxFiles files = open(dir);
    List<Path> adopted = files.adoptOrphans();
    assertThat(adopted).hasSize(1);
    assertThat(adopted.get(0).getFileName().toString())
        .startsWith("0000000000001-000000001-00000000.");
    assertThat(Files.exists(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void aBatchAJvmLeftIsSplitByTheNextWhichSkipsWhatWasSplitAlready() throws Exception {
    Path dir = tmp.resolve("outbox");
    OutboxFiles dead = OutboxDirectory.open(dir, false);
    Path batch = dead.writeBatch(Arrays.asList(bytes(), bytes(), bytes()));
    dead.writeFromBatch(batch, 0, bytes()); // a split cut short by a crash
    dead.close();

    OutboxFiles next = open(dir);
    List<Path> adopted = next.adoptOrphans();
    assertThat(adopted).hasSize(3); // the one split already, and the two not yet
    assertThat(Files.exists(batch)).isFalse();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".envelope")).count()).isEqualTo(3);
    }
  }

  @Test
  void whatABatchAcknowledgedIsNotSplitOutByTheNextStart() throws Exception {
    Path dir = tmp.resolve("outbox");
    OutboxFiles dead = OutboxDirectory.open(dir, false);
    Path batch = dead.writeBatch(Arrays.asList(bytes(), bytes(), bytes(), bytes()));
    dead.ack(batch, 1); // delivered before the crash
    dead.ack(batch, 3); // dropped before the crash
    dead.close();
    assertThat(OutboxFiles.countStored(dir)).isEqualTo(2);

    OutboxFiles next = open(dir);
    List<Path> adopted = next.adoptOrphans();
    assertThat(adopted).hasSize(2);
    assertThat(adopted.get(0).getFileName().toString())
        .startsWith(OutboxBatch.entryBase(batch.getFileName().toString().split("\\.")[0], 0));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(OutboxBatch.ACKS_SUFFIX))).isEmpty();
    }
  }

  @Test
  void anEmptyOutboxDirectoryIsRemovedAtCloseAndAFullOneKept() throws Exception {
    Path empty = tmp.resolve("sentryj/empty");
    OutboxDirectory.open(empty, true).close();
    assertThat(empty).doesNotExist();
    assertThat(tmp.resolve("sentryj")).as("the default layout's parent too").doesNotExist();

    Path full = tmp.resolve("full");
    OutboxFiles f = OutboxDirectory.open(full, false);
    Path kept = f.write(bytes());
    f.close();
    assertThat(kept).exists();
    try (Stream<Path> s = Files.list(full)) {
      assertThat(s.toList()).containsExactly(kept); // the lock is gone
    }
  }

  private static String planted() {
    return "0000000000001-000000001-00000000.0000000000000001.envelope";
  }

  private static byte[] bytes() {
    return new EnvelopeWriter().toByteArray(event(), null);
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  private ByteArrayOutputStream captureStderr() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    return captured;
  }

  private static List<String> warnings(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("[sentryj] WARN"))
        .toList();
  }
}
