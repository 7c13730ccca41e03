package org.springframework.samples.shop;

import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The application's own logic, whose frames must be in-app. */
@Service
public class OrderService {
  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  String find(String id) {
    log.info("looking up order {}", id);
    throw new IllegalStateException("no order " + id);
  }

  void pay(String id) throws PaymentDeclinedException {
    throw new PaymentDeclinedException("card declined for order " + id);
  }

  /** Checks the order's parts on the common fork/join pool, then fails. */
  String checkInParallel(String id) {
    IntStream.range(0, 8).parallel().forEach(part -> log.info("checking part {} of {}", part, id));
    throw new IllegalStateException("parts of " + id + " are missing");
  }

  /** A checked exception the application handles. */
  public static final class PaymentDeclinedException extends Exception {
    private static final long serialVersionUID = 1L;

    PaymentDeclinedException(String message) {
      super(message);
    }
  }
}
