package org.crmkit.segmentation.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model fitted by maximum likelihood: the parameters, the log-likelihood they reach, how many evaluations the
 * optimiser used, and whether it met its convergence test. As JSON, write and read it with its full generic type
 * ({@code new TypeReference<ModelFit<BgNbd>>() {}}) so that the model's type is named. Immutable.
 *
 * @param model the fitted model
 * @param logLikelihood the total log-likelihood of the data at the parameters
 * @param iterations the optimiser's evaluations of the likelihood
 * @param converged whether the fit is at a maximum the data identifies: the gradient of the mean log-likelihood per
 *     customer, in log-parameters, is below 1e-5 in every coordinate, no parameter ran off towards 0 or infinity,
 *     and the observed information is positive definite (judged at the point returned, whatever the optimiser
 *     reported)
 * @param standardErrors each parameter's standard error, by name, from the observed information (the inverse of
 *     the negated Hessian of the log-likelihood at the estimate), as lifetimes' and CLVTools' summaries print
 *     them; empty exactly when the fit did not converge
 * @param covariance the estimates' covariance matrix, rows and columns in the order of the model's parameters
 *     (its record components: r, alpha, a, b for BG/NBD), whose diagonal holds the squared standard errors; for
 *     confidence bands on what the model predicts ({@link ValueBands}); empty when the standard errors are
 * @param <M> the model type
 */
public record ModelFit<M>(M model, double logLikelihood, int iterations, boolean converged,
                          Map<String, Double> standardErrors, List<List<Double>> covariance) {
    /**
     * Checks for nulls and a square covariance of the errors' size, and copies both in parameter order.
     *
     * @throws IllegalArgumentException when the covariance is not square or not of the errors' size
     */
    public ModelFit {
        Objects.requireNonNull(model, "model");
        standardErrors = standardErrors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(
                standardErrors));
        covariance = covariance == null ? List.of() : covariance.stream().map(List::copyOf).toList();
        for (List<Double> row : covariance) {
            if (row.size() != covariance.size()) {
                throw new IllegalArgumentException("covariance must be square: " + covariance);
            }
        }
        if (!covariance.isEmpty() && covariance.size() != standardErrors.size()) {
            throw new IllegalArgumentException("covariance must have a row per standard error: " + covariance.size()
                    + " rows, " + standardErrors.size() + " errors");
        }
    }

    /**
     * A fit with standard errors but no covariance.
     *
     * @param model the fitted model
     * @param logLikelihood the total log-likelihood at the parameters
     * @param iterations the optimiser's evaluations
     * @param converged whether the fit is at a maximum
     * @param standardErrors each parameter's standard error, by name
     */
    public ModelFit(M model, double logLikelihood, int iterations, boolean converged,
                    Map<String, Double> standardErrors) {
        this(model, logLikelihood, iterations, converged, standardErrors, List.of());
    }

    /**
     * A fit without standard errors.
     *
     * @param model the fitted model
     * @param logLikelihood the total log-likelihood at the parameters
     * @param iterations the optimiser's evaluations
     * @param converged whether the fit is at a maximum
     */
    public ModelFit(M model, double logLikelihood, int iterations, boolean converged) {
        this(model, logLikelihood, iterations, converged, Map.of(), List.of());
    }
}
