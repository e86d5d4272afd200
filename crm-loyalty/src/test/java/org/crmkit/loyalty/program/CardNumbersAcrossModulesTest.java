package org.crmkit.loyalty.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;

import org.crmkit.core.json.CrmJson;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Segment;
import org.junit.jupiter.api.Test;

/** Card numbers are refused in the codes and texts of crm-loyalty and crm-segmentation, and never echoed. */
class CardNumbersAcrossModulesTest {
    private static final List<String> CARDS = List.of("4111111111111111", "4111-1111-1111-1111", "5555555555554444");

    private static void refusedWithoutEcho(String card, Supplier<?> entryPoint) {
        RuntimeException e = assertThrows(RuntimeException.class, entryPoint::get);
        String digits = card.replaceAll("[^0-9]", "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.replaceAll("[^0-9]", "").contains(digits), "the card number is echoed: " + message);
        }
    }

    @Test
    void memberNumbersKeysProgramCodesAndSegmentsRefuseThem() {
        Condition any = Facts.tags().contains("vip");
        for (String card : CARDS) {
            refusedWithoutEcho(card, () -> MemberNumber.of(card));
            refusedWithoutEcho(card, () -> IdempotencyKey.of(card));
            refusedWithoutEcho(card, () -> Segment.of(card, "vips", any));
            refusedWithoutEcho(card, () -> Segment.of("vips", "call " + card, any));
            refusedWithoutEcho(card, () -> EarningRule.perTouchpoint(card.toLowerCase(),
                    org.crmkit.core.touchpoint.TouchpointKind.PURCHASE, 10).build());
            refusedWithoutEcho(card, () -> Program.builder(card, "Store", java.util.Currency.getInstance("USD"))
                    .tiers(Tier.base("member")).build());
        }
    }

    @Test
    void ruleDocumentsRefuseThemWithoutQuotingThem() {
        for (String card : CARDS) {
            refusedWithoutEcho(card, () -> CrmJson.read("{\"fact\": \"tags\", \"op\": \"contains\", \"value\": \""
                    + card + "\"}", Condition.class));
            refusedWithoutEcho(card, () -> CrmJson.read("{\"fact\": \"" + card + "\", \"op\": \"present\"}",
                    Condition.class));
        }
    }
}
