package io.sentryj.internal.envelope;

import io.sentryj.EnvelopeItem;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes the payload of a {@code client_report} item (protocol section 5): {@code
 * {"timestamp":"…","discarded_events":[{"reason":…,"category":…,"quantity":…},…]}}, at most 4 KiB.
 *
 * <p>Outcomes that do not fit are not lost: the caller gives them back to the recorder and they go
 * in the next report.
 *
 * <pre>{@code
 * ClientReportWriter.Report report = ClientReportWriter.write(recorder.drain(), now);
 * recorder.restore(report.leftOver());
 * if (!report.isEmpty()) {
 *   send(report.toItem()); // and if sending fails: recorder.restore(report.included())
 * }
 * }</pre>
 */
public final class ClientReportWriter {
  /** The largest client report Relay accepts (protocol section 2). */
  public static final int MAX_BYTES = 4 * 1024;

  private static final String HEAD = "{\"timestamp\":\"";
  private static final String LIST = "\",\"discarded_events\":[";
  private static final String TAIL = "]}";

  private ClientReportWriter() {}

  /**
   * A report of as many of {@code outcomes}, in order, as fit in {@link #MAX_BYTES}; outcomes with
   * a quantity of zero or less are left out of both lists.
   */
  public static Report write(List<Outcome> outcomes, long timestampMillis) {
    return write(outcomes, timestampMillis, MAX_BYTES);
  }

  static Report write(List<Outcome> outcomes, long timestampMillis, int maxBytes) {
    // Every part is ASCII from fixed protocol names and digits: nothing needs escaping, and the
    // character count is the byte count.
    StringBuilder json =
        new StringBuilder(HEAD).append(Rfc3339.format(timestampMillis)).append(LIST);
    List<Outcome> included = new ArrayList<>();
    List<Outcome> leftOver = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.quantity <= 0) {
        continue;
      }
      String entry = entry(o);
      int separator = included.isEmpty() ? 0 : 1;
      if (leftOver.isEmpty()
          && json.length() + separator + entry.length() + TAIL.length() <= maxBytes) {
        json.append(separator == 0 ? "" : ",").append(entry);
        included.add(o);
      } else {
        leftOver.add(o); // keep the order: once one does not fit, the rest wait too
      }
    }
    json.append(TAIL);
    byte[] payload = json.toString().getBytes(StandardCharsets.US_ASCII);
    return new Report(payload, included, leftOver);
  }

  private static String entry(Outcome o) {
    return "{\"reason\":\""
        + o.reason.protocolName()
        + "\",\"category\":\""
        + o.category.protocolName()
        + "\",\"quantity\":"
        + o.quantity
        + "}";
  }

  /** A written client report, and the outcomes it holds and does not hold. */
  public static final class Report {
    private final byte[] payload;
    private final List<Outcome> included;
    private final List<Outcome> leftOver;

    Report(byte[] payload, List<Outcome> included, List<Outcome> leftOver) {
      this.payload = payload;
      this.included = Collections.unmodifiableList(included);
      this.leftOver = Collections.unmodifiableList(leftOver);
    }

    /** The JSON payload, at most {@link #MAX_BYTES} long. Not copied: do not change it. */
    @SuppressWarnings("mutable")
    public byte[] payload() {
      return payload;
    }

    /** The outcomes in the payload: restore them to the recorder if the report is not sent. */
    public List<Outcome> included() {
      return included;
    }

    /** The outcomes that did not fit: restore them to the recorder for the next report. */
    public List<Outcome> leftOver() {
      return leftOver;
    }

    /** Whether the report holds no outcome, and so need not be sent. */
    public boolean isEmpty() {
      return included.isEmpty();
    }

    /** The report as a {@code client_report} envelope item. */
    public EnvelopeItem toItem() {
      return EnvelopeItem.of("client_report", Collections.<String, Object>emptyMap(), payload);
    }

    @Override
    public String toString() {
      return "ClientReport{" + included.size() + " outcomes, " + leftOver.size() + " left over}";
    }
  }
}
