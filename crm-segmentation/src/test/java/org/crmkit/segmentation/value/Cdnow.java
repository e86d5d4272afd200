package org.crmkit.segmentation.value;

import org.crmkit.core.customer.CustomerId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW sample of the 2005 BG/NBD paper, from the test resources. */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static List<RepeatSummary> summaries;

    private Cdnow() {
    }

    static List<String[]> rows(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Cdnow.class.getResourceAsStream("/cdnow/" + resource), StandardCharsets.US_ASCII))) {
            List<String[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.strip().split(resource.endsWith(".csv") ? "," : "\\s+"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's transactions, by sample id (the ID of the summary files). */
    static List<Transaction> transactions() {
        List<Transaction> out = new ArrayList<>();
        for (String[] r : rows("CDNOW_sample.txt")) {
            out.add(new Transaction(CustomerId.of(String.valueOf(Integer.parseInt(r[1]))),
                    LocalDate.parse(r[2], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(r[4])));
        }
        return out;
    }

    static synchronized List<RepeatSummary> summaries() {
        if (summaries == null) {
            summaries = RepeatSummary.of(transactions(), CALIBRATION_END, ChronoUnit.WEEKS);
        }
        return summaries;
    }
}
