package io.sentryj.jul;

import com.google.gson.JsonObject;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Envelopes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The JDK's own LogManager configured from the files under {@code src/test/resources/jul/}. */
final class JulFixture {
  static final String DSN = "https://public@o1.ingest.sentry.io/42";

  private JulFixture() {}

  /** Reads {@code jul/<name>} as the LogManager's configuration, as at start from the file. */
  static void configure(String name) {
    try (InputStream in = JulFixture.class.getClassLoader().getResourceAsStream("jul/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource jul/" + name);
      }
      LogManager.getLogManager().readConfiguration(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root logger's Sentry handler, made by the LogManager from the configuration. */
  static SentryHandler rootHandler() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler instanceof SentryHandler sentry) {
        return sentry;
      }
    }
    throw new AssertionError("the root logger has no SentryHandler");
  }

  /** Closes the handlers and restores an empty configuration. */
  static void reset() {
    LogManager.getLogManager().reset();
  }

  /** Starts the SDK in code, delivering to {@code transport}, no external configuration. */
  static void initSdk(RecordingTransport transport, Consumer<SentryOptions.Builder> more) {
    Sentry.init(
        o -> {
          o.dsn(DSN)
              .externalConfiguration(false)
              .enableShutdownHook(false)
              .enableUncaughtExceptionHandler(false)
              .transportFactory(options -> transport);
          more.accept(o);
        });
  }

  /** The payloads of the items of this type sent, as written on the wire. */
  static List<Envelopes.Item> items(RecordingTransport transport, String type) {
    return transport.wireItems(type);
  }

  static JsonObject onlyEventJson(RecordingTransport transport) {
    List<Envelopes.Item> events = items(transport, "event");
    if (events.size() != 1) {
      throw new AssertionError("expected exactly one event, got " + events.size());
    }
    return events.get(0).json();
  }
}
