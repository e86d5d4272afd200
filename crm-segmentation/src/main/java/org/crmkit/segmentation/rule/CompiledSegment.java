package org.crmkit.segmentation.rule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.core.customer.CustomerId;

/**
 * A segment ready to evaluate. {@link #includes(Subject)} honours the segment's {@link Targeting}: a customer
 * without consent for its purpose on its channel is left out, whatever the condition says.
 * {@link #includesIgnoringConsent(Subject)} is for analysis, where no one is contacted. Immutable and thread-safe.
 */
public final class CompiledSegment {
    private final Segment segment;
    private final Rule rule;
    private final Optional<Rule> consent;

    CompiledSegment(Segment segment, Rule rule) {
        this.segment = segment;
        this.rule = rule;
        this.consent = segment.targeting().map(t -> FactCatalog.standard()
                .compile(Facts.consent(t.purpose(), t.channel()).isTrue()));
    }

    /** {@return the segment's definition} */
    public Segment segment() {
        return segment;
    }

    /** {@return the compiled condition, without the consent check} */
    public Rule rule() {
        return rule;
    }

    /**
     * Tells whether a customer belongs and, for a targeted segment, may be contacted.
     *
     * @param subject the customer and instant
     * @return true when the condition holds and any targeting's consent is given
     */
    public boolean includes(Subject subject) {
        return rule.test(subject) && consent.map(c -> c.test(subject)).orElse(true);
    }

    /**
     * Tells whether a customer meets the condition, leaving consent aside; for analysis only.
     *
     * @param subject the customer and instant
     * @return true when the condition holds
     */
    public boolean includesIgnoringConsent(Subject subject) {
        return rule.test(subject);
    }

    /**
     * Explains the outcome of {@link #includes(Subject)}, the consent check shown as a condition of its own.
     *
     * @param subject the customer and instant
     * @return the explanation
     */
    public Explanation explain(Subject subject) {
        Explanation condition = rule.explain(subject);
        if (consent.isEmpty()) {
            return condition;
        }
        Explanation permitted = consent.get().explain(subject);
        return new Explanation("all of", condition.held() && permitted.held(), Optional.empty(),
                List.of(condition, permitted));
    }

    /**
     * Evaluates the segment over customers, all at one instant, and keeps the members.
     *
     * @param subjects the customers, each evaluated at {@code at}
     * @param at the instant the subjects were made for
     * @return the snapshot
     * @throws IllegalArgumentException when a subject was made for another instant
     */
    public MembershipSnapshot snapshot(Stream<Subject> subjects, Instant at) {
        Set<CustomerId> members = subjects.filter(s -> {
            if (!s.at().equals(at)) {
                throw new IllegalArgumentException("subject must be made for " + at + ": " + s.at());
            }
            return includes(s);
        }).map(s -> s.customer().id()).collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(CustomerId::value))));
        return new MembershipSnapshot(segment.name(), segment.version(), at, members);
    }

    /**
     * The segments a customer belongs to, by name: what a service-level {@code Selector} that names segments
     * needs to decide whether a standard applies to the customer's case or touchpoint.
     *
     * @param segments the segments
     * @param subject the customer and instant
     * @return the names of the segments that include the customer
     */
    public static Set<String> memberships(java.util.Collection<CompiledSegment> segments, Subject subject) {
        Set<String> out = new TreeSet<>();
        for (CompiledSegment s : segments) {
            if (s.includes(subject)) {
                out.add(s.segment().name());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return segment + ": " + rule;
    }
}
