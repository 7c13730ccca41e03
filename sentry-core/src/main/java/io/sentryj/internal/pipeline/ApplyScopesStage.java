package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.protocol.SentryEvent;
import java.util.Map;

/**
 * Fills the event from the scopes, then from the options and the process: environment, release,
 * dist, server name, SDK, tags and the {@code os} and {@code runtime} contexts. Never drops.
 */
final class ApplyScopesStage implements Stage {
  private final SentryOptions options;
  private final EventDefaults defaults;

  ApplyScopesStage(SentryOptions options, EventDefaults defaults) {
    this.options = options;
    this.defaults = defaults;
  }

  @Override
  public SentryEvent apply(SentryEvent event, Capture capture) {
    capture.processors.addAll(options.eventProcessors());
    capture.scopes.applyTo(
        event, options.maxBreadcrumbs(), capture.processors, capture.attachments);
    if (event.getLevel() == null) {
      event.setLevel(SentryLevel.ERROR);
    }
    if (event.getEnvironment() == null) {
      event.setEnvironment(options.environment());
    }
    if (event.getRelease() == null) {
      event.setRelease(options.release());
    }
    if (event.getDist() == null) {
      event.setDist(options.dist());
    }
    if (event.getServerName() == null) {
      event.setServerName(defaults.serverName());
    }
    if (event.getSdk() == null) {
      event.setSdk(defaults.sdk());
    }
    for (Map.Entry<String, String> tag : options.tags().entrySet()) {
      event.getTags().putIfAbsent(tag.getKey(), tag.getValue());
    }
    defaults.addContexts(event.getContexts());
    return event;
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.EVENT_PROCESSOR;
  }

  @Override
  public String toString() {
    return "ApplyScopesStage";
  }
}
