package org.crmkit.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.common.Channel;

class ConsentsProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<ConsentRecord> records() {
        return Combinators.combine(
                Arbitraries.of(Purpose.MARKETING, Purpose.PROFILING),
                Arbitraries.of(Channel.EMAIL, Channel.SMS).injectNull(0.3),
                Arbitraries.of(ConsentStatus.class),
                Arbitraries.longs().between(0, 20))
                .as((p, c, s, t) -> new ConsentRecord(p, c, s, T0.plusSeconds(t * 3_600), "test"));
    }

    @Provide
    Arbitrary<List<ConsentRecord>> histories() {
        return records().list().ofMaxSize(10);
    }

    /** The model: scan every record; the latest applicable one at or before T decides; a withdrawal wins a tie. */
    private static boolean model(List<ConsentRecord> history, Purpose p, Channel c, Instant at) {
        ConsentRecord best = null;
        for (ConsentRecord r : history) {
            boolean applies = r.purpose().equals(p) && (r.channel() == null || r.channel().equals(c));
            if (!applies || r.at().isAfter(at)) {
                continue;
            }
            if (best == null || r.at().isAfter(best.at())
                    || r.at().equals(best.at()) && r.status() == ConsentStatus.WITHDRAWN) {
                best = r;
            }
        }
        return best != null && best.status() == ConsentStatus.GRANTED;
    }

    @Property
    void permitsAgreesWithTheModel(@ForAll("histories") List<ConsentRecord> history,
                                   @ForAll("hours") long hour) {
        Consents consents = Consents.of(history);
        Instant at = T0.plusSeconds(hour * 3_600);
        for (Purpose p : List.of(Purpose.MARKETING, Purpose.PROFILING)) {
            for (Channel c : List.of(Channel.EMAIL, Channel.SMS)) {
                assertEquals(model(history, p, c, at), consents.permits(p, c, at), p + "/" + c + " at " + at);
            }
        }
    }

    @Property
    void aWithdrawalTakesEffectFromItsTimeAndNothingIsDeleted(@ForAll("histories") List<ConsentRecord> history,
                                                             @ForAll("hours") long hour) {
        Instant at = T0.plusSeconds(hour * 3_600);
        Consents after = Consents.of(history).with(ConsentRecord.withdraw(Purpose.MARKETING, Channel.EMAIL, at, "t"));
        assertFalse(after.permits(Purpose.MARKETING, Channel.EMAIL, at));
        assertEquals(history.size() + 1, after.history().size());
        assertTrue(after.history().containsAll(history));
    }

    @Provide
    Arbitrary<Long> hours() {
        return Arbitraries.longs().between(0, 24);
    }

    @Example
    void withoutAnyRecordTheAnswerIsNo() {
        assertFalse(Consents.of(List.of()).permits(Purpose.MARKETING, Channel.EMAIL, T0));
    }

    @Example
    void aGrantForEveryChannelCoversEachChannelUntilOneIsWithdrawn() {
        Consents c = Consents.of(List.of(
                new ConsentRecord(Purpose.MARKETING, null, ConsentStatus.GRANTED, T0, "hotline"),
                ConsentRecord.withdraw(Purpose.MARKETING, Channel.SMS, T0.plusSeconds(60), "sms-stop")));
        assertTrue(c.permits(Purpose.MARKETING, Channel.SMS, T0.plusSeconds(30)));
        assertFalse(c.permits(Purpose.MARKETING, Channel.SMS, T0.plusSeconds(90)));
        assertTrue(c.permits(Purpose.MARKETING, Channel.EMAIL, T0.plusSeconds(90)));
        assertFalse(c.permits(Purpose.PARTNER_SHARING, Channel.EMAIL, T0.plusSeconds(90)));
    }
}
