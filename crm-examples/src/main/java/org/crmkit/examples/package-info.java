/** crmkit examples. */
@NullMarked
package org.crmkit.examples;

import org.jspecify.annotations.NullMarked;
