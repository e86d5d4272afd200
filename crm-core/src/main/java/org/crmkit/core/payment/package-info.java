/**
 * Payment cards on file, held only as a vault token with brand, last four digits and expiry (C1), and the
 * detection that keeps full card numbers out of every text crmkit accepts.
 */
@NullMarked
package org.crmkit.core.payment;

import org.jspecify.annotations.NullMarked;
