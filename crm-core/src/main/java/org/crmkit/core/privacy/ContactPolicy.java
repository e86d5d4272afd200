package org.crmkit.core.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * Answers, before a host contacts a customer, whether it may and why not (C11: permission before any further
 * contact). Four checks, all reported: consent for the purpose and channel at that time; the customer's channel
 * preferences (an effective {@link #CHANNEL} preference that avoids or dislikes the channel); quiet hours in the
 * customer's time zone (or the policy's default zone); and frequency caps counted from outbound touchpoints.
 * Immutable and thread-safe.
 *
 * @param quietHours the quiet hours, or null for none
 * @param defaultZone the zone used for customers without a time zone
 * @param caps the frequency caps
 */
public record ContactPolicy(@Nullable QuietHours quietHours, ZoneId defaultZone, List<FrequencyCap> caps) {
    /** The preference key by which a customer avoids or likes a channel; its value is the channel code. */
    public static final PreferenceKey CHANNEL = PreferenceKey.of("contact", "channel");
    /** The touchpoint attribute that names the purpose of an outbound contact, such as {@code "marketing"}. */
    public static final String PURPOSE_ATTRIBUTE = "purpose";

    /** Copies the caps. */
    public ContactPolicy {
        Checks.notNull("defaultZone", defaultZone);
        caps = Checks.list("caps", caps);
    }

    /** {@return a policy that checks consent and channel preferences only} */
    public static ContactPolicy consentOnly() {
        return new ContactPolicy(null, ZoneId.of("UTC"), List.of());
    }

    /** {@return how far back outbound touchpoints are needed to check the caps} */
    public Duration lookBack() {
        Duration longest = Duration.ZERO;
        for (FrequencyCap cap : caps) {
            if (cap.per().compareTo(longest) > 0) {
                longest = cap.per();
            }
        }
        return longest;
    }

    /**
     * Decides.
     *
     * @param customer the customer
     * @param recent the customer's touchpoints from at least {@link #lookBack()} before {@code at}; others are
     *     ignored
     * @param purpose why the host wants to make contact
     * @param channel how
     * @param at when
     * @return the decision, with every reason against
     */
    public ContactDecision check(Customer customer, Collection<Touchpoint> recent, Purpose purpose, Channel channel,
                                 Instant at) {
        Checks.notNull("customer", customer);
        Checks.notNull("recent", recent);
        Checks.notNull("purpose", purpose);
        Checks.notNull("channel", channel);
        Checks.notNull("at", at);
        List<ContactDecision.Refusal> refusals = new ArrayList<>();
        ConsentRecord deciding = customer.consents().deciding(purpose, channel, at).orElse(null);
        if (deciding == null || !customer.consents().permits(purpose, channel, at)) {
            refusals.add(new ContactDecision.Refusal(ContactDecision.Kind.NO_CONSENT, deciding == null
                    ? "no consent recorded for " + purpose + " by " + channel
                    : "consent for " + purpose + " by " + channel + " withdrawn at " + deciding.at()));
        }
        for (Preference p : customer.effectivePreferences().about(CHANNEL)) {
            boolean averse = p.polarity() == Polarity.AVOIDS || p.polarity() == Polarity.DISLIKES;
            if (averse && p.value().equals(AttributeValue.text(channel.code()))) {
                refusals.add(new ContactDecision.Refusal(ContactDecision.Kind.CHANNEL_AVOIDED,
                        "the customer " + EnumNames.of(p.polarity()) + " contact by " + channel));
            }
        }
        if (quietHours != null) {
            ZoneId zone = customer.timeZone().orElse(defaultZone);
            LocalTime local = LocalTime.ofInstant(at, zone);
            if (quietHours.contains(local)) {
                refusals.add(new ContactDecision.Refusal(ContactDecision.Kind.QUIET_HOURS, "it is " + local
                        + " in " + zone + ", within quiet hours " + quietHours.from() + "-" + quietHours.until()));
            }
        }
        for (FrequencyCap cap : caps) {
            AttributeValue purposeTag = AttributeValue.text(cap.purpose().code());
            long made = recent.stream()
                    .filter(t -> t.direction() == Direction.OUTBOUND && t.customerId().equals(customer.id()))
                    .filter(t -> !t.occurredAt().isBefore(at.minus(cap.per())) && t.occurredAt().isBefore(at))
                    .filter(t -> purposeTag.equals(t.attributes().get(PURPOSE_ATTRIBUTE)))
                    .count();
            if (made >= cap.max()) {
                refusals.add(new ContactDecision.Refusal(ContactDecision.Kind.FREQUENCY_CAP, made + " " + cap.purpose()
                        + " contacts in the last " + cap.per() + ", at most " + cap.max() + " allowed"));
            }
        }
        return ContactDecision.of(refusals);
    }
}
