package org.crmkit.loyalty.program;

import org.crmkit.loyalty.internal.Checks;

/**
 * One item of a program's redemption catalogue. Immutable.
 *
 * @param code the reward's code, such as {@code upgrade-one-class}
 * @param description what the member gets
 * @param cost points it costs, positive
 */
public record Reward(String code, String description, long cost) {
    /** Validates the reward. */
    public Reward {
        code = Checks.code("reward code", code);
        description = Checks.text("reward description", description, 200);
        Checks.positive("reward " + code + " cost", cost);
    }
}
