/** Instrumentation {@code jdbc}: breadcrumbs for the statements JDBC drivers run. */
@NullMarked
package io.sentryj.agent.instrumentation.jdbc;

import org.jspecify.annotations.NullMarked;
