package org.crmkit.segmentation.rule;

import java.util.Objects;

import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;

/**
 * What a segment is used for: contacting its members for a purpose on a channel. A segment with a targeting
 * leaves out customers who have not consented to that purpose on that channel at the instant of evaluation.
 * Immutable.
 *
 * @param purpose the purpose of contact, such as marketing
 * @param channel the channel of contact
 */
public record Targeting(Purpose purpose, Channel channel) {
    /** Checks for nulls. */
    public Targeting {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * Marketing on a channel.
     *
     * @param channel the channel
     * @return the targeting
     */
    public static Targeting marketing(Channel channel) {
        return new Targeting(Purpose.MARKETING, channel);
    }

    @Override
    public String toString() {
        return purpose + " by " + channel;
    }
}
