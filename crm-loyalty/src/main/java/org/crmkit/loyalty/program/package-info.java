/**
 * Loyalty programs as immutable values: {@link org.crmkit.loyalty.program.Program}, its
 * {@link org.crmkit.loyalty.program.EarningRule earning rules}, {@link org.crmkit.loyalty.program.Tier tiers},
 * {@link org.crmkit.loyalty.program.Reward rewards} and the expiry, qualification and reversal policies.
 */
@NullMarked
package org.crmkit.loyalty.program;

import org.jspecify.annotations.NullMarked;
