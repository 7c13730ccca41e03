package io.sentryj.agent.it.apps.logging;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** Logs through Log4j 2's API to log4j-core, configured from {@code logging/log4j2.xml}. */
public final class Log4j2App {
  private Log4j2App() {}

  public static void main(String[] args) {
    Logger log = LogManager.getLogger("shop.checkout");
    ThreadContext.put("order", "o-1");
    log.debug("not kept: below the breadcrumb level");
    log.info("cart {} opened", 7);
    log.warn("stock low for {}", "apples");
    log.error("payment {} failed", 42, new IllegalStateException("card declined"));
    log.error("refund {} refused", 43);
  }
}
