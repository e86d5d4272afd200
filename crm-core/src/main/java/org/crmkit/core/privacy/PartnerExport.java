package org.crmkit.core.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.Pages;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;

/**
 * Builds the analysis data set a business shares with partners, such as the manufacturers of C8 who fund
 * discounts and receive the analysis with names removed. Only customers who consented to
 * {@link Purpose#PARTNER_SHARING} at the time of export are included. Direct identifiers (names, contact data,
 * ids) are left out; the customer id is replaced by a keyed pseudonym; birthdays become age bands and postal
 * codes their first characters; and records whose (age band, postcode prefix) group is smaller than {@code k} are
 * suppressed before anything leaves. Immutable and thread-safe.
 *
 * @param key the host-held pseudonym key
 * @param k the smallest group allowed, at least 2
 * @param ageBandYears the width of an age band, such as 10
 * @param postcodePrefix how many leading characters of the postal code to keep
 * @param purchasesWithin how far back purchases are summed
 */
public record PartnerExport(PseudonymKey key, int k, int ageBandYears, int postcodePrefix,
                            Duration purchasesWithin) {
    private static final String UNKNOWN = "unknown";

    /** Validates the settings. */
    public PartnerExport {
        Checks.notNull("key", key);
        if (k < 2) {
            throw new RuleViolationException("k must be at least 2: " + k);
        }
        if (ageBandYears < 1 || postcodePrefix < 0) {
            throw new RuleViolationException("age band and postcode prefix must be positive: " + ageBandYears + ", "
                    + postcodePrefix);
        }
        Checks.notNull("purchasesWithin", purchasesWithin);
    }

    /** {@return the key, masked} */
    @Override
    public String toString() {
        return "PartnerExport[k=" + k + ", ageBandYears=" + ageBandYears + ", postcodePrefix=" + postcodePrefix
                + ", purchasesWithin=" + purchasesWithin + ", key=****]";
    }

    /**
     * Builds the data set from every stored customer.
     *
     * @param customers the profiles
     * @param touchpoints their touchpoints
     * @param at the time of export; consent is checked then
     * @return the data set
     */
    public PartnerDataSet export(CustomerRepository customers, TouchpointRepository touchpoints, Instant at) {
        Checks.notNull("customers", customers);
        Checks.notNull("touchpoints", touchpoints);
        Checks.notNull("at", at);
        List<PartnerRecord> all = new ArrayList<>();
        int withoutConsent = 0;
        for (Customer c : Pages.stream(customers::findAll).toList()) {
            if (!c.consents().permits(Purpose.PARTNER_SHARING, Channel.of("analysis"), at)) {
                withoutConsent++;
                continue;
            }
            all.add(record(c, touchpoints.streamByCustomer(c.id(), TimeWindow.between(at.minus(purchasesWithin), at))
                    .toList(), at));
        }
        Map<List<String>, Integer> groups = new HashMap<>();
        for (PartnerRecord r : all) {
            groups.merge(List.of(r.ageBand(), r.postcodePrefix()), 1, Integer::sum);
        }
        List<PartnerRecord> kept = new ArrayList<>();
        for (PartnerRecord r : all) {
            if (groups.get(List.of(r.ageBand(), r.postcodePrefix())) >= k) {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparing(PartnerRecord::pseudonym));
        return new PartnerDataSet(at, k, kept, withoutConsent, all.size() - kept.size());
    }

    private PartnerRecord record(Customer c, List<Touchpoint> history, Instant at) {
        long purchases = 0;
        Map<String, Money> spend = new TreeMap<>();
        for (Touchpoint t : history) {
            if (!t.kind().equals(TouchpointKind.PURCHASE)) {
                continue;
            }
            purchases++;
            for (LineItem line : t.lineItems()) {
                spend.merge(line.category(), line.total(), Money::plus);
            }
        }
        return new PartnerRecord(key.pseudonym(c.id().value()), ageBand(c, at), postcode(c), purchases, spend);
    }

    private String ageBand(Customer c, Instant at) {
        for (SpecialDate d : c.specialDates()) {
            if (d.occasion().equals(Occasion.BIRTHDAY) && d.year() != null) {
                LocalDate born = d.day().atYear(d.year().getValue());
                int age = Period.between(born, LocalDate.ofInstant(at, ZoneOffset.UTC)).getYears();
                int low = Math.max(0, age) / ageBandYears * ageBandYears;
                return low + "-" + (low + ageBandYears - 1);
            }
        }
        return UNKNOWN;
    }

    private String postcode(Customer c) {
        return c.primaryContact(ContactKind.POSTAL)
                .map(cp -> ((PostalAddress) cp.address()).postalCode())
                .filter(p -> p != null && p.length() >= postcodePrefix)
                .map(p -> p.substring(0, postcodePrefix))
                .orElse(UNKNOWN);
    }
}
