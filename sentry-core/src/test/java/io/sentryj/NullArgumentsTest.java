package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.TestSdk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every method of the facade takes null for any argument, and neither throws nor sends. */
@SuppressWarnings("NullAway") // the point: nulls where the API says non-null, as Java callers may
class NullArgumentsTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void init() {
    TestSdk.init(transport, o -> {});
    originalErr = System.err;
    System.setErr(new PrintStream(err, true));
  }

  @AfterEach
  void close() {
    System.setErr(originalErr);
    Sentry.close();
  }

  private String diagnostics() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void captureExceptionOfNullReturnsTheEmptyIdSendsNothingAndSaysSoOnce() {
    assertThat(Sentry.captureException(null)).isEqualTo(SentryId.EMPTY);
    assertThat(Sentry.captureException(null, null)).isEqualTo(SentryId.EMPTY);

    assertThat(transport.envelopes()).isEmpty();
    String lines = diagnostics();
    assertThat(lines.split("\n"))
        .filteredOn(l -> l.contains("captureException(null)"))
        .hasSize(2); // one line per call
    assertThat(Sentry.lastEventId()).isEqualTo(SentryId.EMPTY);
  }

  @Test
  void withScopeOfNullRunsNothingAndThrowsNothing() {
    Sentry.withScope(null);
    Sentry.configureScope(null);
    Sentry.captureMessage("after");
    assertThat(transport.events()).hasSize(1);
  }

  @Test
  void everyOtherMethodTakesNullsWithoutThrowingOrSending() {
    assertThat(Sentry.captureMessage(null)).isEqualTo(SentryId.EMPTY);
    assertThat(Sentry.captureMessage(null, null)).isEqualTo(SentryId.EMPTY);
    assertThat(Sentry.captureEvent(null)).isEqualTo(SentryId.EMPTY);
    assertThat(Sentry.captureEvent(null, null)).isEqualTo(SentryId.EMPTY);
    Sentry.addBreadcrumb((Breadcrumb) null);
    Sentry.addBreadcrumb((Breadcrumb) null, null);
    Sentry.addBreadcrumb((String) null);
    Sentry.setUser(null);
    Sentry.setTag(null, "v");
    Sentry.setTag("k", null);
    Sentry.removeTag(null);
    Sentry.setExtra(null, "v");
    Sentry.setExtra("k", null);
    Sentry.setContext(null, null);
    Sentry.setContext("c", null);
    Sentry.setFingerprint(null);
    Sentry.setLevel(null);
    Sentry.setTransaction(null);
    Sentry.continueTrace(null, null, null);
    assertThat(Sentry.wrapRunnable((Runnable) null)).isNull();
    assertThat(Sentry.wrapCallable((Callable<Object>) null)).isNull();
    assertThat(Sentry.wrapExecutor((Executor) null)).isNull();
    assertThat(Sentry.wrapExecutorService((ExecutorService) null)).isNull();
    assertThat(transport.envelopes()).isEmpty();

    Sentry.captureMessage("still working", null);
    SentryEvent event = transport.onlyEvent();
    assertThat(event.getLevel()).isEqualTo(SentryLevel.INFO);
    assertThat(event.getTags()).doesNotContainKey("k");
  }

  @Test
  void initWithNullOptionsKeepsTheRunningSdkAndNullConfigurationReadsOnlyTheOutside() {
    Sentry.init((SentryOptions) null);
    assertThat(Sentry.isEnabled()).isTrue();
    assertThat(diagnostics()).contains("Sentry.init(null)");

    Sentry.init((Consumer<SentryOptions.Builder>) null); // no DSN outside: disabled, no throw
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(Sentry.captureException(null)).isEqualTo(SentryId.EMPTY);
  }
}
