package org.crmkit.loyalty.program;

/**
 * What a reversal does when the points it takes back were already spent or expired. A reversal always takes first
 * what is left of the lot the original entry opened; the policy decides the shortfall.
 */
public enum ReversalPolicy {
    /** Take the shortfall from other open lots, oldest first, and let the balance go negative for the rest. */
    NEGATIVE_BALANCE,
    /** Take the shortfall from other open lots, oldest first, as far as they go, and forgive the rest. */
    PARTIAL_CLAWBACK,
    /** Take only what is left of the original lot and forgive the shortfall. */
    FORFEIT
}
