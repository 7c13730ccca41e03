package com.example.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application's own logic, whose frames must be in-app. */
public class OrderService {
  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  String find(String id) {
    log.info("looking up order {}", id);
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
