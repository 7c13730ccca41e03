package io.sentryj.samples.console;

import io.sentryj.Breadcrumb;
import io.sentryj.Sentry;
import io.sentryj.SentryLevel;
import io.sentryj.User;

/**
 * The API by hand: init, breadcrumbs, user, tags, a handled exception, a message, and an uncaught
 * exception at the end.
 */
public final class ConsoleSample {
  private ConsoleSample() {}

  public static void main(String[] args) {
    // The DSN (or an outbox to write to instead) comes from SENTRY_DSN, -Dsentry.dsn or
    // sentry.properties; the README's demo command passes -Dsentry.outbox-only=true.
    Sentry.init(
        options ->
            options
                .release("console-sample@1.0.0")
                .environment("demo")
                .addInAppInclude("io.sentryj.samples"));
    if (!Sentry.isEnabled()) {
      System.err.println("sentryj is off: set SENTRY_DSN, or run the demo command in the README");
    }

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
}
