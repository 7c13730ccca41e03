/**
 * Internal: the servlet integration's logic, written once for both servlet namespaces against
 * {@link io.sentryj.servlet.internal.HttpRequestView}. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.servlet.internal;

import org.jspecify.annotations.NullMarked;
