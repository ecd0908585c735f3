#!/usr/bin/env python3
"""Times torch.matmul for the shapes of MatMulBenchmark, for comparison (float32, CPU).

Usage: /usr/bin/python3 bench/torch_matmul.py [threads ...]   (default: 1 2)
"""
import sys
import timeit

import torch

BATCH = 64
LAYERS = [(784, 256), (256, 128), (128, 10)]


def best_us(fn, min_time=0.2, repeats=5):
    number = 1
    while timeit.timeit(fn, number=number) < min_time / 10:
        number *= 2
    return min(timeit.repeat(fn, number=number, repeat=repeats)) / number * 1e6


def main(threads):
    torch.manual_seed(42)
    print(f"torch {torch.__version__}")
    print("| form | layer | threads | µs | GFLOP/s |")
    print("|---|---|---:|---:|---:|")
    for t in threads:
        torch.set_num_threads(t)
        for fin, fout in LAYERS:
            x = torch.rand(BATCH, fin) * 2 - 1
            w = torch.rand(fout, fin) * 2 - 1
            dy = torch.rand(BATCH, fout) * 2 - 1
            y = torch.empty(BATCH, fout)
            dx = torch.empty(BATCH, fin)
            dw = torch.empty(fout, fin)
            flops = 2.0 * BATCH * fin * fout
            forms = {
                "forward": lambda: torch.matmul(x, w.t(), out=y),
                "inputGradient": lambda: torch.matmul(dy, w, out=dx),
                "weightGradient": lambda: torch.matmul(dy.t(), x, out=dw),
            }
            for name, fn in forms.items():
                us = best_us(fn)
                print(f"| {name} | {fin}x{fout} | {t} | {us:.1f} | {flops / us / 1e3:.1f} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 2])
