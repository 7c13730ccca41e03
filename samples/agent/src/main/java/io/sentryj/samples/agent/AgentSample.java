package io.sentryj.samples.agent;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An ordinary application: no Sentry dependency, no Sentry code. Run it under the agent,
 *
 * <pre>
 * java -javaagent:sentry-agent.jar=dsn=https://key@o1.ingest.sentry.io/1 -cp ... AgentSample
 * </pre>
 *
 * and the agent reports the error it logs with {@code java.util.logging} (its earlier log lines as
 * breadcrumbs) and the exception that ends {@code main}.
 */
public final class AgentSample {
  // An application's own logger name: loggers under io.sentryj. are the SDK's, never captured.
  private static final Logger log = Logger.getLogger("pricing.import");

  private AgentSample() {}

  public static void main(String[] args) {
    log.info("importing the nightly price list");
    log.warning("3 prices missing, the old ones are kept");
    try {
      new PriceList().parse("espresso beans;12,5O");
    } catch (NumberFormatException e) {
      log.log(Level.SEVERE, "price list rejected", e);
    }
    // nobody catches this one: the JVM prints it and exits with status 1
    throw new IllegalStateException("nightly import failed: no price list to publish");
  }

  static final class PriceList {
    double parse(String line) {
      String price = line.substring(line.indexOf(';') + 1).replace(',', '.');
      return Double.parseDouble(price);
    }
  }
}
