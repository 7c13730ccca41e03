package io.sentryj.log4j2;

import static io.sentryj.log4j2.Log4jFixture.fresh;
import static io.sentryj.log4j2.Log4jFixture.initSdk;
import static io.sentryj.log4j2.Log4jFixture.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Envelopes;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
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
  void logsAtOrAboveTheirMinimumAreSentWithTemplateAndParametersWhenTheAppenderStops() {
    initSdk(transport, o -> o.logsEnabled(true));
    context = fresh("logs.xml");

    context.getLogger("shop.Cart").debug("below the log minimum");
    context.getLogger("shop.Cart").info("added {} items for {}", 3, "alice");
    context.getLogger("shop.Stock").warn("stock low");
    context.stop();
    context = null;

    List<Envelopes.Item> logItems = items(transport, "log");
    assertThat(logItems).hasSize(1);
    JsonArray logs = logItems.get(0).json().getAsJsonArray("items");
    assertThat(logs).hasSize(2);
    JsonObject info = logs.get(0).getAsJsonObject();
    assertThat(info.get("body").getAsString()).isEqualTo("added 3 items for alice");
    assertThat(info.get("level").getAsString()).isEqualTo("info");
    JsonObject attrs = info.getAsJsonObject("attributes");
    assertThat(attrs.getAsJsonObject("sentry.message.template").get("value").getAsString())
        .isEqualTo("added {} items for {}");
    assertThat(attrs.getAsJsonObject("sentry.message.parameter.0").get("value").getAsInt())
        .isEqualTo(3);
    assertThat(attrs.getAsJsonObject("sentry.origin").get("value").getAsString())
        .isEqualTo("auto.log.log4j2");
    assertThat(attrs.getAsJsonObject("logger.name").get("value").getAsString())
        .isEqualTo("shop.Cart");
    assertThat(logs.get(1).getAsJsonObject().get("level").getAsString()).isEqualTo("warn");
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
    assertThat(items(transport, "log")).isEmpty();
  }
}
