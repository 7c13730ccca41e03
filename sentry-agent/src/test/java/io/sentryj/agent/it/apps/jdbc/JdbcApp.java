package io.sentryj.agent.it.apps.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An application with no SDK code that runs statements on an in-memory H2 database (one of them a
 * prepared statement bound to a secret, one failing), then dies of an uncaught exception.
 */
public final class JdbcApp {
  private JdbcApp() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shop")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE users(id INT PRIMARY KEY, name VARCHAR(50), secret VARCHAR(50))");
        s.executeUpdate("INSERT INTO users VALUES (1, 'alice', 'literal-secret')");
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO users(id, name, secret) VALUES (?, ?, ?)")) {
        p.setInt(1, 2);
        p.setString(2, "bob");
        p.setString(3, "hunter2-bound-secret");
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
        p.setInt(1, 2);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          System.out.println("found " + rs.getString(1));
        }
      }
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT * FROM missing_table");
      } catch (SQLException expected) {
        System.out.println("failed as expected");
      }
    }
    throw new IllegalStateException("jdbc done");
  }
}
