package org.acme.shop;

import org.jboss.logging.Logger;

/** The application's own logic, whose frames must be in-app. */
public class OrderService {
  private static final Logger log = Logger.getLogger(OrderService.class);

  String find(String id) {
    log.infof("looking up order %s", id);
    throw new IllegalStateException("no order " + id);
  }

  void pay(String id) throws PaymentDeclinedException {
    throw new PaymentDeclinedException("card declined for order " + id);
  }

  /** A checked exception the application handles. */
  public static final class PaymentDeclinedException extends Exception {
    private static final long serialVersionUID = 1L;

    PaymentDeclinedException(String message) {
      super(message);
    }
  }
}
