package org.acme.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Requests that fail, one whose failure the application handles and logs through JBoss Logging,
 * one that logs through {@code java.util.logging}, and one that works.
 */
@Path("/")
public class OrderResource {
  private static final Logger log = Logger.getLogger(OrderResource.class);
  private static final java.util.logging.Logger refunds =
      java.util.logging.Logger.getLogger("org.acme.shop.refunds");

  private final OrderService orders = new OrderService();

  @GET
  @Path("orders/{id}")
  public String order(@PathParam("id") String id) {
    return orders.find(id);
  }

  @GET
  @Path("pay/{id}")
  public Response pay(@PathParam("id") String id) {
    try {
      orders.pay(id);
      return Response.ok("paid").build();
    } catch (OrderService.PaymentDeclinedException e) {
      log.errorf(e, "payment for order %s declined", id);
      return Response.status(402).entity("declined").build();
    }
  }

  @GET
  @Path("refund/{id}")
  public Response refund(@PathParam("id") String id) {
    refunds.log(java.util.logging.Level.SEVERE, "refund {0} refused", id);
    return Response.status(409).entity("refused").build();
  }

  /** What the agent says it is doing, so that the tests send requests once it runs. */
  @GET
  @Path("agent-state")
  public String agentState() {
    return String.valueOf(System.getProperty("sentryj.agent.state"));
  }

  @GET
  @Path("ok")
  public String ok() {
    return "ok";
  }
}
