package io.sentryj.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.EventSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every sample as the README's demo does (each in its own JVM, the agent sample under {@code
 * -javaagent:}) into an outbox under {@code target/}, then checks that every file there is a valid
 * envelope, every event valid per Relay's schema, and that the events the README promises are
 * there.
 */
class DemoIT {
  private static final List<JsonObject> events = new ArrayList<>();
  private static final List<String> itemTypes = new ArrayList<>();
  private static Map<Sample, Integer> exits;
  private static String output;

  @BeforeAll
  static void runTheSamples() throws Exception {
    Path outbox = Paths.get(System.getProperty("sentryj.it.outbox"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      exits = Demo.runAll(outbox, SampleRunner.Delivery.isolatedOutbox(), out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(output); // kept in the failsafe report
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.sorted().toList()) {
        read(file);
      }
    }
  }

  /** Every file is an envelope; every event in it is valid. */
  private static void read(Path file) throws IOException {
    assertThat(file.getFileName().toString())
        .as("only whole envelopes are left in the outbox")
        .endsWith(".envelope");
    Envelopes.Parsed parsed = Envelopes.parse(Files.readAllBytes(file));
    for (Envelopes.Item item : parsed.items()) {
      itemTypes.add(item.type());
      if (item.type().equals("event")) {
        EventSchema.assertValid(item.payload());
        events.add(item.json());
        assertThat(parsed.header().get("event_id").getAsString())
            .isEqualTo(item.json().get("event_id").getAsString());
      }
    }
  }

  @Test
  void everySampleEndsAsItShould() {
    for (Sample sample : Sample.values()) {
      assertThat(exits.get(sample))
          .as(sample + " exit status\n" + output)
          .isEqualTo(sample.exitCode());
    }
  }

  @Test
  void consoleSampleSendsItsHandledExceptionMessageAndUncaughtException() {
    JsonObject handled =
        only(Sample.CONSOLE, e -> outermost(e).get("value").getAsString().startsWith("checkout"));
    assertThat(handled.get("level").getAsString()).isEqualTo("error");
    assertThat(qualifiedType(outermost(handled))).isEqualTo("java.lang.IllegalStateException");
    assertThat(exceptions(handled)).hasSize(2); // with its cause
    assertThat(handled.getAsJsonObject("user").get("id").getAsString()).isEqualTo("42");
    assertThat(handled.getAsJsonObject("tags").get("sample").getAsString()).isEqualTo("console");

    JsonObject message = only(Sample.CONSOLE, e -> exceptions(e).isEmpty());
    assertThat(message.get("level").getAsString()).isEqualTo("warning");

    JsonObject uncaught = only(Sample.CONSOLE, e -> "fatal".equals(level(e)));
    assertThat(qualifiedType(outermost(uncaught))).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(mechanism(uncaught).get("handled").getAsBoolean()).isFalse();
    assertThat(breadcrumbs(uncaught)).isNotEmpty();
  }

  @Test
  void logbackSampleSendsItsErrorLogWithBreadcrumbsAndMdc() {
    JsonObject error = only(Sample.LOGBACK, e -> true);
    assertThat(error.get("level").getAsString()).isEqualTo("error");
    assertThat(error.getAsJsonObject("logentry").get("message").getAsString())
        .isEqualTo("could not reserve stock for order {}");
    assertThat(qualifiedType(outermost(error))).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("logger").getAsString()).isEqualTo("shop.orders");
    assertThat(error.getAsJsonObject("tags").get("orderId").getAsString()).isEqualTo("order-1234");
    List<String> crumbs = new ArrayList<>();
    for (JsonElement crumb : breadcrumbs(error)) {
      crumbs.add(crumb.getAsJsonObject().get("message").getAsString());
    }
    assertThat(crumbs)
        .contains(
            "shop started, 12 items in stock",
            "order received with 3 items",
            "price of espresso beans changed since the cart was filled");
  }

  @Test
  void log4j2SampleSendsItsErrorLogWithBreadcrumbsAndThreadContext() {
    JsonObject error = only(Sample.LOG4J2, e -> true);
    assertThat(error.get("level").getAsString()).isEqualTo("error");
    JsonObject logentry = error.getAsJsonObject("logentry");
    assertThat(logentry.get("message").getAsString()).isEqualTo("payment for order {} failed");
    assertThat(logentry.getAsJsonArray("params").toString()).isEqualTo("[\"order-5678\"]");
    assertThat(qualifiedType(outermost(error))).isEqualTo("java.lang.IllegalStateException");
    assertThat(mechanism(error).get("type").getAsString()).isEqualTo("auto.log.log4j2");
    assertThat(error.get("logger").getAsString()).isEqualTo("shop.payments");
    assertThat(error.getAsJsonObject("tags").get("orderId").getAsString()).isEqualTo("order-5678");
    assertThat(
            error.getAsJsonObject("contexts").getAsJsonObject("MDC").get("customer").getAsString())
        .isEqualTo("grace");
    assertThat(breadcrumbs(error).toString())
        .contains(
            "payments started, gateway eu-1", "charging 42 EUR", "gateway answered in 1800 ms");
  }

  @Test
  void julSampleSendsItsSevereLogWithPatternParametersAndBreadcrumbs() {
    JsonObject severe = only(Sample.JUL, e -> true);
    assertThat(severe.get("level").getAsString()).isEqualTo("error");
    JsonObject logentry = severe.getAsJsonObject("logentry");
    assertThat(logentry.get("message").getAsString()).isEqualTo("could not book parcel {0}");
    assertThat(logentry.get("formatted").getAsString())
        .isEqualTo("could not book parcel parcel-91");
    assertThat(qualifiedType(outermost(severe))).isEqualTo("java.lang.IllegalStateException");
    assertThat(mechanism(severe).get("type").getAsString()).isEqualTo("auto.log.jul");
    assertThat(severe.get("logger").getAsString()).isEqualTo("shop.shipping");
    assertThat(breadcrumbs(severe).toString())
        .contains("shipping started, 7 parcels queued", "carrier ParcelCo is slow today");
  }

  @Test
  void servletSampleSendsTheFailingRequestWithItsScrubbedRequestData() {
    JsonObject failed =
        only(Sample.SERVLET, e -> outermost(e).get("value").getAsString().contains("payment"));
    assertThat(mechanism(failed).get("handled").getAsBoolean()).isFalse();
    JsonObject request = failed.getAsJsonObject("request");
    assertThat(request.get("method").getAsString()).isEqualTo("POST");
    assertThat(request.get("url").getAsString()).endsWith("/checkout");
    assertThat(request.toString())
        .contains("order=1234")
        .contains("[Filtered]")
        .doesNotContain("s3cr3t")
        .doesNotContain("never-sent");
    assertThat(failed.getAsJsonObject("tags").get("order").getAsString()).isEqualTo("1234");

    JsonObject async =
        only(Sample.SERVLET, e -> outermost(e).get("value").getAsString().contains("sales"));
    assertThat(async.getAsJsonObject("request").get("url").getAsString()).endsWith("/report");
    assertThat(breadcrumbs(async).toString()).contains("building the report on");
    assertThat(itemTypes).contains("sessions");
  }

  @Test
  void agentSampleSendsItsUncaughtExceptionWithoutAnySdkCode() throws IOException {
    JsonObject uncaught = only(Sample.AGENT, e -> "fatal".equals(level(e)));
    assertThat(qualifiedType(outermost(uncaught))).isEqualTo("java.lang.IllegalStateException");
    assertThat(mechanism(uncaught).get("handled").getAsBoolean()).isFalse();
    assertThat(uncaught.get("environment").getAsString()).isEqualTo("demo");

    // the error it logs with java.util.logging, captured by the agent with its breadcrumbs
    JsonObject logged = only(Sample.AGENT, e -> "error".equals(level(e)));
    assertThat(qualifiedType(outermost(logged))).isEqualTo("java.lang.NumberFormatException");
    assertThat(mechanism(logged).get("type").getAsString()).isEqualTo("auto.log.jul");
    assertThat(breadcrumbs(logged).toString()).contains("importing the nightly price list");
  }

  private static List<JsonObject> of(Sample sample) {
    return events.stream()
        .filter(
            e ->
                sample
                    == Sample.ofRelease(e.has("release") ? e.get("release").getAsString() : null))
        .toList();
  }

  private static JsonObject only(Sample sample, Predicate<JsonObject> which) {
    List<JsonObject> found = of(sample).stream().filter(which).toList();
    assertThat(found).as(sample + " events among " + events + "\n" + output).hasSize(1);
    return found.get(0);
  }

  private static String level(JsonObject event) {
    return event.has("level") ? event.get("level").getAsString() : "";
  }

  private static JsonArray exceptions(JsonObject event) {
    if (!event.has("exception")) {
      return new JsonArray();
    }
    return event.getAsJsonObject("exception").getAsJsonArray("values");
  }

  /** The outermost exception: the last of the list (protocol: innermost first). */
  private static JsonObject outermost(JsonObject event) {
    JsonArray values = exceptions(event);
    if (values.isEmpty()) {
      JsonObject none = new JsonObject();
      none.addProperty("type", "");
      none.addProperty("value", "");
      return none;
    }
    return values.get(values.size() - 1).getAsJsonObject();
  }

  /** The exception's class name: its {@code module} (the package) and {@code type}. */
  private static String qualifiedType(JsonObject exception) {
    String type = exception.get("type").getAsString();
    return exception.has("module") ? exception.get("module").getAsString() + "." + type : type;
  }

  private static JsonObject mechanism(JsonObject event) {
    return outermost(event).getAsJsonObject("mechanism");
  }

  private static JsonArray breadcrumbs(JsonObject event) {
    if (!event.has("breadcrumbs")) {
      return new JsonArray();
    }
    JsonElement crumbs = event.get("breadcrumbs");
    return crumbs.isJsonArray()
        ? crumbs.getAsJsonArray()
        : crumbs.getAsJsonObject().getAsJsonArray("values");
  }
}
