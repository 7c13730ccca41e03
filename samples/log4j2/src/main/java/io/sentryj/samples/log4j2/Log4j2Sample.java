package io.sentryj.samples.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * Plain Log4j 2 logging, nothing of Sentry in the code: {@code log4j2.xml} adds the sentryj
 * appender. The INFO and WARN lines become the breadcrumbs of the ERROR line, which becomes an
 * event with its exception, the thread context as context and {@code orderId} as a tag.
 */
public final class Log4j2Sample {
  // An application's own logger name: the appender never captures the SDK's loggers
  private static final Logger log = LogManager.getLogger("shop.payments");

  private Log4j2Sample() {}

  public static void main(String[] args) {
    log.info("payments started, gateway {}", "eu-1");
    ThreadContext.put("orderId", "order-5678");
    ThreadContext.put("customer", "grace");
    try {
      log.info("charging {} EUR", 42);
      log.warn("gateway answered in {} ms", 1800);
      new Gateway().charge(42);
    } catch (IllegalStateException e) {
      // Log4j keeps the throwable as the last parameter; the event has it as its exception
      log.error("payment for order {} failed", ThreadContext.get("orderId"), e);
    } finally {
      ThreadContext.clearMap();
    }
    log.info("payments stopped");
  }

  static final class Gateway {
    void charge(int amount) {
      throw new IllegalStateException("card declined for " + amount + " EUR");
    }
  }
}
