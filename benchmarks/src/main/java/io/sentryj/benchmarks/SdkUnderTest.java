package io.sentryj.benchmarks;

/** The calls benchmarked, so that both SDKs run the very same benchmark code. */
public interface SdkUnderTest {
  void captureException(Throwable throwable);

  void captureMessage(String message);

  void addBreadcrumb(String message);

  void close();

  /** How the benchmarked SDK delivers: not at all, or serialized to a stream that discards. */
  enum Delivery {
    NOOP,
    SERIALIZE
  }

  /** Starts the named SDK ({@code sentryj} or {@code official}) with equivalent options. */
  static SdkUnderTest start(String sdk, Delivery delivery) {
    switch (sdk) {
      case "sentryj":
        return new SentryjSdk(delivery);
      case "official":
        return new OfficialSdk(delivery);
      default:
        throw new IllegalArgumentException("unknown sdk " + sdk);
    }
  }
}
