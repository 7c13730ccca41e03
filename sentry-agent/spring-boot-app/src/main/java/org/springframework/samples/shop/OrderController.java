package org.springframework.samples.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Requests that fail, one whose failure the application handles and logs, and one that works. */
@RestController
public class OrderController {
  private static final Logger log = LoggerFactory.getLogger(OrderController.class);

  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/orders/{id}")
  public String order(@PathVariable String id) {
    return orders.find(id);
  }

  @GetMapping("/pay/{id}")
  public ResponseEntity<String> pay(@PathVariable String id) {
    try {
      orders.pay(id);
      return ResponseEntity.ok("paid");
    } catch (OrderService.PaymentDeclinedException e) {
      log.error("payment for order {} declined", id, e);
      return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body("declined");
    }
  }

  @GetMapping("/parallel/{id}")
  public String parallel(@PathVariable String id) {
    return orders.checkInParallel(id);
  }

  /** What the agent says it is doing, so that the tests send requests once it runs. */
  @GetMapping("/agent-state")
  public String agentState() {
    return String.valueOf(System.getProperty("sentryj.agent.state"));
  }

  @GetMapping("/ok")
  public String ok() {
    return "ok";
  }
}
