#!/usr/bin/env bash
# crmkit's BG/NBD fits beside scipy's L-BFGS-B on the same grouped rows, in one run (BENCHMARKS.md, issue 20).
# Run from the repository root after building the benchmarks jar; needs python3 with numpy and scipy.
set -euo pipefail
jar=crm-examples/benchmarks/target/benchmarks.jar
rows=crm-examples/benchmarks/target/value-rows
java -cp "$jar" org.crmkit.benchmarks.ValueRows "$rows"
python3 crm-examples/benchmarks/scipy/bgnbd_fit.py --repeats "${REPEATS:-50}" "$rows/sample.csv" "$rows/cohort.csv"
java -jar "$jar" 'ValueModelBenchmark.fit' -prof gc "$@"
python3 crm-examples/benchmarks/scipy/bgnbd_fit.py --repeats "${REPEATS:-50}" "$rows/sample.csv" "$rows/cohort.csv"
