#!/usr/bin/python3
"""uncertainty_numpy.py: the Monte Carlo of bench-uncertainty.c in numpy.

Usage: uncertainty_numpy.py DIR [--once]

Reads DIR/inputs.json and DIR/draws.bin written by
`bench-uncertainty --inputs DIR`, runs MODEL.md §5 vectorised over the
same draws (one array element per draw), prints the median time of 7 runs
(with --once: of one run after two to warm up, the time that passed and
the processor time, in ms, as `bench-uncertainty --once`;
build-aux/bench.sh interleaves the two) and
checks that its P50 of the government take (numpy's default quantile,
type 7, as cpl-uncertainty.c) equals ours within 1e-9 relative.
Exit status 0 when it does, 1 when not, 2 when numpy is missing.
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    print("uncertainty: numpy is missing (install python3-numpy); no ratio")
    sys.exit(2)


def run(inp, draws):
    n = draws.shape[0]
    v = {k: np.full(n, x) for k, x in inp["point"].items()}
    for i, key in enumerate(inp["ranged"]):
        v[key] = draws[:, i]
    chips = inp["chips"]
    F = np.array([c["tflops"] for c in chips])
    price = np.array([c["price"] for c in chips])
    tdp = np.array([c["tdp"] for c in chips])
    unit_cost = np.array([np.nan if c["unit_cost"] is None else c["unit_cost"] for c in chips])
    dom = inp["domestic"]
    s, pi = v["revenue_share"], v["price_pass_through"]
    a, beta = v["license_approval_rate"], v["price_sensitivity"]
    b, spill = v["domestic_preference"], v["capacity_spill"]
    L, e = v["amortization_years"], v["electricity_usd_per_kwh"]
    # §4: yearly energy cost tdp/1000 · 8760 · υ · PUE · e · (1 − σ), σ for the domestic chip only
    energy_rate = 8760 * v["utilization"] * v["pue"] * e
    p_hat = price[None, :] / (1 - pi * s)[:, None]
    cost = (p_hat / L[:, None] + tdp[None, :] / 1000 * energy_rate[:, None]) / (F[None, :] / 1000)
    offered = ~((1 - s)[:, None] * p_hat < unit_cost[None, :])
    log_w = np.where(offered, -beta[:, None] * np.log(cost), -np.inf)
    n_offered = offered.sum(axis=1)
    A_d = dom["price"] / L + dom["tdp"] / 1000 * energy_rate * (1 - v["domestic_power_subsidy"])
    gamma = -np.log2(1 - v["domestic_learning_rate"])
    Q0 = v["domestic_installed_pflops"]
    Q = Q0.copy()
    take = np.zeros(n)
    max_f = log_w.max(axis=1)
    w_f = np.exp(log_w - max_f[:, None])
    sum_f = w_f.sum(axis=1)
    for t in range(int(inp["point"]["years"])):
        C = v["demand_pflops"] * (1 + v["demand_growth"]) ** t
        K = v["domestic_capacity_pflops"] * (1 + v["domestic_capacity_growth"]) ** t
        F_d = dom["tflops"] * (Q / Q0) ** gamma
        c_d = A_d / (F_d / 1000)
        log_w_d = -beta * np.log(c_d) + b
        m = np.maximum(log_w_d, max_f)
        w = np.exp(log_w - m[:, None])
        w_d = np.exp(log_w_d - m)
        sum_w = w.sum(axis=1) + w_d
        D = C[:, None] * w / sum_w[:, None]
        X = a[:, None] * D
        R_d = C * w_d / sum_w + (1 - a) * D.sum(axis=1)
        I = np.minimum(R_d, K)
        O = R_d - I
        spilled = np.where(n_offered > 0, a * spill * O, 0)
        X = X + np.where(offered, spilled[:, None] * w_f / sum_f[:, None], 0)
        gross = (1000 * X / F[None, :] * p_hat).sum(axis=1)
        take += s * gross
        Q = Q + I
    return take


def main():
    folder = sys.argv[1]
    with open(folder + "/inputs.json") as f:
        inp = json.load(f)
    draws = np.fromfile(folder + "/draws.bin", dtype=np.float64).reshape(-1, len(inp["ranged"]))
    once = sys.argv[2:] == ["--once"]
    times = []
    for _ in range(3 if once else 7):
        start = time.perf_counter()
        cpu_start = time.process_time()
        take = run(inp, draws)
        p50 = np.quantile(take, 0.5)
        cpu = (time.process_time() - cpu_start) * 1000
        times.append((time.perf_counter() - start) * 1000)
    ours = inp["p50_take"]
    rel = abs(p50 - ours) / abs(ours)
    if once:
        print("%.3f %.3f" % (times[-1], cpu))
    else:
        median = sorted(times)[len(times) // 2]
        print("uncertainty: numpy %.2f ms (median of 7); P50 government take %.17g, %.1e relative to ours"
              % (median, p50, rel))
    if rel > 1e-9:
        print("uncertainty: numpy's P50 of the take %.17g is %.1e relative to ours, %.17g"
              % (p50, rel, ours), file=sys.stderr)
        sys.exit(1)


main()
