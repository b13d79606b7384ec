#!/usr/bin/env python3
"""Writes the large datasets of issue #16, the same bytes on every run.

    gen-dataset.py --scale 16 OUT.json   10,000 chips, 1,000 scenarios, 50 rules (~7.7 MB)
    gen-dataset.py --scale 4 OUT.json    2,500 chips, 250 scenarios, 50 rules
    gen-dataset.py --scale 1 OUT.json    625 chips, 62 scenarios, 50 rules
    gen-dataset.py --rules-only OUT.json 50 rules and only 20 chips

Scale 1 is the base size: chips, scenarios, revenue cases and vendors grow
with the scale; the 50 rules do not (each "chip in" rule names 20 chips at
every scale), so what the app computes grows in proportion to the file.
Every file is self-contained (open it with --no-builtin, or over the
built-in dataset: its ids do not clash with the built-in ones) and valid
for the loader.  The random numbers come from random.Random(SEED).
"""
import argparse
import json
import random
import sys

SEED = 16
N_RULES = 50
BASE_CHIPS = 625          # × 16 = 10,000
BASE_SCENARIOS = 1000 / 16  # × 16 = 1,000
BASE_CASES = 6
BASE_VENDORS = 4

PRECISIONS = ["fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "fp4"]
METRICS = [("tpp", 1000, 30000), ("performance_density", 1.0, 12.0),
           ("interconnect_gbs", 100, 1800), ("bandwidth_gbs", 1000, 8000)]
LOREM = "Dense figures from the vendor's datasheet; the price is a channel estimate."
LOREM_ZH = "数据取自厂商规格表，均为稠密算力；价格为渠道估算，单位成本按芯片面积与HBM堆叠估算。"


def vendor(i, domestic):
    return {"id": f"bench-vendor-{i}",
            "name": {"en": f"Bench Vendor {i}", "zh_CN": f"测试厂商{i}"},
            "country": "CN" if domestic else "US"}


def chip(rng, i, vendor_id, domestic):
    bf16 = round(rng.uniform(50, 2500), 1)
    perf = {"bf16": bf16, "fp16": bf16, "fp8": round(bf16 * 2, 1), "int8": round(bf16 * 2, 1)}
    if rng.random() < 0.5:
        perf["fp32"] = round(bf16 / 16, 2)
        perf["tf32"] = round(bf16 / 2, 1)
    price = rng.randrange(3000, 45000, 100)
    entry = {
        "id": f"bench-chip-{i}",
        "name": f"BX-{i} {rng.choice(['SXM', 'PCIe', 'OAM', 'NVL'])}",
        "vendor": vendor_id,
        "released": f"{rng.randrange(2019, 2027)}-{rng.randrange(1, 13):02d}",
        "datacenter": True,
        "domestic": domestic,
        "memory_gb": rng.choice([32, 48, 64, 80, 96, 128, 141, 192, 288]),
        "bandwidth_tbs": round(rng.uniform(0.8, 8.0), 3),
        "interconnect_gbs": rng.choice([200, 400, 600, 900, 1800]),
        "tdp_w": rng.randrange(150, 1200, 10),
        "die_area_mm2": rng.randrange(300, 900),
        "process": rng.choice(["TSMC N7", "TSMC 4N", "SMIC N+2", "TSMC N5"]),
        "price_usd": price,
        "performance": perf,
        "sources": [f"https://example.org/datasheets/bx-{i}.pdf"],
        "notes": {"en": LOREM, "zh_CN": LOREM_ZH},
    }
    if rng.random() < 0.7:
        entry["unit_cost_usd"] = round(price * rng.uniform(0.15, 0.4))
    return entry


def rule(rng, i, chip_ids):
    effect = ["control", "licence", "share"][i % 3]
    entry = {"id": f"bench-rule-{i}",
             "name": {"en": f"Bench rule {i}", "zh_CN": f"测试规则{i}"},
             "effect": effect,
             "effective": f"{rng.randrange(2022, 2027)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
             "source": f"Bench register {i}"}
    if effect == "share":
        entry["share"] = round(rng.uniform(0.05, 0.35), 2)
    if i % 5 == 4:
        entry["match_any"] = [[{"metric": "chip", "op": "in", "value": rng.sample(chip_ids, 20)}]]
    else:
        clauses = []
        for _ in range(rng.randrange(1, 3)):
            clause = []
            for metric, low, high in rng.sample(METRICS, 2):
                value = round(rng.uniform(low, high), 2)
                clause.append({"metric": metric, "op": rng.choice([">=", "<"]), "value": value})
            clauses.append(clause)
        entry["match_any"] = clauses
    return entry


def scenario(rng, i, exported, domestic):
    years = rng.randrange(5, 11)
    return {
        "id": f"bench-scenario-{i}",
        "name": {"en": f"Bench scenario {i}", "zh_CN": f"测试情景{i}"},
        "start_year": 2026,
        "years": years,
        "allowed_chips": rng.sample(exported, rng.randrange(0, 6)),
        "domestic_chip": rng.choice(domestic),
        "revenue_share": round(rng.uniform(0, 0.4), 2),
        "price_pass_through": round(rng.uniform(0, 0.8), 2),
        "license_approval_rate": round(rng.uniform(0.3, 1), 2),
        "demand_pflops": rng.randrange(500000, 5000000, 1000),
        "demand_growth": round(rng.uniform(0.1, 0.5), 2),
        "domestic_capacity_pflops": rng.randrange(100000, 2000000, 1000),
        "domestic_capacity_growth": round(rng.uniform(0.1, 0.6), 2),
        "domestic_installed_pflops": rng.randrange(100000, 2000000, 1000),
        "domestic_learning_rate": round(rng.uniform(0.05, 0.25), 2),
        "price_sensitivity": round(rng.uniform(1, 3), 2),
        "domestic_preference": round(rng.uniform(0, 1), 2),
        "electricity_usd_per_kwh": round(rng.uniform(0.05, 0.12), 3),
        "domestic_power_subsidy": round(rng.uniform(0, 0.5), 2),
        "pue": round(rng.uniform(1.1, 1.6), 2),
        "utilization": round(rng.uniform(0.5, 0.9), 2),
        "amortization_years": rng.randrange(3, 7),
        "capacity_spill": round(rng.uniform(0, 1), 2),
        "notes": {"en": "Generated for the benchmarks.", "zh_CN": "为基准测试生成。"},
    }


def revenue_case(rng, i, chips):
    c = rng.choice(chips)
    return {"id": f"bench-case-{i}", "name": f"Bench case {i}", "vendor": c["vendor"],
            "chip": c["id"], "units": rng.randrange(10000, 2000000, 1000),
            "price_usd": c["price_usd"], "unit_cost_usd": round(c["price_usd"] * 0.25),
            "revenue_share": round(rng.uniform(0, 0.4), 2), "price_pass_through": 0.0,
            "license_approval_rate": 1.0, "compare_share": 0.15}


def dataset(n_chips, n_scenarios, n_cases, n_vendors):
    rng = random.Random(SEED)
    # a quarter of the vendors (at least one) are Chinese; their chips are domestic
    n_domestic_vendors = max(1, n_vendors // 4)
    vendors = [vendor(i, i < n_domestic_vendors) for i in range(n_vendors)]
    chips = []
    for i in range(n_chips):
        v = i % n_vendors
        chips.append(chip(rng, i, vendors[v]["id"], v < n_domestic_vendors))
    exported = [c["id"] for c in chips if not c["domestic"]]
    domestic = [c["id"] for c in chips if c["domestic"]]
    return {
        "format": "chip-policy-lab", "version": 1,
        "vendors": vendors,
        "chips": chips,
        "rules": [rule(rng, i, [c["id"] for c in chips]) for i in range(N_RULES)],
        "scenarios": [scenario(rng, i, exported, domestic) for i in range(n_scenarios)],
        "revenue_cases": [revenue_case(rng, i, chips) for i in range(n_cases)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--scale", type=int, help="1, 4, 16, …: multiples of the base size")
    group.add_argument("--rules-only", action="store_true", help="50 rules and only 20 chips")
    parser.add_argument("output", help="where to write the JSON ('-': stdout)")
    args = parser.parse_args()

    if args.rules_only:
        data = dataset(20, 5, 2, 4)
    else:
        if args.scale < 1:
            parser.error("--scale takes a whole number from 1")
        data = dataset(BASE_CHIPS * args.scale, int(BASE_SCENARIOS * args.scale),
                       BASE_CASES * args.scale, BASE_VENDORS * args.scale)
    text = json.dumps(data, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()
