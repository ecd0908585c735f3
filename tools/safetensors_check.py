#!/usr/bin/env python3
"""Checks Dendrite's safetensors files against the reference implementation.

  safetensors_check.py --read FILE    load FILE with safetensors.torch.load_file
  safetensors_check.py --write FILE   save a few tensors with safetensors.torch.save_file

Both may be given, more than once; one call pays for importing torch only once. Prints one JSON
object: {"read": [...], "written": [...]}, each file with its metadata and, per tensor, its name,
dtype, shape and the SHA-256 of its values as little-endian bytes, so that the Java side can
compare values exactly. Exits with 77 when torch or safetensors is missing, so that a test can
skip itself rather than fail.
"""

import argparse
import hashlib
import json
import sys

try:
    import numpy
    import torch
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file
except ImportError as e:  # the test reads exit code 77 as "skip"
    print(f"safetensors_check: {e}", file=sys.stderr)
    sys.exit(77)

DTYPES = {torch.float32: "F32", torch.float64: "F64"}


def describe(path, tensors):
    with safe_open(path, framework="pt") as f:
        metadata = f.metadata() or {}
    return {
        "path": path,
        "metadata": metadata,
        "tensors": [
            {
                "name": name,
                "dtype": DTYPES.get(t.dtype, str(t.dtype)),
                "shape": list(t.shape),
                "sha256": hashlib.sha256(little_endian_bytes(t)).hexdigest(),
            }
            for name, t in tensors.items()
        ],
    }


def little_endian_bytes(t):
    values = t.detach().cpu().contiguous().numpy()
    return numpy.ascontiguousarray(values, dtype=values.dtype.newbyteorder("<")).tobytes()


def sample():
    """Values that are exact in binary, so that the Java test can build the same ones."""
    return {
        "linear.weight": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8 - 0.5,
        "linear.bias": torch.tensor([0.5, -1.5, 2.25], dtype=torch.float32),
        "table": torch.arange(6, dtype=torch.float64).reshape(2, 3) / 3,
        "scale": torch.tensor(3.5, dtype=torch.float32),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--read", action="append", default=[], metavar="FILE")
    parser.add_argument("--write", action="append", default=[], metavar="FILE")
    args = parser.parse_args()
    result = {"read": [], "written": []}
    for path in args.read:
        result["read"].append(describe(path, load_file(path)))
    for path in args.write:
        tensors = sample()
        save_file(tensors, path, metadata={"format": "pt", "written.by": "safetensors_check.py"})
        result["written"].append(describe(path, tensors))
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
