package org.crmkit.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.KeyContact;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.NoteTopic;
import org.crmkit.core.customer.StaffNote;
import org.crmkit.core.service.Observation;

class CardNumbersProperties {

    /** Every place that accepts text, as a function that offers the text there. */
    private static final Map<String, Function<String, Object>> TEXT_FIELDS = Map.of(
            "note text", t -> new StaffNote(NoteTopic.GENERAL, t, StaffId.of("s"), Instant.EPOCH),
            "observation text", t -> new Observation(Instant.EPOCH, null, t, Map.of()),
            "given name", t -> Name.person(t, null),
            "legal name", Name::organization,
            "text value", AttributeValue::text,
            "key contact role", t -> new KeyContact("Ana", t, null, null),
            "external id value", t -> ExternalId.of("pos", t.replace(' ', '-')),
            "email", t -> EmailAddress.of(t.replace(' ', '-') + "@example.com"),
            "token", t -> new PaymentInstrument(t.replace(' ', '-'), CardBrand.VISA, "1111", YearMonth.of(2030, 1)));

    @Provide
    Arbitrary<String> cardNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(18)
                .filter(s -> s.charAt(0) != '0')
                .map(CardNumbersProperties::withLuhnDigit);
    }

    @Provide
    Arbitrary<String> separated() {
        return Combinators.combine(cardNumbers(), Arbitraries.of(" ", "-", ""))
                .as((n, sep) -> String.join(sep, n.split("(?<=\\G.{4})")));
    }

    @Property
    void everyValidCardNumberIsDetected(@ForAll("separated") String card,
                                        @ForAll("words") String before, @ForAll("words") String after) {
        assertTrue(CardNumbers.containsCardNumber(before + " " + card + " " + after), card);
    }

    @Property
    void everyTextFieldRefusesACardNumberWithoutRepeatingIt(@ForAll("cardNumbers") String card,
                                                            @ForAll("words") String before) {
        for (Map.Entry<String, Function<String, Object>> field : TEXT_FIELDS.entrySet()) {
            String offered = before + " " + card;
            RuntimeException e = assertThrows(RuleViolationException.class, () -> field.getValue().apply(offered),
                    field.getKey());
            assertFalse(e.getMessage().contains(card), e.getMessage());
            assertFalse(e.getMessage().contains(card.substring(0, 8)), e.getMessage());
        }
    }

    @Property
    void aDigitGroupFailingLuhnIsNotACardNumber(@ForAll("cardNumbers") String card) {
        int last = card.charAt(card.length() - 1) - '0';
        String broken = card.substring(0, card.length() - 1) + (char) ('0' + (last + 1) % 10);
        assertFalse(CardNumbers.containsCardNumber("ref " + broken));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    }

    @Example
    void knownTestNumbers() {
        for (String n : List.of("4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "6011000000000004",
                "4222222222222")) {
            assertTrue(CardNumbers.containsCardNumber("pay with " + n + " please"), n);
        }
        assertFalse(CardNumbers.containsCardNumber("tracking 41111111111111110000"), "20 digits is not a card");
        assertFalse(CardNumbers.containsCardNumber("phone +1 212 555 0100"));
        assertFalse(CardNumbers.containsCardNumber("order 411111111111"), "12 digits is not a card");
    }

    @Example
    void paymentInstrumentKeepsOnlyTokenBrandLastFourAndExpiry() {
        PaymentInstrument card = new PaymentInstrument("tok_abc123", CardBrand.VISA, "4242", YearMonth.of(2028, 7));
        assertEquals("PaymentInstrument[VISA ****4242 exp 2028-07, token=****]", card.toString());
        assertTrue(card.isValidIn(YearMonth.of(2028, 7)));
        assertFalse(card.isValidIn(YearMonth.of(2028, 8)));
        assertEquals("token must be a vault reference, not a payment card number",
                assertThrows(RuleViolationException.class,
                        () -> new PaymentInstrument("4111111111111111", CardBrand.VISA, "1111", YearMonth.now()))
                        .getMessage());
        assertEquals("last four must be exactly four digits: '42'", assertThrows(RuleViolationException.class,
                () -> new PaymentInstrument("tok", CardBrand.VISA, "42", YearMonth.now())).getMessage());
    }

    static String withLuhnDigit(String payload) {
        for (int d = 0; d <= 9; d++) {
            String candidate = payload + d;
            if (CardNumbers.passesLuhn(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no check digit for " + payload);
    }
}
