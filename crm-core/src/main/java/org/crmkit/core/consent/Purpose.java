package org.crmkit.core.consent;

import org.crmkit.core.internal.Checks;

/**
 * What personal data is used for. Extensible: {@code Purpose.of("research")}. Immutable.
 *
 * @param code lower-case code
 */
public record Purpose(String code) {
    /** Marketing contact: offers, newsletters, shopping lists (C8). */
    public static final Purpose MARKETING = new Purpose("marketing");
    /** Building a profile from behaviour to personalise service or offers. */
    public static final Purpose PROFILING = new Purpose("profiling");
    /** Sharing data with partners such as manufacturers (C8). */
    public static final Purpose PARTNER_SHARING = new Purpose("partner-sharing");
    /** Follow-up contact after a hotline call (C11). */
    public static final Purpose FOLLOW_UP = new Purpose("follow-up");

    /** Validates the code. */
    public Purpose {
        code = Checks.code("purpose", code);
    }

    /**
     * Names a purpose.
     *
     * @param code lower-case code
     * @return the purpose
     */
    public static Purpose of(String code) {
        return new Purpose(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
