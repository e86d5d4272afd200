package org.crmkit.core.service;

import org.crmkit.core.internal.Checks;

/**
 * What a case is about, such as {@code "vehicle-fault"} or {@code "billing-inquiry"}. Immutable.
 *
 * @param code lower-case code
 */
public record CaseCategory(String code) {
    /** Validates the code. */
    public CaseCategory {
        code = Checks.code("case category", code);
    }

    /**
     * Names a category.
     *
     * @param code lower-case code
     * @return the category
     */
    public static CaseCategory of(String code) {
        return new CaseCategory(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
