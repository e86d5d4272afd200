package org.crmkit.segmentation.value;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.InvalidDefinitionException;

/**
 * Reads transaction files for the value models: CSV with a header and the columns customer id, date, amount
 * (dates as {@code 2026-01-31} or {@code 20260131}), or the CDNOW whitespace format (sample file: master id,
 * sample id, {@code yyyymmdd}, CDs, dollars, where the sample id is used; master file: id, {@code yyyymmdd}, CDs,
 * dollars, with or without a header).
 */
public final class TransactionFiles {
    private TransactionFiles() {
    }

    /**
     * Reads a file, choosing the format by its content: commas mean CSV.
     *
     * @param file the file
     * @return the transactions, in file order
     * @throws IOException when the file cannot be read
     * @throws InvalidDefinitionException when a line cannot be read, naming the line
     */
    public static List<Transaction> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Transaction> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.contains(",") ? line.split("\\s*,\\s*") : line.split("\\s+");
            if (i == 0 && !Character.isDigit(f[f.length - 1].charAt(0))) {
                continue; // a header
            }
            try {
                out.add(switch (f.length) {
                    case 3 -> new Transaction(f[0], date(f[1]), new BigDecimal(f[2]));
                    case 4 -> new Transaction(f[0], date(f[1]), new BigDecimal(f[3]));
                    case 5 -> new Transaction(String.valueOf(Integer.parseInt(f[1])), date(f[2]), new BigDecimal(f[4]));
                    default -> throw new NumberFormatException("expected 3, 4 or 5 fields, found " + f.length);
                });
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new InvalidDefinitionException(file.getFileName() + ":" + (i + 1), e.getMessage(), null);
            }
        }
        return out;
    }

    private static LocalDate date(String text) {
        return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
    }
}
