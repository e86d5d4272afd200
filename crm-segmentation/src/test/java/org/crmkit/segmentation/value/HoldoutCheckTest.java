package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HoldoutCheckTest {
    @Test
    @DisplayName("CDNOW, 39 weeks each way: BG/NBD predicts holdout purchases by frequency group closely")
    void cdnowHoldout() {
        Map<CustomerId, Integer> holdout = HoldoutCheck.holdoutPurchases(Cdnow.transactions(), Cdnow.CALIBRATION_END,
                LocalDate.of(1998, 6, 30));
        BgNbd model = BgNbd.fit(Cdnow.summaries()).model();
        List<HoldoutCheck.Group> groups = HoldoutCheck.byFrequency(model, Cdnow.summaries(), holdout, 39, 7);
        assertEquals(8, groups.size());
        assertEquals(2_357, groups.stream().mapToInt(HoldoutCheck.Group::customers).sum());
        double actualTotal = 0;
        double predictedTotal = 0;
        for (HoldoutCheck.Group g : groups) {
            actualTotal += g.actual() * g.customers();
            predictedTotal += g.predicted() * g.customers();
            assertTrue(Math.abs(g.predicted() - g.actual()) < 0.35 * Math.max(1, g.actual()),
                    "group " + g.repeatPurchases() + ": predicted " + g.predicted() + ", actual " + g.actual());
        }
        assertEquals(1.0, predictedTotal / actualTotal, 0.15, "holdout purchases, predicted over actual: "
                + predictedTotal + " / " + actualTotal);
        assertTrue(groups.get(0).predicted() < groups.get(7).predicted(), "heavier buyers are expected to buy more");
    }

    @Test
    @DisplayName("CDNOW tracking, 78 weeks: expected cumulative repeat purchases follow the actual ones")
    void cdnowTracking() {
        BgNbd model = BgNbd.fit(Cdnow.summaries()).model();
        List<HoldoutCheck.TrackingPoint> series = HoldoutCheck.tracking(model, Cdnow.transactions(),
                LocalDate.of(1997, 1, 1), 7, 78);
        assertEquals(78, series.size());
        HoldoutCheck.TrackingPoint week39 = series.get(38);
        HoldoutCheck.TrackingPoint week78 = series.get(77);
        for (int i = 1; i < series.size(); i++) {
            assertTrue(series.get(i).actual() >= series.get(i - 1).actual());
            assertTrue(series.get(i).expected() >= series.get(i - 1).expected());
        }
        assertEquals(1.0, week39.expected() / week39.actual(), 0.05, "calibration: " + week39);
        assertEquals(1.0, week78.expected() / week78.actual(), 0.10, "end of holdout: " + week78);
    }
}
