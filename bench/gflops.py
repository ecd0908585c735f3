#!/usr/bin/env python3
"""Turns JMH JSON results of MatMulBenchmark into a Markdown table with GFLOP/s.

Usage: gflops.py [LABEL=]result.json ...  (one column pair per file, e.g. one per JDK)
"""
import json
import sys

FORMS = {
    "forward": "forward y = x·Wᵀ (multiplyTransposedB)",
    "inputGradient": "input grad dx = dy·W (multiply)",
    "weightGradient": "weight grad dW = dyᵀ·x (multiplyTransposedA)",
}


def load(path):
    rows = {}
    for r in json.load(open(path)):
        p = r["params"]
        form = r["benchmark"].rsplit(".", 1)[1]
        fin, fout = (int(v) for v in p["layer"].split("x"))
        flops = 2.0 * int(p["batch"]) * fin * fout
        us = r["primaryMetric"]["score"]
        rows[(form, p["layer"], p["kernels"], int(p["threads"]))] = (us, flops / (us * 1e3))
    return rows


def main(args):
    labels = [a.split("=", 1)[0] if "=" in a else a for a in args]
    paths = [a.split("=", 1)[1] if "=" in a else a for a in args]
    results = [load(p) for p in paths]
    keys = sorted(set().union(*results), key=lambda k: (list(FORMS).index(k[0]),
                                                         -int(k[1].split("x")[0]), k[2], k[3]))
    header = "| form | layer (in x out) | kernels | threads |"
    rule = "|---|---|---|---:|"
    for label in labels:
        header += f" {label} µs | {label} GFLOP/s |"
        rule += "---:|---:|"
    print(header)
    print(rule)
    for k in keys:
        line = f"| {k[0]} | {k[1]} | {k[2]} | {k[3]} |"
        for r in results:
            us, g = r.get(k, (float("nan"), float("nan")))
            line += f" {us:.1f} | {g:.1f} |"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
