package io.sentryj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A local port that refuses connections for as long as the JVM runs: bound by a socket that never
 * listens, so that no other process (another build on the machine) can take it. Neither a port
 * assumed closed (9) nor one just released, which anything may bind again.
 */
public final class RefusedPort {
  private static final Socket HOLDER = bind();

  private RefusedPort() {}

  private static Socket bind() {
    try {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket; // open until the JVM exits: the port stays ours
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port; a connection to it on the loopback address is refused. */
  public static int port() {
    return HOLDER.getLocalPort();
  }

  /** {@code http://<loopback>:<port>}: where a connection is refused. */
  public static String httpUrl() {
    return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
  }
}
