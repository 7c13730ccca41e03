package io.sentryj.log4j2;

import com.google.gson.JsonObject;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Envelopes;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Real Log4j 2 configured from the files under {@code src/test/resources/log4j2/}. */
final class Log4jFixture {
  static final String DSN = "https://public@o1.ingest.sentry.io/42";

  private Log4jFixture() {}

  /** A new logger context configured from {@code log4j2/<name>} (XML or properties). */
  static LoggerContext fresh(String name) {
    LoggerContext context = new LoggerContext("test-" + name);
    context.start(configuration(context, name));
    return context;
  }

  /**
   * A new context of async loggers, as {@code AsyncLoggerContextSelector} makes for every logger:
   * the LMAX Disruptor between the logging call and the appenders.
   */
  static LoggerContext freshAsync(String name) {
    LoggerContext context = new AsyncLoggerContext("test-async-" + name);
    context.start(configuration(context, name));
    return context;
  }

  /** The configuration read from {@code log4j2/<name>}, for {@code setConfiguration}. */
  static Configuration configuration(LoggerContext context, String name) {
    URL url = Log4jFixture.class.getClassLoader().getResource("log4j2/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource log4j2/" + name);
    }
    try {
      ConfigurationSource source = ConfigurationSource.fromUri(url.toURI());
      return ConfigurationFactory.getInstance().getConfiguration(context, source);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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

  /** The event payload of each envelope sent, as written on the wire. */
  static List<JsonObject> eventJson(RecordingTransport transport) {
    List<JsonObject> events = new ArrayList<>();
    for (Envelopes.Item item : items(transport, "event")) {
      events.add(item.json());
    }
    return events;
  }

  /** Records what Log4j's status logger reports at warn or above, while registered. */
  static final class Statuses implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    static Statuses register() {
      Statuses statuses = new Statuses();
      StatusLogger.getLogger().registerListener(statuses);
      return statuses;
    }

    @Override
    public void log(StatusData data) {
      messages.add(data.getLevel() + " " + data.getFormattedStatus());
    }

    @Override
    public Level getStatusLevel() {
      return Level.WARN;
    }

    /** Stops recording. */
    void unregister() {
      StatusLogger.getLogger().removeListener(this); // which calls close()
    }

    @Override
    public void close() {}

    List<String> messages() {
      return messages;
    }
  }
}
