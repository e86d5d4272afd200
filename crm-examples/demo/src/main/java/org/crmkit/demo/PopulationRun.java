package org.crmkit.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Pages;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.fixtures.population.SyntheticCustomer;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.fixtures.population.Trait;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.segmentation.analysis.ValueRanking;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.GroupedSummaries;
import org.crmkit.segmentation.value.HoldoutCheck;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.Transaction;
import org.crmkit.segmentation.value.ValueScorer;

/**
 * The demo's population step: streams a synthetic population once, sizing segments, earning every member's
 * purchases in a loyalty program and totalling spend for the value ranking, then prints and charts the results.
 */
final class PopulationRun {
    /** The supermarket's program: a point per dollar, double on the store brand, tiers by qualifying points. */
    static final Program FRESH_CLUB = Program.builder("fresh-club", "Fresh club", Currency.getInstance("USD"))
            .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).qualifying(true).build(),
                    EarningRule.multiplier("store-brand", new BigDecimal("2")).brands(SyntheticPopulation.STORE)
                            .build())
            .tiers(Tier.base("member"), Tier.base("silver").withQualifyingPoints(1_000),
                    Tier.base("gold", "free-delivery").withQualifyingPoints(3_000))
            .build();
    /**
     * How many members earn through the in-memory ledger, which keeps every entry (ten a member a year): enough for
     * the tiers' shares, few enough for the default heap with a million customers.
     */
    private static final int LEDGER_MEMBERS = 100_000;

    private final PrintStream out;
    private final Report report;
    private final SyntheticPopulation population;

    PopulationRun(PrintStream out, Report report, SyntheticPopulation population) {
        this.out = out;
        this.report = report;
        this.population = population;
    }

    void run() {
        out.println();
        out.printf("== A synthetic population of %,d supermarket customers and a year of their purchases%n",
                population.size());
        FactCatalog catalog = FactCatalog.installed();
        Map<String, Rule> segments = new LinkedHashMap<>();
        Duration halfYear = Duration.ofDays(182);
        segments.put("pet owners", catalog.compile(Facts.tags().contains(SyntheticPopulation.PET_OWNER)));
        segments.put("young families", catalog.compile(Facts.tags().contains(SyntheticPopulation.YOUNG_FAMILY)));
        segments.put("over 25 USD a week", catalog.compile(Facts.weeklySpend(halfYear, "USD").atLeast(25)));
        segments.put("email marketing allowed", catalog.compile(
                Facts.consent(Purpose.MARKETING, Channel.EMAIL).isTrue()));
        segments.put("lapsed", catalog.compile(Facts.lifecycleStage().eq("lapsed")));
        segments.put("members over 25 USD a week", catalog.compile(Condition.all(
                Facts.tags().contains(SyntheticPopulation.MEMBER), Facts.weeklySpend(halfYear, "USD").atLeast(25))));
        Map<String, Long> sizes = new LinkedHashMap<>();
        segments.keySet().forEach(k -> sizes.put(k, 0L));

        Ledger ledger = Ledger.builder(FRESH_CLUB).clock(Clock.fixed(population.end(), ZoneOffset.UTC)).build();
        Map<CustomerId, BigDecimal> spend = new HashMap<>();
        ValueSample values = new ValueSample(LocalDate.ofInstant(population.end(), ZoneOffset.UTC));
        long[] purchases = {0};
        long[] members = {0};
        long step = Math.max(1, population.size() / 10);
        long[] done = {0};
        population.stream().forEach(c -> {
            Subject subject = Subject.of(c.customer(), c.touchpoints(), population.end());
            segments.forEach((name, rule) -> {
                if (rule.test(subject)) {
                    sizes.merge(name, 1L, Long::sum);
                }
            });
            spend.put(c.customer().id(), total(c));
            values.add(c);
            purchases[0] += c.touchpoints().size();
            if (c.member()) {
                members[0]++;
                if (members[0] <= LEDGER_MEMBERS) {
                    earn(ledger, c);
                }
            }
            if (++done[0] % step == 0) {
                out.printf("  %3d%%  %,d customers streamed, segmented and their purchases earned%n",
                        100 * done[0] / population.size(), done[0]);
            }
        });

        out.printf("  %,d purchases; %,d loyalty members%n", purchases[0], members[0]);
        List<String> names = new ArrayList<>(sizes.keySet());
        double[][] counts = new double[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            long n = sizes.get(names.get(i));
            counts[i] = new double[] {n};
            out.printf("  segment %-28s %,9d customers%n", names.get(i), n);
        }
        report.heading("A synthetic population of " + String.format("%,d", population.size()) + " customers");
        report.paragraph(String.format(Locale.US, "Seed %d, purchases in the year to %s: %,d; loyalty members: %,d.",
                population.seed(), Report.when(population.end()), purchases[0], members[0]));
        report.bars("Segment sizes", names, List.of("customers"), counts, "", "Each customer of the synthetic "
                + "population evaluated against every segment at the year's end, streamed, never all in memory.");

        Map<String, Long> tiers = new LinkedHashMap<>();
        FRESH_CLUB.tiers().forEach(t -> tiers.put(t.name(), 0L));
        Pages.stream(ledger.members()::findAll)
                .forEach(m -> tiers.merge(m.tier(), 1L, Long::sum));
        List<String> tierNames = new ArrayList<>(tiers.keySet());
        double[][] tierCounts = new double[tierNames.size()][];
        for (int i = 0; i < tierNames.size(); i++) {
            tierCounts[i] = new double[] {tiers.get(tierNames.get(i))};
            out.printf("  tier %-8s %,9d members%n", tierNames.get(i), tiers.get(tierNames.get(i)));
        }
        report.bars("Fresh club members by tier at year end", tierNames, List.of("members"), tierCounts, "",
                "Every purchase of the first " + Report.number(Math.min(members[0], LEDGER_MEMBERS))
                        + " members earned through the in-memory ledger; tiers follow the qualifying points.");

        ValueRanking ranking = ValueRanking.of(spend);
        BigDecimal top = ranking.topShare(10).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        out.printf(Locale.US, "  the top 10%% of customers bring %s%% of the year's %,d USD%n", top.toPlainString(),
                ranking.total().setScale(0, RoundingMode.HALF_UP).longValueExact());
        List<ValueRanking.CurvePoint> curve = ranking.paretoCurve(50);
        double[] xs = new double[curve.size()];
        double[] ys = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            xs[i] = curve.get(i).customerShare().doubleValue();
            ys[i] = curve.get(i).valueShare().doubleValue();
        }
        report.curve("Pareto curve of spend", xs, ys, "share of customers, best first", "share of spend",
                "The top 10% of customers bring " + top.toPlainString() + "% of the year's "
                        + Report.number(ranking.total().doubleValue()) + " USD; the dashed line is an even spread.");
        values.report(out, report);
    }

    /**
     * C8's "predict who will buy again, reward the most valuable" on the whole population: value models calibrated
     * on 39 weeks (BG/NBD from grouped summaries), checked against the last 13, and a year's lifetime value by decile.
     */
    private static final class ValueSample {
        private static final Currency USD = Currency.getInstance("USD");
        private static final int HOLDOUT_WEEKS = 13;

        private final LocalDate cutoff;
        private final LocalDate holdoutEnd;
        private final List<RepeatSummary> calibration = new ArrayList<>();
        private final ByteArrayOutputStream usage = new ByteArrayOutputStream();
        private final IntStream.Builder holdout = IntStream.builder();
        private int seen;

        ValueSample(LocalDate end) {
            holdoutEnd = end.minusDays(1);
            cutoff = holdoutEnd.minusWeeks(HOLDOUT_WEEKS);
        }

        void add(SyntheticCustomer c) {
            seen++;
            List<Transaction> transactions = Transaction.ofPurchases(c.touchpoints(), USD, ZoneOffset.UTC);
            List<RepeatSummary> summary = RepeatSummary.of(transactions, cutoff, ChronoUnit.WEEKS);
            if (!summary.isEmpty()) {
                calibration.add(summary.get(0));
                usage.write(c.usage().ordinal());
                holdout.add(HoldoutCheck.holdoutPurchases(transactions, cutoff, holdoutEnd)
                        .getOrDefault(c.customer().id(), 0));
            }
        }

        void report(PrintStream out, Report report) {
            ModelFit<BgNbd> fit = BgNbd.fit(GroupedSummaries.of(calibration));
            BgNbd model = fit.model();
            GammaGamma spend = GammaGamma.fit(calibration).model();
            out.printf(Locale.ROOT, "  value models on the %,d of all %,d customers who bought by %s:%n"
                    + "    BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f (log-likelihood %.1f, %s)%n"
                    + "    Gamma-Gamma p %.2f, q %.2f, gamma %.2f%n", calibration.size(), seen, cutoff, model.r(),
                    model.alpha(), model.a(), model.b(), fit.logLikelihood(),
                    fit.converged() ? "converged" : "not converged", spend.p(), spend.q(), spend.gamma());
            Trait.Usage[] kinds = Trait.Usage.values();
            double[][] perUsage = new double[kinds.length][2];
            int[] counts = new int[kinds.length];
            byte[] usages = usage.toByteArray();
            int[] made = holdout.build().toArray();
            for (int i = 0; i < calibration.size(); i++) {
                RepeatSummary s = calibration.get(i);
                int k = usages[i];
                perUsage[k][0] += model.expectedPurchases(HOLDOUT_WEEKS, s.x(), s.tx(), s.age());
                perUsage[k][1] += made[i];
                counts[k]++;
            }
            List<String> labels = new ArrayList<>();
            for (Trait.Usage kind : kinds) {
                int k = kind.ordinal();
                String label = kind.name().toLowerCase(Locale.ROOT);
                labels.add(label);
                perUsage[k][0] /= Math.max(1, counts[k]);
                perUsage[k][1] /= Math.max(1, counts[k]);
                out.printf(Locale.ROOT, "  %-6s users, next %d weeks: %.1f purchase days predicted, %.1f made%n",
                        label, HOLDOUT_WEEKS, perUsage[k][0], perUsage[k][1]);
            }
            report.bars("Purchase days per customer in the " + HOLDOUT_WEEKS + "-week holdout, by usage", labels,
                    List.of("predicted", "actual"), perUsage, "", "BG/NBD fitted on " + String.format(Locale.US,
                            "%,d", calibration.size()) + " customers up to " + cutoff + ", checked against what they "
                            + "bought in the " + HOLDOUT_WEEKS + " weeks after.");
            List<CustomerValue> scores = CustomerValue.withDeciles(
                    ValueScorer.of(model, spend, 52, 12, 0.01).scoreAll(calibration));
            double total = 0;
            double top = 0;
            long topCount = 0;
            for (CustomerValue v : scores) {
                total += v.lifetimeValue();
                if (v.lifetimeValueDecile() == 10) {
                    top += v.lifetimeValue();
                    topCount++;
                }
            }
            out.printf(Locale.ROOT, "  the %,d customers in the top lifetime-value decile are worth %.0f%% of the next"
                    + " year's %,.0f USD (1%% a month discount) and get the 30-40 USD coupons%n", topCount,
                    100 * top / total, total);
            double[][] byDecile = new double[10][1];
            for (CustomerValue v : scores) {
                byDecile[10 - v.lifetimeValueDecile()][0] += v.lifetimeValue();
            }
            List<String> deciles = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                deciles.add("decile " + (10 - d) + (d == 0 ? " (best)" : ""));
                byDecile[d][0] = Math.round(byDecile[d][0]);
            }
            report.bars("Next year's lifetime value, by decile of customers", deciles, List.of("USD"), byDecile,
                    " USD", String.format(Locale.US, "BG/NBD and Gamma-Gamma over 52 weeks, discounted 1%% a month:"
                            + " the %,d customers of the top decile are worth %.0f%% of %s USD and get the 30-40 USD"
                            + " coupons.", topCount, 100 * top / total, Report.number(total)));
        }
    }

    private static void earn(Ledger ledger, SyntheticCustomer c) {
        MemberNumber number = MemberNumber.of("FC-" + c.customer().id().value().toUpperCase(Locale.ROOT));
        ledger.enroll(number, c.customer().id());
        for (Touchpoint t : c.touchpoints()) {
            ledger.post(new Posting.Earn(number, t, null));
        }
    }

    private static BigDecimal total(SyntheticCustomer c) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Touchpoint t : c.touchpoints()) {
            for (LineItem l : t.lineItems()) {
                sum = sum.add(l.total().amount());
            }
        }
        return sum;
    }
}
