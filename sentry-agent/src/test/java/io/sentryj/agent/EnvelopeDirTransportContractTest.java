package io.sentryj.agent;

import io.sentryj.Transport;
import io.sentryj.testing.TransportContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The agent's envelope-directory transport keeps the {@link TransportContract}. */
class EnvelopeDirTransportContractTest extends TransportContract {
  @TempDir Path dir;

  @Override
  protected Transport create() {
    return new EnvelopeDirTransport(dir);
  }
}
