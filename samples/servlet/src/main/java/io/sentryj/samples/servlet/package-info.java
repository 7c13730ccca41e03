/** The servlet sample: an embedded Jetty web application behind the sentryj filter. */
@NullMarked
package io.sentryj.samples.servlet;

import org.jspecify.annotations.NullMarked;
