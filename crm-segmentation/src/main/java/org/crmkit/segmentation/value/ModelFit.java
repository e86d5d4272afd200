package org.crmkit.segmentation.value;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param <M> the model type
 */
public record ModelFit<M>(M model, double logLikelihood, int iterations, boolean converged,
                          Map<String, Double> standardErrors) {
    /** Checks for nulls and copies the errors in parameter order. */
    public ModelFit {
        Objects.requireNonNull(model, "model");
        standardErrors = standardErrors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(
                standardErrors));
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
        this(model, logLikelihood, iterations, converged, Map.of());
    }
}
