package org.crmkit.examples.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void theWalkThroughTellsBothCases() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("kitchen told: no garlic for this guest -> yes"), out);
        assertTrue(out.contains("dining:food   avoids   garlic  (observed at steakhouse-los-angeles)"), out);
        assertTrue(out.contains("rental on day 364: no signature, no queue"), out);
        assertTrue(out.contains("rental on day 366: signature needed at the counter"), out);
        assertTrue(out.contains("card on file: PaymentInstrument[AMEX ****1005 exp 2029-03, token=****]"), out);
        assertTrue(out.contains("11 domain events were published"), out);
        assertTrue(out.contains("Card replacement         median 15 ->  2 days"), out);
        assertTrue(out.contains("4.29 USD a card, 17503200.00 USD for 4,080,000 cards a year"), out);
        assertTrue(out.contains("  national               1     2     3"), out);
        assertTrue(out.contains("  switcher               7     8     9"), out);
        assertTrue(out.contains("2 of 4 weekly shoppers get a list"), out);
        assertTrue(out.contains("the top 10% hold 80% of it"), out);
    }
}
