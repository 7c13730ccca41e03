/** The servlet integration for {@code jakarta.servlet} containers (Servlet 5.0 to 6.1). */
@NullMarked
package io.sentryj.servlet.jakarta;

import org.jspecify.annotations.NullMarked;
