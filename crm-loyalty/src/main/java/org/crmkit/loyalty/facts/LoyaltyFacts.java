package org.crmkit.loyalty.facts;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.core.json.EnumNames;
import org.crmkit.loyalty.ledger.MemberStanding;
import org.crmkit.segmentation.rule.FactDefinition;
import org.crmkit.segmentation.rule.FactProvider;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.FactType;

/**
 * Loyalty facts for segment and eligibility rules, read from a {@link MemberStanding} attached to the subject
 * ({@code subject.with(MemberStanding.class, ledger.standing(number))}); the ledger attaches one itself when it
 * evaluates eligibility. A subject without a standing has none of these facts, so only {@code absent} holds.
 * Installed through {@code ServiceLoader}, so {@code FactCatalog.installed()} includes them.
 */
public final class LoyaltyFacts implements FactProvider {
    /** The member's tier code. */
    public static final String TIER = "loyalty.tier";
    /** The member's status: {@code active}, {@code suspended} or {@code closed}. */
    public static final String STATUS = "loyalty.status";
    /** The points balance. */
    public static final String BALANCE = "loyalty.balance";
    /** Qualifying points in the current qualification period. */
    public static final String QUALIFYING_POINTS = "loyalty.qualifyingPoints";

    /** Creates the provider. */
    public LoyaltyFacts() {
    }

    /** {@return a reference to the tier fact} */
    public static FactRef tier() {
        return FactRef.of(TIER);
    }

    /** {@return a reference to the status fact} */
    public static FactRef status() {
        return FactRef.of(STATUS);
    }

    /** {@return a reference to the balance fact} */
    public static FactRef balance() {
        return FactRef.of(BALANCE);
    }

    /** {@return a reference to the qualifying-points fact} */
    public static FactRef qualifyingPoints() {
        return FactRef.of(QUALIFYING_POINTS);
    }

    @Override
    public List<FactDefinition> facts() {
        return List.of(
                FactDefinition.simple(TIER, FactType.TEXT, "the member's tier code",
                        s -> s.attachment(MemberStanding.class).map(MemberStanding::tier).orElse(null)),
                FactDefinition.simple(STATUS, FactType.TEXT, "the member's status: active, suspended or closed",
                        s -> s.attachment(MemberStanding.class)
                                .map(m -> EnumNames.of(m.status())).orElse(null)),
                FactDefinition.simple(BALANCE, FactType.NUMBER, "the points balance",
                        s -> s.attachment(MemberStanding.class).map(m -> BigDecimal.valueOf(m.balance()))
                                .orElse(null)),
                FactDefinition.simple(QUALIFYING_POINTS, FactType.NUMBER,
                        "qualifying points in the current qualification period",
                        s -> s.attachment(MemberStanding.class)
                                .map(m -> BigDecimal.valueOf(m.qualification().qualifyingPoints())).orElse(null)));
    }
}
