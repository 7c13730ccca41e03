package io.sentryj.agent.it.apps.logging;

/**
 * A command-line job that logs errors in its first milliseconds and exits at once, through the
 * library its argument names ({@code logback}, {@code log4j2}, {@code jul}), configured as the
 * library's own file says (async loggers and appenders included): the agent must capture each error
 * once, though its start runs beside the job and the job ends before it could be done.
 */
public final class ShortJob {
  private ShortJob() {}

  public static void main(String[] args) {
    IllegalStateException declined = new IllegalStateException("card declined");
    IllegalArgumentException unknown = new IllegalArgumentException("no such order");
    switch (args[0]) {
      case "logback" -> {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("shop.job");
        log.info("job started");
        log.error("payment {} failed for {}", 42, "cust-9", declined);
        log.error("refund {} refused", 43);
        log.error("order {} lost", 44, unknown);
      }
      case "log4j2" -> {
        org.apache.logging.log4j.Logger log =
            org.apache.logging.log4j.LogManager.getLogger("shop.job");
        log.info("job started");
        log.error("payment {} failed for {}", 42, "cust-9", declined);
        log.error("refund {} refused", 43);
        log.error("order {} lost", 44, unknown);
      }
      case "jul" -> {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("shop.job");
        log.info("job started");
        log.log(
            java.util.logging.Level.SEVERE,
            "payment {0} failed for {1}",
            new Object[] {42, "cust-9"});
        log.log(java.util.logging.Level.SEVERE, "refund 43 refused");
        log.log(java.util.logging.Level.SEVERE, "order 44 lost", unknown);
      }
      default -> throw new IllegalArgumentException("no library " + args[0]);
    }
  }
}
