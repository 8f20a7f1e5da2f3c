#!/usr/bin/env python3
# Generates distributions_scipy.json: reference values of special functions and distributions
# computed once with scipy, for the pure-Swift implementations in Sources/Statistics/Distributions.
# Run: python3 generate_distributions.py   (needs scipy; values recorded with the version named in the file)
import json, scipy
from scipy import special, stats

out = {"generator": f"generate_distributions.py with scipy {scipy.__version__}", "cases": {}}
C = out["cases"]
C["logGamma"] = [[x, float(special.gammaln(x))] for x in [0.1, 0.5, 1, 1.5, 2, 3.7, 10, 57.5, 171.3, 1000.25]]
C["regularizedBeta"] = [[x, a, b, float(special.betainc(a, b, x))] for (x, a, b) in [
    (0.1, 0.5, 0.5), (0.5, 2, 3), (0.9, 7.5, 1.5), (0.2, 50, 60), (0.45, 50, 60), (0.999, 0.5, 200),
    (0.3, 1, 1), (0.01, 3, 0.7), (0.75, 113 / 2, 0.5), (0.6, 600, 400)]]
C["regularizedGammaP"] = [[a, x, float(special.gammainc(a, x))] for (a, x) in [
    (0.5, 0.1), (0.5, 4.0), (1, 1), (2.5, 3), (10, 5), (10, 20), (100, 90), (0.5, 30)]]
C["regularizedGammaQ"] = [[a, x, float(special.gammaincc(a, x))] for (a, x) in [
    (0.5, 0.1), (0.5, 4.0), (2.5, 3), (10, 20), (0.5, 30), (3, 40)]]
C["normalCdf"] = [[z, float(stats.norm.cdf(z))] for z in [-8, -5, -3.2, -1.96, -0.5, 0, 0.3, 1.644853627, 2.5, 6]]
C["normalQuantile"] = [[p, float(stats.norm.ppf(p))] for p in [1e-10, 0.001, 0.01, 0.025, 0.2, 0.5, 0.8, 0.975, 0.995, 1 - 1e-9]]
C["tTwoSidedP"] = [[t, df, float(2 * stats.t.sf(abs(t), df))] for (t, df) in [
    (2.11099945361, 15.2596745891), (2.16657742187, 3), (0.5, 1), (3.0, 2.5), (1.96, 1000), (10, 4), (0.1, 0.7)]]
C["tQuantile"] = [[p, df, float(stats.t.ppf(p, df))] for (p, df) in [
    (0.975, 15.2596745891), (0.975, 3), (0.975, 4), (0.025, 12.7446475981), (0.995, 1), (0.9, 2.5), (0.6, 250)]]
C["fSf"] = [[f, d1, d2, float(stats.f.sf(f, d1, d2))] for (f, d1, d2) in [
    (4.45631869316, 1, 15.2596745891), (4.69405772496, 1, 3), (8.704, 1, 4), (2.5, 3, 20.5), (0.3, 2, 7), (25, 1, 100), (1.0, 4, 4)]]
C["fQuantile"] = [[p, d1, d2, float(stats.f.ppf(p, d1, d2))] for (p, d1, d2) in [
    (0.95, 1, 15.2596745891), (0.95, 1, 3), (0.95, 2, 30), (0.5, 5, 5), (0.99, 1, 1.5)]]
C["chiSquaredSf"] = [[x, df, float(stats.chi2.sf(x, df))] for (x, df) in [
    (5.47595324248, 1), (0.321013472036, 1), (3.84145882069, 1), (10, 4), (100, 70)]]
C["chiSquaredQuantile"] = [[p, df, float(stats.chi2.ppf(p, df))] for (p, df) in [(0.95, 1), (0.95, 3), (0.5, 10), (0.999, 2)]]
C["wilson"] = [[k, n, *[float(v) for v in stats.binomtest(k, n).proportion_ci(0.95, method="wilson")]] for (k, n) in [
    (81, 263), (15, 148), (0, 20), (1, 29), (29, 29), (45, 69)]]
C["noncentralFSf"] = [[f, d1, d2, nc, float(stats.ncf.sf(f, d1, d2, nc))] for (f, d1, d2, nc) in [
    (3.99409465556, 1, 62.707279715, 8.20959703275), (5.1173550292, 1, 9, 10.0487163956), (4.0, 2, 20, 5.0)]]
json.dump(out, open("distributions_scipy.json", "w"), indent=1)
