/**
 * The servlet integration for {@code javax.servlet} containers: {@link
 * io.sentryj.servlet.javax.SentryFilter} and the initializer that registers it. The integration for
 * the other servlet namespace is generated from this package's source when the module is built.
 */
@NullMarked
package io.sentryj.servlet.javax;

import org.jspecify.annotations.NullMarked;
