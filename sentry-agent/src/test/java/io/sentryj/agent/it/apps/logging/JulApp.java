package io.sentryj.agent.it.apps.logging;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs through {@code java.util.logging} with the JDK's default configuration (INFO). */
public final class JulApp {
  private JulApp() {}

  public static void main(String[] args) {
    Logger log = Logger.getLogger("shop.checkout");
    log.fine("not kept: below the logger's level");
    log.log(Level.INFO, "cart {0} opened", 7);
    log.log(Level.WARNING, "stock low for {0}", "apples");
    log.log(Level.SEVERE, "payment 42 failed", new IllegalStateException("card declined"));
    log.log(Level.SEVERE, "refund {0} refused", 43);
  }
}
