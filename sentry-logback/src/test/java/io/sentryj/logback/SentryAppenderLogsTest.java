package io.sentryj.logback;

import static io.sentryj.logback.LogbackFixture.fresh;
import static io.sentryj.logback.LogbackFixture.initSdk;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.integration.EnvelopeCodec;
import io.sentryj.integration.Sdk;
import io.sentryj.testing.Envelopes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentryAppenderLogsTest {
  private final RecordingTransport transport = new RecordingTransport();
  private LoggerContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.stop();
    }
    Sentry.close();
  }

  @Test
  void logsAtOrAboveTheirOwnMinimumAreSentAsOneLogItemWhenTheAppenderStops() {
    initSdk(transport, o -> o.logsEnabled(true).environment("staging"));
    context = fresh("logs.xml");
    String traceId = Sdk.current().outgoingTraceHeaders().get("sentry-trace").substring(0, 32);

    context.getLogger("shop.Cart").debug("below the log minimum");
    context.getLogger("shop.Cart").info("added {} items for {}", 3, "alice");
    context.getLogger("shop.Stock").warn("stock low");
    context.stop();
    context = null;

    List<Envelopes.Item> logItems = logItems();
    assertThat(logItems).hasSize(1);
    Envelopes.Item item = logItems.get(0);
    assertThat(item.header().get("item_count").getAsInt()).isEqualTo(2);
    assertThat(item.header().get("content_type").getAsString())
        .isEqualTo("application/vnd.sentry.items.log+json");
    JsonArray items = item.json().getAsJsonArray("items");
    JsonObject info = items.get(0).getAsJsonObject();
    assertThat(info.get("body").getAsString()).isEqualTo("added 3 items for alice");
    assertThat(info.get("level").getAsString()).isEqualTo("info");
    assertThat(info.get("severity_number").getAsInt()).isEqualTo(9);
    assertThat(info.get("trace_id").getAsString()).isEqualTo(traceId);
    JsonObject attrs = info.getAsJsonObject("attributes");
    assertThat(attr(attrs, "sentry.message.template"))
        .isEqualTo("\"added {} items for {}\"/string");
    assertThat(attr(attrs, "sentry.message.parameter.0")).isEqualTo("3/integer");
    assertThat(attr(attrs, "sentry.message.parameter.1")).isEqualTo("\"alice\"/string");
    assertThat(attr(attrs, "sentry.origin")).isEqualTo("\"auto.log.logback\"/string");
    assertThat(attr(attrs, "sentry.environment")).isEqualTo("\"staging\"/string");
    JsonObject warn = items.get(1).getAsJsonObject();
    assertThat(warn.get("level").getAsString()).isEqualTo("warn");
    assertThat(warn.get("severity_number").getAsInt()).isEqualTo(13);
    assertThat(warn.getAsJsonObject("attributes").has("sentry.message.template")).isFalse();
  }

  @Test
  void errorsBecomeBothAnEventAndALog() {
    initSdk(transport, o -> o.logsEnabled(true));
    context = fresh("logs.xml");

    context.getLogger("shop").error("failed {}", 1);
    Sentry.close(); // closing the SDK sends the queued logs too

    assertThat(transport.events()).hasSize(1);
    assertThat(logItems()).hasSize(1);
  }

  @Test
  void withoutLogsEnabledNoLogItemIsSent() {
    initSdk(transport, o -> {});
    context = fresh("logs.xml");

    context.getLogger("shop").info("just a line");
    context.getLogger("shop").error("and an error");
    context.stop();
    context = null;

    assertThat(transport.events()).hasSize(1);
    assertThat(logItems()).isEmpty();
  }

  private static String attr(JsonObject attrs, String key) {
    JsonObject a = attrs.getAsJsonObject(key);
    return a.get("value") + "/" + a.get("type").getAsString();
  }

  private List<Envelopes.Item> logItems() {
    List<Envelopes.Item> items = new ArrayList<>();
    for (Envelope envelope : transport.envelopes()) {
      for (Envelopes.Item item : Envelopes.parse(EnvelopeCodec.toByteArray(envelope)).items()) {
        if (item.type().equals("log")) {
          items.add(item);
        }
      }
    }
    return items;
  }
}
