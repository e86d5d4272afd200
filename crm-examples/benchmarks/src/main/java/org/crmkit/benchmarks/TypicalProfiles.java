package org.crmkit.benchmarks;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;

/**
 * The typical profile of the benchmarks: a person with 2 contact points (email and phone), 5 preferences and
 * 2 consent records, each profile built from its own objects (own strings, own instants) as an adapter reading
 * rows would build them.
 */
public final class TypicalProfiles {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] FOODS = {"garlic", "onion", "cilantro", "peanuts", "shellfish"};

    private TypicalProfiles() {
    }

    /** {@return the id of the {@code n}th profile} */
    public static CustomerId id(int n) {
        return CustomerId.of("C" + n);
    }

    /** {@return the email of the {@code n}th profile} */
    public static EmailAddress email(int n) {
        return EmailAddress.of("customer" + n + "@example.com");
    }

    /**
     * The {@code n}th typical profile, stored version 1.
     *
     * @param n which one
     * @return the profile
     */
    public static Customer profile(int n) {
        Instant at = T0.plusSeconds(n);
        LocationId branch = LocationId.of("branch-" + n % 50);
        StaffId waiter = StaffId.of("staff-" + n % 200);
        return Customer.builder()
                .id(id(n))
                .name(Name.person("Given" + n, "Family" + n))
                .contactPoints(List.of(ContactPoint.verified(email(n)),
                        ContactPoint.of(PhoneNumber.of("+1" + (2_000_000_000L + n)))))
                .preferences(List.of(
                        Preference.observed(PreferenceKey.of("dining", "food"), FOODS[n % FOODS.length],
                                Polarity.AVOIDS, 0.9, at.plusMillis(1), branch, waiter),
                        Preference.observed(PreferenceKey.of("dining", "seat"), "window", Polarity.LIKES, 0.8,
                                at.plusMillis(2), branch, waiter),
                        Preference.stated(PreferenceKey.of("dining", "drink"), "plum juice", Polarity.LIKES,
                                at.plusMillis(3)),
                        Preference.stated(PreferenceKey.of("rental", "vehicle-class"), "full-size",
                                Polarity.REQUIRES, at.plusMillis(4)),
                        Preference.inferred(PreferenceKey.of("shop", "brand"), "store-brand", Polarity.LIKES, 0.6,
                                at.plusMillis(5))))
                .consents(List.of(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, at.plusMillis(6), "web-form"),
                        ConsentRecord.withdraw(Purpose.PROFILING, Channel.SMS, at.plusMillis(7), "hotline")))
                .createdAt(at)
                .updatedAt(at.plusMillis(8))
                .version(1)
                .build();
    }
}
