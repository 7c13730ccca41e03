package io.sentryj.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.google.gson.JsonObject;
import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.integration.EnvelopeCodec;
import io.sentryj.testing.Envelopes;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/** Real Logback configured from the XML files under {@code src/test/resources/logback/}. */
final class LogbackFixture {
  static final String DSN = "https://public@o1.ingest.sentry.io/42";

  private LogbackFixture() {}

  /** A new context configured from {@code logback/<name>}. */
  static LoggerContext fresh(String name) {
    LoggerContext context = new LoggerContext();
    context.setName("test-" + name);
    useSlf4jMdc(context);
    configure(context, name);
    return context;
  }

  /**
   * As SLF4J's binding does for its own context, so that {@code org.slf4j.MDC} reaches this one;
   * Logback 1.2 has no such setter: its events read {@code org.slf4j.MDC}'s adapter themselves.
   */
  private static void useSlf4jMdc(LoggerContext context) {
    Method setter;
    try {
      setter = LoggerContext.class.getMethod("setMDCAdapter", MDCAdapter.class);
    } catch (NoSuchMethodException e) {
      return; // Logback 1.2
    }
    try {
      setter.invoke(context, MDC.getMDCAdapter());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The context SLF4J is bound to (where the SDK's own diagnostics go), reset and configured from
   * {@code logback/<name>}.
   */
  static LoggerContext bound(String name) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    configure(context, name);
    return context;
  }

  private static void configure(LoggerContext context, String name) {
    URL url = LogbackFixture.class.getClassLoader().getResource("logback/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource logback/" + name);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
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

  /** The event payload of each envelope sent, as written on the wire. */
  static List<JsonObject> eventJson(RecordingTransport transport) {
    List<JsonObject> events = new ArrayList<>();
    for (Envelope envelope : transport.envelopes()) {
      Envelopes.Parsed parsed = Envelopes.parse(EnvelopeCodec.toByteArray(envelope));
      for (Envelopes.Item item : parsed.items()) {
        if (item.type().equals("event")) {
          events.add(item.json());
        }
      }
    }
    return events;
  }

  /** Status messages of at least the given level (Status.WARN, Status.ERROR). */
  static List<String> statuses(LoggerContext context, int level) {
    List<String> messages = new ArrayList<>();
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      if (status.getLevel() >= level) {
        messages.add(status.getMessage());
      }
    }
    return messages;
  }
}
