package io.sentryj.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transport} promises (see its Javadoc), as tests each implementation runs by
 * extending this class, like Logback's {@code AbstractAppenderTest}: send never throws, not even
 * for an item that cannot be made or after close; flush says true once what it was given is
 * delivered or counted; close is idempotent and ends every thread the transport started.
 */
public abstract class TransportContract {
  private static final long TIMEOUT_MILLIS = 30_000;

  private final List<Transport> made = new ArrayList<>();
  private Set<Thread> before = Collections.emptySet();

  /** A new transport, started; the contract closes it. */
  protected abstract Transport create() throws Exception;

  private Transport transport() throws Exception {
    before = new HashSet<>(Thread.getAllStackTraces().keySet());
    Transport t = create();
    made.add(t);
    return t;
  }

  @AfterEach
  void closeWhatWasMade() {
    for (Transport t : made) {
      t.close(TIMEOUT_MILLIS);
    }
  }

  /** An envelope of an event, a session and an attachment whose payload cannot be made. */
  protected static Envelope envelope() {
    EnvelopeItem event =
        EnvelopeItem.of("event", Collections.emptyMap(), "{\"message\":\"m\"}".getBytes(UTF_8));
    EnvelopeItem broken =
        EnvelopeItem.lazy(
            "attachment",
            Collections.singletonMap("filename", "gone.txt"),
            () -> {
              throw new IOException("the file is gone");
            });
    return new Envelope(SentryId.random(), Collections.emptyMap(), Arrays.asList(event, broken));
  }

  @Test
  public void aNewTransportIsHealthyAndFlushesNothingAtOnce() throws Exception {
    Transport t = transport();

    assertThat(t.isHealthy()).isTrue();
    assertThat(t.flush(TIMEOUT_MILLIS)).isTrue();
  }

  @Test
  public void sendNeverThrowsAndFlushSaysEverythingWasHandled() throws Exception {
    Transport t = transport();

    assertThatCode(
            () -> {
              for (int i = 0; i < 20; i++) {
                t.send(envelope());
              }
            })
        .doesNotThrowAnyException();

    assertThat(t.flush(TIMEOUT_MILLIS)).isTrue();
  }

  @Test
  public void closeIsIdempotentAndSendAfterCloseNeverThrows() throws Exception {
    Transport t = transport();
    t.send(envelope());

    t.close(TIMEOUT_MILLIS);

    assertThatCode(
            () -> {
              t.close(TIMEOUT_MILLIS);
              t.send(envelope());
              t.flush(0);
            })
        .doesNotThrowAnyException();
  }

  @Test
  public void closeEndsEveryThreadTheTransportStarted() throws Exception {
    Transport t = transport();
    t.send(envelope());
    t.flush(TIMEOUT_MILLIS);

    t.close(TIMEOUT_MILLIS);

    // the SDK's threads are named sentryj-*, OkHttp's OkHttp *; other threads (a test server's) are
    // not the transport's
    Await.until("the transport's threads to end", TIMEOUT_MILLIS, () -> startedBy().isEmpty());
    assertThat(startedBy()).isEmpty();
  }

  private List<String> startedBy() {
    List<String> alive = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (!before.contains(thread)
          && thread.isAlive()
          && (name.startsWith("sentryj") || name.startsWith("OkHttp"))) {
        alive.add(name);
      }
    }
    return alive;
  }
}
