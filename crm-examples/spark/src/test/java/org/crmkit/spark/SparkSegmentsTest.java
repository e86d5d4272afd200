package org.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Facts;
import org.junit.jupiter.api.Test;

/** Writing the rule tables for Spark and running segments over them: the README's lines, and what is refused. */
class SparkSegmentsTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Customer customer(String id) {
        return Customer.builder().id(CustomerId.of(id)).kind(CustomerKind.PERSON).name(Name.person("Ada", "Byron"))
                .createdAt(AT.minus(Duration.ofDays(30))).build();
    }

    private static Touchpoint purchase(String id, String customer, String amount) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of(customer))
                .occurredAt(AT.minusSeconds(3_600)).channel(Channel.COUNTER).direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE).amount(Money.of(new BigDecimal(amount), "USD")).build();
    }

    /** The README's lines, on a local session. */
    @Test
    void theReadmeExampleSelectsTheBigSpenders() {
        List<Customer> customers = List.of(customer("c1"), customer("c2"));
        List<Touchpoint> touchpoints = List.of(purchase("t1", "c1", "80.00"), purchase("t2", "c2", "20.00"));
        FactCatalog catalog = FactCatalog.installed();
        Condition rule = Facts.spend(Duration.ofDays(90), "USD").atLeast(50);
        String directory = LocalSpark.temp("crm-tables");

        SparkSession spark = LocalSpark.session().newSession();
        RuleTables.write(spark, customers, touchpoints, directory);
        RuleTables.register(spark, directory);
        SparkSegments segments = SparkSegments.over(spark);
        List<String> ids = segments.customerIdsWhere(segments.pushdownFor(catalog).translate(rule, AT));

        assertEquals(List.of("c1"), ids);
    }

    @Test
    void aSessionThatMayRoundDecimalsIsRefusedNamingTheSetting() {
        SparkSession lossy = LocalSpark.session().newSession();
        lossy.conf().set(SparkSegments.PRECISION_LOSS, "true");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkSegments.over(lossy));
        assertTrue(e.getMessage().contains("spark.sql.decimalOperations.allowPrecisionLoss=false"), e::getMessage);
    }

    @Test
    void aNumberBeyondSparksDecimalsIsRefusedNamingTheRowAndNothingIsLeftBehind() {
        String directory = LocalSpark.temp("refused");
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> RuleTables.write(
                LocalSpark.session(), List.of(customer("c1")), List.of(purchase("t1", "c1", "12.50"),
                        purchase("t2", "c1", "1234567890123456789.5")), directory));
        assertTrue(e.getMessage().contains("touchpoint t2") && e.getMessage().contains("19 digits before the point"),
                e::getMessage);
        assertFalse(e.getMessage().contains("1234567890123456789"), "the number itself is not repeated");
        assertFalse(Files.exists(Path.of(directory)), "the customers' tables written before are removed");
    }

    @Test
    void anExistingDirectoryIsNeverWrittenInto() throws Exception {
        Path directory = Files.createDirectories(Path.of(LocalSpark.temp("taken")));
        Files.writeString(directory.resolve("keep.txt"), "kept");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleTables.write(
                LocalSpark.session(), List.of(customer("c1")), List.of(), directory.toString()));
        assertTrue(e.getMessage().contains("already exists"), e::getMessage);
        assertEquals("kept", Files.readString(directory.resolve("keep.txt")));
    }
}
