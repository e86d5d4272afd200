package org.crmkit.core.touchpoint;

import org.crmkit.core.internal.Checks;

/**
 * What an interaction was. Extensible: {@code TouchpointKind.of("flight")}. Immutable.
 *
 * @param code lower-case code
 */
public record TouchpointKind(String code) {
    /** A booking or reservation. */
    public static final TouchpointKind BOOKING = new TouchpointKind("booking");
    /** A purchase, with amount and line items. */
    public static final TouchpointKind PURCHASE = new TouchpointKind("purchase");
    /** Returning what was rented or bought (C1: the car at return). */
    public static final TouchpointKind RETURN = new TouchpointKind("return");
    /** Money given back; carries no reason (C7). */
    public static final TouchpointKind REFUND = new TouchpointKind("refund");
    /** A question. */
    public static final TouchpointKind INQUIRY = new TouchpointKind("inquiry");
    /** A complaint. */
    public static final TouchpointKind COMPLAINT = new TouchpointKind("complaint");
    /** A visit, by the customer or to them (C4). */
    public static final TouchpointKind VISIT = new TouchpointKind("visit");
    /** Feedback, solicited or not (C9, C11). */
    public static final TouchpointKind FEEDBACK = new TouchpointKind("feedback");
    /** Sending the customer elsewhere, or being sent by someone (C2b). */
    public static final TouchpointKind REFERRAL = new TouchpointKind("referral");

    /** Validates the code. */
    public TouchpointKind {
        code = Checks.code("touchpoint kind", code);
    }

    /**
     * Names a kind.
     *
     * @param code lower-case code
     * @return the kind
     */
    public static TouchpointKind of(String code) {
        return new TouchpointKind(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
