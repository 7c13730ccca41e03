package io.sentryj.samples.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Plain SLF4J logging, nothing of Sentry in the code: {@code logback.xml} adds the sentryj
 * appender. The INFO and WARN lines become the breadcrumbs of the ERROR line, which becomes an
 * event with its exception, the MDC as context and {@code orderId} as a tag.
 */
public final class LogbackSample {
  // An application's own logger name: the appender never captures loggers under io.sentryj.,
  // which are the SDK's, so a class-named logger in this package would be ignored.
  private static final Logger log = LoggerFactory.getLogger("shop.orders");

  private LogbackSample() {}

  public static void main(String[] args) {
    log.info("shop started, {} items in stock", 12);
    MDC.put("orderId", "order-1234");
    MDC.put("customer", "ada");
    try {
      log.info("order received with {} items", 3);
      log.warn("price of {} changed since the cart was filled", "espresso beans");
      new Inventory().reserve("espresso beans", 3);
    } catch (IllegalStateException e) {
      // the event's message is the template; its parameters and the formatted text go along too
      log.error("could not reserve stock for order {}", MDC.get("orderId"), e);
    } finally {
      MDC.clear();
    }
    log.info("shop stopped");
  }

  static final class Inventory {
    void reserve(String item, int count) {
      throw new IllegalStateException("only 2 of " + item + " left, " + count + " wanted");
    }
  }
}
