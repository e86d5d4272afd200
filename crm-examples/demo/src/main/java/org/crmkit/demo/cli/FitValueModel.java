package org.crmkit.demo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmkit.core.CrmException;
import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.ParetoNbd;
import org.crmkit.segmentation.value.PurchaseModel;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;
import org.crmkit.segmentation.value.ValueScorer;

/**
 * Fits a customer-value model to a transaction file and prints the fit as JSON, optionally writing per-customer
 * scores as CSV. Usage:
 * <pre>
 * FitValueModel --input FILE --cutoff YYYY-MM-DD [--model bg-nbd|pareto-nbd] [--unit weeks|days]
 *               [--scores FILE.csv] [--horizon 52] [--steps 12] [--discount 0.01]
 * </pre>
 * The input is CSV (customer id, date, amount, with a header) or the CDNOW whitespace format. Scores are the
 * probability alive, the expected purchases over the horizon, and the lifetime value over the horizon cut into
 * {@code steps} periods discounted at {@code discount} each, with spend from a Gamma-Gamma fit.
 */
public final class FitValueModel {
    private FitValueModel() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments described above
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (IOException e) {
            System.err.println("cannot read or write: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Runs the command, printing to the given streams.
     *
     * @param args the arguments
     * @param out where the JSON goes
     * @param err where errors go
     * @return the exit code: 0 on success, 1 on bad input, 2 on bad usage
     * @throws IOException when a file cannot be read or written
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return usage(err, "unexpected argument " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !opts.containsKey("input") || !opts.containsKey("cutoff")) {
            return usage(err, "--input and --cutoff are required");
        }
        ChronoUnit unit = "days".equals(opts.getOrDefault("unit", "weeks")) ? ChronoUnit.DAYS : ChronoUnit.WEEKS;
        String modelName = opts.getOrDefault("model", "bg-nbd");
        try {
            List<RepeatSummary> data = RepeatSummary.of(TransactionFiles.read(Path.of(opts.get("input"))),
                    LocalDate.parse(opts.get("cutoff")), unit);
            ModelFit<? extends PurchaseModel> fit = switch (modelName) {
                case "bg-nbd" -> BgNbd.fit(data);
                case "pareto-nbd" -> ParetoNbd.fit(data);
                default -> null;
            };
            if (fit == null) {
                return usage(err, "unknown model " + modelName);
            }
            ModelFit<GammaGamma> spend = GammaGamma.fit(data);
            Map<String, Object> report = new LinkedHashMap<>();
            // Written as the interface so that the JSON names the model's type.
            report.put("model", CrmJson.mapper().readTree(
                    CrmJson.mapper().writerFor(PurchaseModel.class).writeValueAsString(fit.model())));
            report.put("logLikelihood", fit.logLikelihood());
            report.put("iterations", fit.iterations());
            report.put("converged", fit.converged());
            report.put("customers", data.size());
            report.put("unit", unit.name().toLowerCase(Locale.ROOT));
            report.put("spend", spend.model());
            out.println(CrmJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            if (opts.containsKey("scores")) {
                writeScores(Path.of(opts.get("scores")), data, fit.model(), spend.model(),
                        Double.parseDouble(opts.getOrDefault("horizon", "52")),
                        Integer.parseInt(opts.getOrDefault("steps", "12")),
                        Double.parseDouble(opts.getOrDefault("discount", "0.01")));
            }
            return 0;
        } catch (CrmException | java.time.format.DateTimeParseException | NumberFormatException e) {
            err.println("cannot fit: " + e.getMessage());
            return 1;
        }
    }

    private static void writeScores(Path file, List<RepeatSummary> data, PurchaseModel model, GammaGamma spend,
                                    double horizon, int steps, double discount) throws IOException {
        List<CustomerValue> scores = CustomerValue.withDeciles(
                ValueScorer.of(model, spend, horizon, steps, discount).scoreAll(data));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("customer_id,x,t_x,T,p_alive,expected_purchases,clv,clv_decile");
            for (int i = 0; i < data.size(); i++) {
                RepeatSummary s = data.get(i);
                CustomerValue v = scores.get(i);
                w.printf(Locale.ROOT, "%s,%d,%.4f,%.4f,%.6f,%.6f,%.2f,%d%n", s.customerId(), s.x(), s.tx(),
                        s.age(), v.probabilityAlive(), v.expectedPurchases(), v.lifetimeValue(),
                        v.lifetimeValueDecile());
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: FitValueModel --input FILE --cutoff YYYY-MM-DD [--model bg-nbd|pareto-nbd] "
                + "[--unit weeks|days] [--scores FILE.csv] [--horizon 52] [--steps 12] [--discount 0.01]");
        return 2;
    }
}
