/**
 * The unified customer profile: {@link org.crmkit.core.customer.Customer} and the values it holds.
 */
@NullMarked
package org.crmkit.core.customer;

import org.jspecify.annotations.NullMarked;
