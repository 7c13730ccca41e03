package io.sentryj.samples.console;

import io.sentryj.Breadcrumb;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.Transport;
import io.sentryj.User;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.util.List;

/**
 * The API by hand: init, breadcrumbs, user, tags, a handled exception, a message, and an uncaught
 * exception at the end. Without a DSN, it prints what would be sent.
 */
public final class ConsoleSample {
  private ConsoleSample() {}

  public static void main(String[] args) {
    String dsn = System.getenv("SENTRY_DSN");
    Sentry.init(
        options -> {
          options.release("console-sample@1.0.0").environment("demo");
          options.addInAppInclude("io.sentryj.samples");
          if (dsn == null || dsn.isEmpty()) {
            options.transportFactory(o -> new PrintingTransport());
          }
        });

    Sentry.setUser(User.builder().id("42").username("ada").build());
    Sentry.setTag("sample", "console");
    Sentry.addBreadcrumb(Breadcrumb.builder().category("app").message("started").build());

    try {
      new Checkout().pay("order-1234");
    } catch (IllegalStateException e) {
      Sentry.captureException(e);
    }
    Sentry.addBreadcrumb("retrying later");
    Sentry.captureMessage("payment provider slow", SentryLevel.WARNING);

    // ends the program: reported by the uncaught exception handler, then printed by the JVM
    throw new IllegalArgumentException("unknown command: --frobnicate");
  }

  static final class Checkout {
    void pay(String order) {
      try {
        charge(order);
      } catch (RuntimeException e) {
        throw new IllegalStateException("checkout failed for " + order, e);
      }
    }

    private void charge(String order) {
      throw new UnsupportedOperationException("card declined for " + order);
    }
  }

  /** Prints a line per event: level, title, breadcrumbs. */
  static final class PrintingTransport implements Transport {
    @Override
    public void send(Envelope envelope) {
      for (EnvelopeItem item : envelope.items()) {
        SentryEvent event = item.event();
        if (event != null) {
          System.out.println(
              "[sentryj demo] captured "
                  + (event.getLevel() != null ? event.getLevel().protocolName() : "error")
                  + " event "
                  + event.getEventId()
                  + ": "
                  + title(event)
                  + " ("
                  + event.getBreadcrumbs().size()
                  + " breadcrumbs)");
        }
      }
    }

    private static String title(SentryEvent event) {
      List<SentryException> exceptions = event.getExceptions();
      if (exceptions != null && !exceptions.isEmpty()) {
        SentryException last = exceptions.get(exceptions.size() - 1);
        return last.getType() + ": " + last.getValue();
      }
      Message message = event.getMessage();
      String text = message != null ? message.getFormatted() : null;
      return text != null ? text : "(no message)";
    }

    @Override
    public boolean flush(long timeoutMillis) {
      return true;
    }

    @Override
    public void close(long timeoutMillis) {}
  }
}
