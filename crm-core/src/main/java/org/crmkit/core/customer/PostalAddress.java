package org.crmkit.core.customer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Limits;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A postal address. Immutable.
 *
 * @param lines street lines, one to four
 * @param locality city or town
 * @param region state, province or county, if used
 * @param postalCode postal code, if used
 * @param country ISO 3166-1 alpha-2 country code, upper case
 */
public record PostalAddress(List<String> lines, String locality, @Nullable String region,
                            @Nullable String postalCode, String country) implements ContactAddress {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Validates the address.
     *
     * @throws RuleViolationException when a part is blank, too long, or the country is unknown
     */
    public PostalAddress {
        lines = Checks.list("address lines", lines, Limits.ADDRESS_LINES).stream()
                .map(line -> Checks.shortText("address line", line))
                .toList();
        if (lines.isEmpty()) {
            throw new RuleViolationException("address lines must be 1 to " + Limits.ADDRESS_LINES + ": 0");
        }
        locality = Checks.shortText("locality", locality);
        region = Checks.optionalShortText("region", region);
        postalCode = Checks.optionalShortText("postal code", postalCode);
        Checks.notNull("country", country);
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new RuleViolationException("country must be an ISO 3166-1 alpha-2 code: " + Checks.quoted(country));
        }
    }

    /**
     * Creates an address with one street line.
     *
     * @param line the street line
     * @param postalCode the postal code, or null
     * @param locality the city or town
     * @param country the ISO 3166-1 alpha-2 code
     * @return the address
     */
    public static PostalAddress of(String line, @Nullable String postalCode, String locality, String country) {
        return new PostalAddress(List.of(line), locality, null, postalCode, country);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.POSTAL;
    }
}
