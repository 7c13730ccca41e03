package io.sentryj.internal.transport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Sender} for tests that need what no server does: it answers with what {@code answer}
 * says for each body, and can be held (like a client that takes its time to build) until released.
 */
final class FakeSender implements Sender {
  final List<byte[]> sent = new CopyOnWriteArrayList<>();
  private volatile Function<byte[], SendResult> answer =
      body -> SendResult.answered(200, null, null, null);
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile boolean cancelled;

  /** Answers every request from now on with what {@code answer} returns. */
  FakeSender answering(Function<byte[], SendResult> a) {
    this.answer = a;
    return this;
  }

  /** Holds every request until {@link #release} is called. */
  FakeSender held() {
    release = new CountDownLatch(1);
    return this;
  }

  void release() {
    release.countDown();
  }

  @Override
  public SendResult send(
      byte[] stored, String sentAt, byte @Nullable [] extraItem, boolean oneShot) {
    try {
      if (!release.await(30, TimeUnit.SECONDS) || cancelled) {
        return SendResult.failed(new IOException("Canceled"), false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.failed(new IOException("interrupted"), false);
    }
    sent.add(stored);
    return answer.apply(stored);
  }

  @Override
  public void cancelAll() {
    cancelled = true;
    release.countDown();
  }

  @Override
  public void close(long timeoutMillis) {
    cancelAll();
  }
}
