package org.crmkit.core.consent;

import java.time.Instant;

import org.crmkit.core.common.Channel;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One decision of a customer about a purpose: granted or withdrawn, at a time, for one channel or for all
 * channels. Records are never changed or deleted; a later record supersedes an earlier one. Immutable.
 *
 * @param purpose what the data may be used for
 * @param channel the channel it applies to, or null for every channel
 * @param status granted or withdrawn
 * @param at when the customer decided
 * @param source how the decision was captured, such as {@code "hotline"} or {@code "web-form"}
 */
public record ConsentRecord(Purpose purpose, @Nullable Channel channel, ConsentStatus status, Instant at,
                            String source) {
    /** Validates the record. */
    public ConsentRecord {
        Checks.notNull("purpose", purpose);
        Checks.notNull("status", status);
        Checks.notNull("at", at);
        source = Checks.shortText("consent source", source);
    }

    /**
     * A grant for one channel.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @param at when
     * @param source how it was captured
     * @return the record
     */
    public static ConsentRecord grant(Purpose purpose, Channel channel, Instant at, String source) {
        return new ConsentRecord(purpose, channel, ConsentStatus.GRANTED, at, source);
    }

    /**
     * A withdrawal for one channel.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @param at when
     * @param source how it was captured
     * @return the record
     */
    public static ConsentRecord withdraw(Purpose purpose, Channel channel, Instant at, String source) {
        return new ConsentRecord(purpose, channel, ConsentStatus.WITHDRAWN, at, source);
    }

    /** {@return true when the record applies to the purpose and channel} */
    public boolean appliesTo(Purpose p, Channel c) {
        return purpose.equals(p) && (channel == null || channel.equals(c));
    }
}
