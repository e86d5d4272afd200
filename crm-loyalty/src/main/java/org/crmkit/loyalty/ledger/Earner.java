package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;
import org.jspecify.annotations.Nullable;

/** A program's earning rules with their eligibility compiled once. Thread-safe. */
final class Earner {
    /** Awards below this many points are shared per rule. */
    private static final int SHARED_POINTS = 256;

    private final Program program;
    private final EarningRule[] rules;
    private final @Nullable Rule[] eligibility;
    /**
     * Each rule's awards of a few points, made once: an entry keeps its awards, and sharing the common ones keeps
     * two objects fewer per earning on the heap. Filled as met; a race makes equal awards, either of which serves.
     */
    private final @Nullable Award[][] shared;

    Earner(Program program, FactCatalog catalog) {
        this.program = program;
        this.rules = program.earningRules().toArray(new EarningRule[0]);
        this.eligibility = new Rule[rules.length];
        this.shared = new Award[rules.length][SHARED_POINTS];
        for (int i = 0; i < rules.length; i++) {
            eligibility[i] = rules[i].eligibility().map(catalog::compile).orElse(null);
        }
    }

    /** What a touchpoint earns. */
    record Earning(long points, long qualifyingPoints, BigDecimal spend, int activities, List<Award> awards) {
    }

    /**
     * Applies the rules in order. Spend rules earn on the line items when the touchpoint has them, else on its
     * amount. A multiplier acts on the unrounded base points of the lines it matches (or of
     * the whole touchpoint when it filters no line); each rule's points are rounded, then cut to its cap.
     */
    Earning earn(Touchpoint tp, @Nullable Subject subject, String tier, Account account) {
        Money amount = tp.amount().map(m -> program.requireCurrency("touchpoint amount", m)).orElse(null);
        List<LineItem> lines = tp.lineItems();
        int n = lines.size();
        BigDecimal[] lineAmounts = new BigDecimal[n];
        BigDecimal[] lineBase = new BigDecimal[n];
        BigDecimal linesTotal = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            lineAmounts[i] = program.requireCurrency("line item price", lines.get(i).unitPrice()).amount()
                    .multiply(lines.get(i).quantity());
            lineBase[i] = BigDecimal.ZERO;
            linesTotal = linesTotal.add(lineAmounts[i]);
        }
        BigDecimal wholeBase = BigDecimal.ZERO;
        List<Award> awards = new ArrayList<>(2);
        boolean matched = false;
        long points = 0;
        long qualifying = 0;
        for (int r = 0; r < rules.length; r++) {
            EarningRule rule = rules[r];
            if (!applies(r, rule, tp, subject, tier)) {
                continue;
            }
            matched = true;
            BigDecimal raw;
            if (rule.basis() instanceof EarningRule.PerSpend s) {
                raw = BigDecimal.ZERO;
                if (n == 0) {
                    if (!rule.filtersLines() && amount != null && amount.amount().signum() > 0) {
                        raw = amount.amount().multiply(s.pointsPerUnit());
                        wholeBase = wholeBase.add(raw);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        LineItem line = lines.get(i);
                        if (rule.matchesLine(line.category(), line.brand()) && lineAmounts[i].signum() > 0) {
                            BigDecimal p = lineAmounts[i].multiply(s.pointsPerUnit());
                            lineBase[i] = lineBase[i].add(p);
                            raw = raw.add(p);
                        }
                    }
                }
            } else if (rule.basis() instanceof EarningRule.PerTouchpoint t) {
                raw = BigDecimal.valueOf(t.points());
                wholeBase = wholeBase.add(raw);
            } else {
                BigDecimal extra = ((EarningRule.Multiplier) rule.basis()).factor().subtract(BigDecimal.ONE);
                BigDecimal base = BigDecimal.ZERO;
                if (rule.filtersLines()) {
                    for (int i = 0; i < n; i++) {
                        if (rule.matchesLine(lines.get(i).category(), lines.get(i).brand())) {
                            base = base.add(lineBase[i]);
                        }
                    }
                } else {
                    base = wholeBase;
                    for (BigDecimal b : lineBase) {
                        base = base.add(b);
                    }
                }
                raw = base.multiply(extra);
            }
            long earned = raw.setScale(0, program.rounding()).longValueExact();
            if (rule.cap() > 0) {
                earned = Math.min(earned, Math.max(0, rule.cap() - account.earnedUnder(rule.id())));
            }
            if (earned > 0) {
                awards.add(award(r, earned));
                points += earned;
                if (rule.qualifying()) {
                    qualifying += earned;
                }
            }
        }
        BigDecimal paid = amount != null ? amount.amount() : linesTotal;
        BigDecimal spend = matched && paid.signum() > 0 ? paid : BigDecimal.ZERO;
        return new Earning(points, qualifying, spend, matched ? 1 : 0, List.copyOf(awards));
    }

    private Award award(int rule, long points) {
        if (points >= SHARED_POINTS) {
            return new Award(rules[rule].id(), points, rules[rule].qualifying());
        }
        Award a = shared[rule][(int) points];
        if (a == null) {
            a = new Award(rules[rule].id(), points, rules[rule].qualifying());
            shared[rule][(int) points] = a;
        }
        return a;
    }

    private boolean applies(int index, EarningRule rule, Touchpoint tp, @Nullable Subject subject, String tier) {
        if (!rule.kinds().isEmpty() && !rule.kinds().contains(tp.kind())) {
            return false;
        }
        if (!rule.tiers().isEmpty() && !rule.tiers().contains(tier)) {
            return false;
        }
        if (rule.validity().isPresent() && !rule.validity().get().contains(tp.occurredAt())) {
            return false;
        }
        Rule eligible = eligibility[index];
        if (eligible == null) {
            return true;
        }
        if (subject == null) {
            throw new RuleViolationException("subject must be given to earn: earning rule " + rule.id()
                    + " has an eligibility condition");
        }
        return eligible.test(subject);
    }
}
