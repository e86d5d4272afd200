package org.crmkit.core.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;

class EffectivePreferencesProperties {
    private static final PreferenceKey FOOD = PreferenceKey.of("dining", "food");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Preference> preferences() {
        return Combinators.combine(
                Arbitraries.of(FOOD, PreferenceKey.of("dining", "seat")),
                Arbitraries.of("garlic", "onion", "window"),
                Arbitraries.of(Polarity.class),
                Arbitraries.of(PreferenceSource.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.longs().between(0, 5))
                .as((k, v, pol, src, conf, day) -> new Preference(k, AttributeValue.text(v), pol, src, conf,
                        T0.plusSeconds(day * 86_400), null, null));
    }

    @Property
    void resolutionDoesNotDependOnTheOrderRecordsArrive(@ForAll("list") List<Preference> recorded,
                                                         @ForAll Random random) {
        List<Preference> shuffled = new ArrayList<>(recorded);
        Collections.shuffle(shuffled, random);
        assertEquals(EffectivePreferences.resolve(recorded), EffectivePreferences.resolve(shuffled));
    }

    @Property
    void eachKeyAndValueHasOneWinnerThatNoOtherRecordSupersedes(@ForAll("list") List<Preference> recorded) {
        EffectivePreferences effective = EffectivePreferences.resolve(recorded);
        for (Preference winner : effective.all()) {
            assertTrue(recorded.contains(winner));
            for (Preference other : recorded) {
                if (other.isAboutSameAs(winner)) {
                    assertFalse(other.supersedes(winner), other + " should have won over " + winner);
                }
            }
        }
        long distinct = recorded.stream().map(p -> List.of(p.key(), p.value())).distinct().count();
        assertEquals(distinct, effective.all().size());
    }

    @Property
    void aStatedDislikeIsNeverOverriddenByAnInferredLike(@ForAll("list") List<Preference> others,
                                                         @ForAll("days") long statedDay, @ForAll("days") long likeDay) {
        Preference dislike = new Preference(FOOD, AttributeValue.text("garlic"), Polarity.DISLIKES,
                PreferenceSource.STATED, 0.5, T0.plusSeconds(statedDay * 86_400), null, null);
        Preference inferredLike = Preference.inferred(FOOD, "garlic", Polarity.LIKES, 1.0,
                T0.plusSeconds(likeDay * 86_400));
        List<Preference> all = new ArrayList<>(others);
        all.removeIf(p -> p.source() == PreferenceSource.STATED);
        all.add(dislike);
        all.add(inferredLike);
        assertEquals(Polarity.DISLIKES, EffectivePreferences.resolve(all)
                .find(FOOD, AttributeValue.text("garlic")).orElseThrow().polarity());
    }

    @Provide
    Arbitrary<List<Preference>> list() {
        return preferences().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Long> days() {
        return Arbitraries.longs().between(0, 400);
    }

    @Example
    void newerBeatsOlderWithinASource_andObservedBeatsInferred() {
        Preference oldStated = Preference.stated(FOOD, "garlic", Polarity.LIKES, T0);
        Preference newStated = Preference.stated(FOOD, "garlic", Polarity.AVOIDS, T0.plusSeconds(60));
        Preference observed = Preference.inferred(FOOD, "garlic", Polarity.LIKES, 0.9, T0.plusSeconds(120));
        EffectivePreferences e = EffectivePreferences.resolve(List.of(newStated, observed, oldStated));
        assertTrue(e.isAverseTo(FOOD, "garlic"));
        assertEquals(List.of(newStated), e.about(FOOD));
    }

    @Example
    void differentValuesOfOneKeyAllTakeEffect() {
        EffectivePreferences e = EffectivePreferences.resolve(List.of(
                Preference.stated(FOOD, "garlic", Polarity.AVOIDS, T0),
                Preference.stated(FOOD, "onion", Polarity.AVOIDS, T0)));
        assertEquals(2, e.about(FOOD).size());
    }

    @Example
    void confidenceOutsideTheUnitInterval_isRefusedWithTheValue() {
        assertEquals("confidence must be between 0 and 1: 1.7", assertThrows(RuleViolationException.class,
                () -> Preference.inferred(FOOD, "garlic", Polarity.LIKES, 1.7, T0)).getMessage());
        assertThrows(RuleViolationException.class,
                () -> Preference.inferred(FOOD, "garlic", Polarity.LIKES, Double.NaN, T0));
    }

    @Example
    void keyTextRoundTrips() {
        assertEquals(FOOD, PreferenceKey.parse(FOOD.toString()));
        assertThrows(RuleViolationException.class, () -> PreferenceKey.parse("dining"));
        assertThrows(RuleViolationException.class, () -> PreferenceKey.parse("Dining:Food"));
    }
}
