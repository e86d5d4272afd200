/**
 * The rewards catalogue: campaigns of coupons (given, such as those on C8's personal shopping list) and vouchers
 * (bought with points), issued within stock and per-member limits and redeemed once.
 */
@NullMarked
package org.crmkit.loyalty.reward;

import org.jspecify.annotations.NullMarked;
