package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of what waits: write-ahead, batches acknowledged one by one, bounds, memory. */
class OutboxStoreTest {
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final MemoryBudget memory = new MemoryBudget(1000, 16L * 1024 * 1024);
  @TempDir Path dir;
  private OutboxStore store;

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
  }

  private OutboxStore open(int maxItems) {
    store = new OutboxStore(OutboxDirectory.open(dir, false), recorder, memory, maxItems, 1 << 30);
    return store;
  }

  private static long seq;

  private static StoredEnvelope serialized(boolean report) {
    byte[] bytes = new EnvelopeWriter().toByteArray(TransportFixtures.event(), null);
    DataCategory c = report ? DataCategory.INTERNAL : DataCategory.ERROR;
    return new StoredEnvelope(
        ++seq, null, bytes, bytes.length, Collections.singletonList(c), !report, report);
  }

  @Test
  void oneEnvelopeIsWrittenAtOnceAndMaySendFromMemory() {
    open(10);
    StoredEnvelope e = serialized(false);
    store.putAll(Collections.singletonList(e));
    assertThat(e.path).isNotNull().exists();
    assertThat(e.bytes).as("a copy kept").isNotNull();
    assertThat(store.next()).isSameAs(e);
    store.remove(e);
    assertThat(e.path).doesNotExist();
    assertThat(memory.bytes()).as("its memory given back").isZero();
  }

  @Test
  void aBatchIsOnDiskAtOnceItsEnvelopesAreAcknowledgedOneByOneAndItGoesWithTheLast()
      throws Exception {
    open(100);
    List<StoredEnvelope> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(serialized(false));
    }
    store.putAll(batch);
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(5);
    assertThat(TransportFixtures.envelopeFiles(dir)).as("no file each").isEmpty();
    assertThat(store.next()).isSameAs(batch.get(0));
    store.remove(batch.get(0));
    store.drop(batch.get(1), DiscardReason.SEND_ERROR);
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(3);
    for (int i = 2; i < 5; i++) {
      store.remove(batch.get(i));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> !p.toString().endsWith(".lock")))
          .as("batch and acks gone")
          .isEmpty();
    }
  }

  @Test
  void closeLeavesOneFilePerEnvelopeNotDoneWithAndNoBatch() throws Exception {
    open(100);
    List<StoredEnvelope> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batch.add(serialized(false));
    }
    store.putAll(batch);
    store.remove(batch.get(1)); // delivered: acknowledged in the batch
    store.close();
    store = null;
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the three not delivered, as envelope files")
          .hasSize(3)
          .allMatch(n -> n.endsWith(OutboxFiles.SUFFIX));
    }
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(3);
  }

  @Test
  void beyondItsBoundsTheOldestNotOnTheWireAreEvictedAndCountedButReportsNever() {
    open(3);
    StoredEnvelope report = serialized(true);
    StoredEnvelope onTheWire = serialized(false);
    store.putAll(Collections.singletonList(report));
    store.putAll(Collections.singletonList(onTheWire));
    onTheWire.inFlight = true;
    List<StoredEnvelope> later = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      StoredEnvelope e = serialized(false);
      later.add(e);
      store.putAll(Collections.singletonList(e));
    }
    assertThat(recorder.count(DiscardReason.CACHE_OVERFLOW, DataCategory.ERROR)).isEqualTo(3);
    assertThat(report.removed).isFalse();
    assertThat(onTheWire.removed).isFalse();
    assertThat(later.get(3).removed).isFalse();
    assertThat(report.path).exists();
  }

  @Test
  void withoutAnOutboxEnvelopesWaitInMemoryAndAreCountedWhenLetGo() {
    store = new OutboxStore(null, recorder, memory, 10, 1 << 30);
    StoredEnvelope e = serialized(false);
    store.putAll(Collections.singletonList(e));
    assertThat(e.path).isNull();
    assertThat(memory.count()).isEqualTo(1);
    store.dropMemoryOnly(DiscardReason.NETWORK_ERROR);
    assertThat(recorder.count(DiscardReason.NETWORK_ERROR, DataCategory.ERROR)).isEqualTo(1);
    assertThat(memory.count()).isZero();
    assertThat(memory.bytes()).isZero();
  }
}
