package org.crmkit.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void theWalkThroughTellsTheCasesAndWritesTheReport(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path file = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2_000, folder).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("kitchen told: no garlic for this guest -> yes"), out);
        assertTrue(out.contains("dining:food   avoids   garlic  (observed at steakhouse-los-angeles)"), out);
        assertTrue(out.contains("rental on day 364: no signature, no queue"), out);
        assertTrue(out.contains("rental on day 366: signature needed at the counter"), out);
        assertTrue(out.contains("card on file: PaymentInstrument[AMEX ****1005 exp 2029-03, token=****]"), out);
        assertTrue(out.contains("49 domain events were published"), out);
        // C1, C3 and C5 through ServiceLevels: recorded touchpoints and status changes to published events.
        assertTrue(out.contains("the car is now due at 18:19 UTC (running, 4 h 10 min left)"), out);
        assertTrue(out.contains("the scheduled landing passed, and it publishes nothing"), out);
        assertTrue(out.contains("\"Daniel Okafor\" on the board, 20 minutes before landing: met; car-ready warning at"
                + " 17:24 UTC; the item is released"), out);
        assertTrue(out.contains("19:03 UTC: the periodic check publishes waiting-guest step \"take-the-order\" at"
                + " 19:02 UTC"), out);
        assertTrue(out.contains("drinks on the table 9 minutes after seating: met"), out);
        assertTrue(out.contains("one card is delivered the next day (met); the other is not: the periodic check"
                + " publishes card-replacement warning at 08:23 UTC, card-replacement breached at 17:59 UTC"), out);
        assertTrue(out.contains("had the due time not moved with the flight, the same car would count as breached"),
                out);
        assertTrue(out.contains("c2-ride-back  exceeded the album she enjoyed"), out);
        assertTrue(out.contains("root cause: vapour lock"), out);
        assertTrue(out.contains("holds coupons worth 6.00 USD; at the till baby is redeemed, a second use refused"),
                out);
        assertTrue(out.contains("stays with any defect: 11.0% -> 0.8% (goal: under 1%)"), out);
        assertTrue(out.contains("40 of 120 business customers are steady"), out);
        assertTrue(out.contains("agent-3: asked") && out.contains("mean score 2.60 of 5"), out);
        // C3: the medians and what the improvement is worth.
        assertTrue(out.contains("Card replacement         median 15 ->  2 days"), out);
        assertTrue(out.contains("4.29 USD a card, 17,503,200.00 USD for 4,080,000 cards a year"), out);
        // C8: the nine cells.
        assertTrue(out.contains("  national               1     2     3"), out);
        assertTrue(out.contains("  store                  4     5     6"), out);
        assertTrue(out.contains("  switcher               7     8     9"), out);
        assertTrue(out.contains("2 of 4 weekly shoppers get a list"), out);
        // C4: the key account's work in three lanes.
        assertTrue(out.contains("Harbour Bank: account manager kam-lin"), out);
        assertTrue(out.contains("red    lane: leased line to the head office down (fault)"), out);
        // C10: three partial profiles found and merged into one.
        assertTrue(out.contains("maker-5501 and dealer-88231 share email"), out);
        assertTrue(out.contains("maker-5501, known to dealer-dms, maker-warranty, repair-shop"), out);
        // C10 at scale: the model finds more of one person's profiles than exact keys, and explains a doubt.
        assertTrue(out.contains("identity resolution of 9,232 dealer, maker and repair-shop profiles of 5,000 people"),
                out);
        assertTrue(out.contains("    exact email or phone: precision 0.98"), out);
        assertTrue(java.util.regex.Pattern.compile("with the car's identification number too: "
                + "precision (0\\.99\\d+|1\\.0000), recall 0\\.9[5-9]").matcher(out).find(), out);
        assertTrue(out.contains(": review, probability "), out);
        // C10: a wrong merge of two people undone from its record.
        assertTrue(java.util.regex.Pattern.compile("a clerk merged \\S+ \\(.+\\) into \\S+ \\(.+\\), "
                + "who are two people; undone from the merge record: \\S+ is back with its \\d+ contact "
                + "point\\(s\\) and 1 touchpoint")
                .matcher(out).find(), out);
        // C11: permission asked on the call, before any call back.
        assertTrue(out.contains("may we call back? no before the call, yes after"), out);
        // C12: the top 10%.
        assertTrue(out.contains("100 flyers, 135,000.00 USD margin in the year; the top 10% hold 80% of it"), out);
        // Dates read as dates, not raw instants.
        assertTrue(out.contains("Los Angeles, 6 Mar 2026, 19:00 UTC: Mei Lin gets a guest card."), out);
        for (String c : new String[] {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"}) {
            assertTrue(out.contains("== " + c + " "), "the walk tells " + c);
        }
        // C7: the refund takes the points back, what was spent is forgiven under the policy.
        assertTrue(out.contains("a 120.00 USD coat earns 120 points (the till sent it twice; it earned once)"), out);
        assertTrue(out.contains("20 points taken back, 100 already spent and forgiven (partial clawback); balance 0"),
                out);
        assertTrue(out.contains("the ledger told its listeners: TierChanged, PointsPosted, PointsRedeemed, "
                + "PointsReversed"), out);
        // The population: progress, and figures fixed by the seed.
        assertTrue(out.contains("100%  2,000 customers streamed"), out);
        Matcher top = Pattern.compile("the top 10% of customers bring (\\d+\\.\\d)% of").matcher(out);
        assertTrue(top.find(), out);
        double share = Double.parseDouble(top.group(1));
        assertTrue(share > 25 && share < 60, "heavy buyers dominate spend: " + share);

        // C8 value models on the population: fitted, checked against the holdout, ranked.
        assertTrue(out.contains("customers who bought by 2025-10-01:"), out);
        assertTrue(Pattern.compile("BG/NBD r [0-9.]+, alpha [0-9.]+, a [0-9.]+, b [0-9.]+ \\(log-likelihood "
                + "-[0-9.]+, converged\\)").matcher(out).find(), out);
        Matcher holdout = Pattern.compile("(\\w+) +users, next 13 weeks: ([0-9.]+) purchase days predicted, ([0-9.]+) "
                + "made").matcher(out);
        int usages = 0;
        while (holdout.find()) {
            usages++;
            double predicted = Double.parseDouble(holdout.group(2));
            double made = Double.parseDouble(holdout.group(3));
            assertTrue(Math.abs(predicted - made) <= 0.15 * made, holdout.group());
        }
        assertEquals(3, usages, out);
        assertTrue(out.contains("customers in the top lifetime-value decile are worth"), out);

        assertEquals(folder.resolve("report.html"), file);
        String html = Files.readString(file);
        assertEquals(18, count(html, "<svg"), "a chart for each of the twelve cases, C10's identity resolution beside "
                + "exact keys, and segments, tiers, the Pareto curve, the holdout by usage and lifetime value by decile");
        assertTrue(html.contains("Pairs of profiles of one person found among 5,000 people's records"), "C10 at scale");
        assertEquals(count(html, "<svg"), count(html, "<figcaption>"), "every chart has a caption");
        assertTrue(html.contains("Purchase days per customer in the 13-week holdout, by usage"));
        assertTrue(html.contains("Items with a defect"), "C6 is charted");
        assertTrue(html.contains("Median days per item"), "C3 charts the medians");
        assertTrue(html.contains("17,503,200 USD a year for 4,080,000 cards"), "C3's worth, readably");
        assertTrue(html.contains("national / high: 3"), "the nine cells are charted as a grid");
        assertTrue(html.contains("Next year&#39;s lifetime value, by decile") || html.contains(
                "Next year's lifetime value, by decile"), "lifetime value by decile");
        assertFalse(html.contains("T00:00:00Z"), "no raw instants");
        assertTrue(html.contains("Pareto curve of spend"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
