package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI reads of an outbox a killed JVM left: its batches' envelopes not yet taken. */
class StoredOutboxTest {
  @TempDir Path dir;

  /** A batch of four, the second delivered, then the JVM gone without its close. */
  private void leaveABatchAsAKillWould() {
    MemoryBudget memory = new MemoryBudget(1000, 1 << 24);
    OutboxFiles files = OutboxDirectory.open(dir, false);
    OutboxStore store = new OutboxStore(files, new DiscardRecorder(null), memory, 100, 1 << 30);
    List<StoredEnvelope> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] bytes = new EnvelopeWriter().toByteArray(TransportFixtures.event(), null);
      batch.add(
          new StoredEnvelope(
              i,
              null,
              bytes,
              bytes.length,
              Collections.singletonList(DataCategory.ERROR),
              true,
              false));
    }
    store.putAll(batch);
    store.remove(batch.get(1));
    files.close(); // the lock let go, the batch not split: what a kill -9 leaves
  }

  @Test
  void readingShowsTheBatchsEnvelopesNotTakenAndChangesNothing() throws Exception {
    leaveABatchAsAKillWould();
    List<String> before = names();

    List<StoredOutbox.Entry> entries = StoredOutbox.read(dir);

    assertThat(entries)
        .extracting(StoredOutbox.Entry::name)
        .hasSize(3)
        .allMatch(n -> n.contains(".batch#"));
    assertThat(entries)
        .allMatch(
            e -> new String(e.bytes(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{"));
    assertThat(StoredOutbox.count(dir)).isEqualTo(3);
    assertThat(names()).isEqualTo(before);
  }

  @Test
  void adoptingLeavesOneEnvelopeFilePerEnvelopeNotTaken() throws Exception {
    leaveABatchAsAKillWould();

    assertThat(StoredOutbox.adoptLeftovers(dir)).isTrue();

    assertThat(names()).hasSize(3).allMatch(n -> n.endsWith(OutboxFiles.SUFFIX));
    assertThat(StoredOutbox.read(dir))
        .extracting(StoredOutbox.Entry::name)
        .containsExactlyElementsOf(names());
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
