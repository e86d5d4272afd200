#!/usr/bin/env python3
"""The baseline for crmkit's BG/NBD fit: scipy's L-BFGS-B with the analytic gradient, on grouped rows.

Reads CSV files of grouped summaries (header x,tx,T,count) and, for each, fits BG/NBD by maximising the mean
log-likelihood per customer over the logarithms of (r, alpha, a, b) from (1, 1, 1, 1), as crmkit does. Prints one
JSON object per file: the estimates, the total log-likelihood, scipy's iteration and evaluation counts, and the CPU
time of one fit (the median of --repeats fits, by time.process_time).

The likelihood is written here from Fader, Hardie and Lee (2005), equation 6, independently of crmkit's code, so
the same file also serves as the reference computation crmkit's fits are checked against.

    python3 bgnbd_fit.py --repeats 50 target/value-rows/sample.csv target/value-rows/cohort.csv
"""
import argparse
import csv
import json
import statistics
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import digamma, gammaln


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return (np.array([int(r["x"]) for r in rows], dtype=float),
            np.array([float(r["tx"]) for r in rows]),
            np.array([float(r["T"]) for r in rows]),
            np.array([float(r["count"]) for r in rows]))


def negated_mean(logp, x, tx, T, n, total):
    r, alpha, a, b = np.exp(logp)
    head = (gammaln(r + x) - gammaln(r) + r * np.log(alpha)
            + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x))
    l3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    l4 = np.where(repeat, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    ll = head + np.logaddexp(l3, l4)
    w4 = np.where(repeat, np.exp(l4 - np.logaddexp(l3, l4)), 0.0)
    w3 = 1 - w4
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * np.log(alpha + T) - w4 * np.log(alpha + tx)
    d_alpha = r / alpha - w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + tx)
    d_a = digamma(a + b) - digamma(a + b + x) + w4 / a
    d_b = (digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x)
           - np.where(repeat, w4 / np.maximum(b + x - 1, 1e-300), 0.0))
    grad = np.array([np.dot(n, d_r) * r, np.dot(n, d_alpha) * alpha, np.dot(n, d_a) * a, np.dot(n, d_b) * b])
    return -np.dot(n, ll) / total, -grad / total


def fit(x, tx, T, n, gtol):
    total = n.sum()
    return minimize(negated_mean, np.zeros(4), args=(x, tx, T, n, total), jac=True, method="L-BFGS-B",
                    options={"gtol": gtol, "ftol": 1e-15, "maxiter": 1000})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--gtol", type=float, default=1e-7)
    args = parser.parse_args()
    for path in args.files:
        x, tx, T, n = read(path)
        times = []
        for _ in range(args.repeats):
            start = time.process_time()
            result = fit(x, tx, T, n, args.gtol)
            times.append(time.process_time() - start)
        r, alpha, a, b = np.exp(result.x)
        print(json.dumps({"file": path, "customers": int(n.sum()), "rows": len(n),
                          "r": r, "alpha": alpha, "a": a, "b": b,
                          "logLikelihood": -result.fun * n.sum(), "converged": bool(result.success),
                          "largestGradient": float(np.max(np.abs(result.jac))),
                          "iterations": int(result.nit), "evaluations": int(result.nfev),
                          "cpuMillisPerFit": 1000 * statistics.median(times)}))


if __name__ == "__main__":
    main()
