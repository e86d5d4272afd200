/** Standing agreements with a validity window, such as C1's annual rental agreement. */
@NullMarked
package org.crmkit.core.agreement;

import org.jspecify.annotations.NullMarked;
