package io.sentryj.agent.it.apps.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs through SLF4J to Logback, with Logback's default configuration or the one given. */
public final class LogbackApp {
  private LogbackApp() {}

  public static void main(String[] args) {
    Logger log = LoggerFactory.getLogger("shop.checkout");
    MDC.put("order", "o-1");
    log.debug("not kept: below the breadcrumb level");
    log.info("cart {} opened", 7);
    log.warn("stock low for {}", "apples");
    log.error("payment {} failed", 42, new IllegalStateException("card declined"));
    log.error("refund {} refused", 43);
  }
}
