package org.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;

import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAddressTest {
    @Test
    void email_isLowerCasedSoLookupsIgnoreCase() {
        new EqualsTester()
                .addEqualityGroup(EmailAddress.of("Mei.Lin@Example.COM"), EmailAddress.of(" mei.lin@example.com "))
                .addEqualityGroup(EmailAddress.of("mei@example.com"))
                .testEquals();
        assertEquals("mei.lin@example.com", EmailAddress.of("Mei.Lin@Example.COM").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mei", "@example.com", "mei@", "mei@example", "mei@@example.com", "mei lin@example.com",
        "mei@example."})
    void email_malformed_isRefusedNamingTheValue(String bad) {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> EmailAddress.of(bad));
        assertEquals("email must be of the form local@domain.tld: '" + bad.strip().toLowerCase() + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "'+1 (212) 555-0100', +12125550100",
        "'0044 20 7946 0958', +442079460958",
        "'+86.21.5555.1234', +862155551234",
        "+4915112345678, +4915112345678"
    })
    void phone_isNormalisedToE164(String written, String e164) {
        assertEquals(e164, PhoneNumber.of(written).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"212 555 0100", "+0 212 555 0100", "+1 212", "+1234567890123456", "+1 212 555 01OO"})
    void phone_notInternational_isRefused(String bad) {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> PhoneNumber.of(bad));
        assertEquals(true, e.getMessage().startsWith("phone must"), e.getMessage());
        assertEquals(true, e.getMessage().contains(bad.strip()), e.getMessage());
    }

    @Test
    void postal_countryIsUpperCasedAndChecked() {
        assertEquals("US", PostalAddress.of("1 Main St", null, "Springfield", "us").country());
        assertEquals("country must be an ISO 3166-1 alpha-2 code: 'XX'", assertThrows(RuleViolationException.class,
                () -> PostalAddress.of("1 Main St", null, "Springfield", "xx")).getMessage());
    }

    @Test
    void externalId_textRoundTrips() {
        ExternalId id = ExternalId.parse("dealer-042:C-77:x");
        assertEquals(ExternalId.of("dealer-042", "C-77:x"), id);
        assertEquals("dealer-042:C-77:x", id.toString());
        assertThrows(RuleViolationException.class, () -> ExternalId.parse("no-system"));
    }
}
