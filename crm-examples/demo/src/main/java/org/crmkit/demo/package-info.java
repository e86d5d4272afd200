/** The runnable demo: the case studies end to end on the in-memory store. */
@NullMarked
package org.crmkit.demo;

import org.jspecify.annotations.NullMarked;
