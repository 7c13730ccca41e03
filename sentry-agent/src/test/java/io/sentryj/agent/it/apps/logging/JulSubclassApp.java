package io.sentryj.agent.it.apps.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs through two {@code java.util.logging.Logger} subclasses, as frameworks write them: one whose
 * {@code log(LogRecord)} writes the record itself and never calls {@code Logger}'s, one whose
 * override adds to the record and calls {@code super.log}.
 */
public final class JulSubclassApp {
  private JulSubclassApp() {}

  public static void main(String[] args) {
    Logger own = new OwnOutputLogger("shop.own");
    own.log(Level.INFO, "cart {0} opened", 7);
    own.log(Level.SEVERE, "payment 42 failed", new IllegalStateException("card declined"));
    Logger delegating = new DelegatingLogger("shop.delegating");
    delegating.log(Level.SEVERE, "refund {0} refused", 43);
  }

  /** Writes each record to standard error itself, as JBoss LogManager's logger does its own way. */
  static final class OwnOutputLogger extends Logger {
    OwnOutputLogger(String name) {
      super(name, null);
      setLevel(Level.INFO);
    }

    @Override
    public void log(LogRecord record) {
      if (isLoggable(record.getLevel())) {
        System.err.println(record.getLevel() + " " + record.getMessage());
      }
    }
  }

  /** Marks the record, then hands it to {@code Logger}'s own {@code log(LogRecord)}. */
  static final class DelegatingLogger extends Logger {
    DelegatingLogger(String name) {
      super(name, null);
      setLevel(Level.INFO);
    }

    @Override
    public void log(LogRecord record) {
      record.setSourceClassName(JulSubclassApp.class.getName());
      super.log(record);
    }
  }
}
