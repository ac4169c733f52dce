#!/usr/bin/python3
"""Prints the reference values drift_tests_test.cpp holds as literals: scipy 1.10 (Debian 12's
python3-scipy) on the small samples below, which the test spells out the same way.

usage: /usr/bin/python3 tests/monitor/scipy_values.py
"""
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.stats.contingency import association

# Two small samples (also in drift_tests_test.cpp).
A = [0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64,
     0.48, -0.14, 0.02, -0.98, 0.33, 1.12, -0.27, 0.85, -0.41, 0.17]
B = [1.05, 0.72, 1.91, 0.33, 1.48, 0.95, 2.21, 0.11, 1.37, 0.64,
     1.83, 0.29, 1.16, 0.88, 2.05, 0.47, 1.62, 0.79, 1.24, 0.56,
     -0.12, 1.71, 0.93, 1.39, 0.68]


def bh(p):
    """Benjamini-Hochberg adjusted p-values, by hand (statsmodels is not installed)."""
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p)
    adjusted = np.empty(m)
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        adjusted[i] = running
    return adjusted


def main():
    np.set_printoptions(precision=17)
    ks = stats.ks_2samp(A, B, method="asymp")
    ks_exact = stats.ks_2samp(A, B, method="exact")
    print("ks D", repr(ks.statistic), "p asymp", repr(ks.pvalue), "p exact", repr(ks_exact.pvalue))
    # A larger pair, where the asymptotic p-value is what scipy itself uses.
    rng = np.random.default_rng(7)
    print("wasserstein", repr(stats.wasserstein_distance(A, B)))
    print("sd(A) ddof=1", repr(np.std(A, ddof=1)))
    print("iqr(A) linear", repr(np.percentile(A, 75) - np.percentile(A, 25)))
    print("wasserstein / sd", repr(stats.wasserstein_distance(A, B) / np.std(A, ddof=1)))

    table = np.array([[30, 10, 5], [20, 25, 10]])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    print("chi2", repr(chi2), "p", repr(p), "dof", dof,
          "cramer", repr(association(table, method="cramer", correction=False)))
    table2 = np.array([[40, 10], [30, 20]])
    chi2, p, dof, _ = stats.chi2_contingency(table2, correction=False)
    print("chi2 2x2", repr(chi2), "p", repr(p), "dof", dof,
          "cramer", repr(association(table2, method="cramer", correction=False)))

    for x, k in [(3.84, 1), (0.5, 10), (1100.0, 1000), (25.0, 3), (1e-3, 2), (250.0, 200)]:
        print("chi2.sf", x, k, repr(stats.chi2.sf(x, k)))

    p = [0.5, 0.3, 0.2, 0.1]
    q = [0.25, 0.25, 0.25, 0.25]
    print("js", repr(jensenshannon(p, q, base=2)))
    print("js disjoint", repr(jensenshannon([1, 0], [0, 1], base=2)))
    print("js counts", repr(jensenshannon([30, 10, 5], [20, 25, 10], base=2)))

    pv = [0.01, 0.04, 0.03, 0.005, 0.2, 0.9]
    print("bh", repr(list(bh(pv))))


if __name__ == "__main__":
    main()
