package io.sentryj.samples.jul;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Plain {@code java.util.logging}, nothing of Sentry in the code: {@code logging.properties} adds
 * the sentryj handler. The INFO and WARNING lines become the breadcrumbs of the SEVERE line, which
 * becomes an event with its exception and its message pattern and parameters.
 *
 * <p>The JDK reads {@code logging.properties} from {@code -Djava.util.logging.config.file}; an
 * application packaged as one jar reads its own from the class path, as this one does.
 */
public final class JulSample {
  // An application's own logger name: the handler never captures the SDK's loggers
  private static final Logger log = Logger.getLogger("shop.shipping");

  private JulSample() {}

  public static void main(String[] args) throws IOException {
    try (InputStream config = JulSample.class.getResourceAsStream("/logging.properties")) {
      LogManager.getLogManager().readConfiguration(config);
    }
    log.log(Level.INFO, "shipping started, {0} parcels queued", 7);
    log.log(Level.WARNING, "carrier {0} is slow today", "ParcelCo");
    try {
      new Carrier().book("parcel-91");
    } catch (IllegalStateException e) {
      // the event's message is the pattern; its parameters and the formatted text go along too
      LogRecord record = new LogRecord(Level.SEVERE, "could not book parcel {0}");
      record.setParameters(new Object[] {"parcel-91"});
      record.setThrown(e);
      record.setLoggerName(log.getName());
      log.log(record);
    }
    log.info("shipping stopped");
  }

  static final class Carrier {
    void book(String parcel) {
      throw new IllegalStateException("no pickup slot left for " + parcel);
    }
  }
}
