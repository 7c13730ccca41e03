/** The servlet integration for {@code javax.servlet} containers (Servlet 3.1 and 4.0). */
@NullMarked
package io.sentryj.servlet.javax;

import org.jspecify.annotations.NullMarked;
