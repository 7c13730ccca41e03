package io.sentryj.jul;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An application that only logs: whatever reaches Sentry was configured by the file named by {@code
 * -Djava.util.logging.config.file}.
 */
public final class ForkedJulApp {
  private ForkedJulApp() {}

  public static void main(String[] args) {
    Logger log = Logger.getLogger("shop.Forked");
    log.info("starting");
    log.log(Level.SEVERE, "forked {0} failed", new Object[] {"order"});
  }
}
