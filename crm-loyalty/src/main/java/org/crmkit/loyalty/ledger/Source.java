package org.crmkit.loyalty.ledger;

import java.util.Objects;

import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * Where a ledger entry came from. Immutable.
 *
 * @param kind what kind of source
 * @param reference its id: a touchpoint id, a promotion code, an agent's staff id, a job name
 */
public record Source(Kind kind, String reference) {
    /** Validates the source. */
    public Source {
        Objects.requireNonNull(kind, "kind");
        reference = Checks.text("source reference", reference, 200);
    }

    /** {@return a touchpoint source} @param id the touchpoint id */
    public static Source touchpoint(String id) {
        return new Source(Kind.TOUCHPOINT, id);
    }

    /** {@return a promotion source} @param code the promotion's code */
    public static Source promotion(String code) {
        return new Source(Kind.PROMOTION, code);
    }

    /** {@return an agent source} @param staffId who */
    public static Source agent(String staffId) {
        return new Source(Kind.AGENT, staffId);
    }

    /** {@return the other member of a transfer} @param number its member number */
    public static Source member(MemberNumber number) {
        return new Source(Kind.MEMBER, number.value());
    }

    /** {@return a system source} @param job which job or run */
    public static Source system(String job) {
        return new Source(Kind.SYSTEM, job);
    }

    /** Kinds of source. */
    public enum Kind {
        /** A touchpoint: a purchase, a flight, a refund. */
        TOUCHPOINT,
        /** A promotion or partner campaign. */
        PROMOTION,
        /** A person acting for the business. */
        AGENT,
        /** A scheduled run: expiry, release of pending points. */
        SYSTEM,
        /** The other member of a transfer. */
        MEMBER
    }
}
