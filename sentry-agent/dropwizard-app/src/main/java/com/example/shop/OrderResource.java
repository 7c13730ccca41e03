package com.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests that fail, one whose failure the application handles and logs, and one that works. */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {
  private static final Logger log = LoggerFactory.getLogger(OrderResource.class);

  private final OrderService orders;

  public OrderResource(OrderService orders) {
    this.orders = orders;
  }

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
      log.error("payment for order {} declined", id, e);
      return Response.status(402).entity("declined").build();
    }
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
