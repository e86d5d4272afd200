package org.crmkit.segmentation.value;

import java.util.Objects;

/**
 * A model fitted by maximum likelihood: the parameters, the log-likelihood they reach, how many evaluations the
 * optimiser used, and whether it met its convergence test. As JSON, write and read it with its full generic type
 * ({@code new TypeReference<ModelFit<BgNbd>>() {}}) so that the model's type is named. Immutable.
 *
 * @param model the fitted model
 * @param logLikelihood the total log-likelihood of the data at the parameters
 * @param iterations the optimiser's evaluations of the likelihood
 * @param converged whether the fit is at a maximum: the gradient of the mean log-likelihood per customer, in
 *     log-parameters, is below 1e-5 in every coordinate (judged at the point returned, whatever the optimiser
 *     reported)
 * @param <M> the model type
 */
public record ModelFit<M>(M model, double logLikelihood, int iterations, boolean converged) {
    /** Checks for nulls. */
    public ModelFit {
        Objects.requireNonNull(model, "model");
    }
}
