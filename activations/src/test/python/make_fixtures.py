"""Writes PyTorch's values and gradients of every activation, for TorchAgreementTests.

For each activation (and parameter variant) it records, in float64 and in float32, the output
f(z) and the gradient z.grad after f(z).backward(g) for a fixed random upstream gradient g, at
fixed inputs (±1000, ±50, ±1e-7, 0, ±1, the kinks) and forty standard-normal values; softmax and
log_softmax get rows of logits instead, with rows of ±1e4 among them. It also records
torch.special.erfc in float64, which the exact GELU is built on.

Run from the repository root (PyTorch 2, CPU):

    /work/venv/bin/python activations/src/test/python/make_fixtures.py

It writes activations/src/test/resources/torch/activations.json; commit it with the script.
"""

import json
import math
import pathlib
import re

import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "torch" / "activations.json"

FIXED = [
    -1000.0, -50.0, -20.0, -6.0, -3.0, -2.5, -2.0, -1.0, -0.5, -1e-7, -0.0, 0.0,
    1e-7, 0.5, 1.0, 2.5, 3.0, 6.0, 7.0, 10.0, 20.0, 21.0, 50.0, 1000.0,
]

# (id, parameters as in YAML, the PyTorch function, "elementwise" or "rows")
CASES = [
    ("identity", {}, lambda x: x, "elementwise"),
    ("sigmoid", {}, torch.sigmoid, "elementwise"),
    ("tanh", {}, torch.tanh, "elementwise"),
    ("relu", {}, F.relu, "elementwise"),
    ("leaky_relu", {}, F.leaky_relu, "elementwise"),
    ("leaky_relu", {"negative_slope": 0.2}, lambda x: F.leaky_relu(x, 0.2), "elementwise"),
    ("elu", {}, F.elu, "elementwise"),
    ("elu", {"alpha": 0.5}, lambda x: F.elu(x, alpha=0.5), "elementwise"),
    ("selu", {}, F.selu, "elementwise"),
    ("gelu", {}, F.gelu, "elementwise"),
    ("gelu", {"approximate": "tanh"}, lambda x: F.gelu(x, approximate="tanh"), "elementwise"),
    ("silu", {}, F.silu, "elementwise"),
    ("mish", {}, F.mish, "elementwise"),
    ("softplus", {}, F.softplus, "elementwise"),
    ("softplus", {"beta": 2.0}, lambda x: F.softplus(x, beta=2.0), "elementwise"),
    ("softplus", {"beta": 0.5, "threshold": 5.0},
     lambda x: F.softplus(x, beta=0.5, threshold=5.0), "elementwise"),
    ("softsign", {}, F.softsign, "elementwise"),
    ("hard_sigmoid", {}, F.hardsigmoid, "elementwise"),
    ("hard_tanh", {}, F.hardtanh, "elementwise"),
    ("hard_tanh", {"min_val": -2.0, "max_val": 0.5},
     lambda x: F.hardtanh(x, min_val=-2.0, max_val=0.5), "elementwise"),
    ("relu6", {}, F.relu6, "elementwise"),
    ("celu", {}, F.celu, "elementwise"),
    ("celu", {"alpha": 2.0}, lambda x: F.celu(x, alpha=2.0), "elementwise"),
    ("softmax", {}, lambda x: torch.softmax(x, dim=1), "rows"),
    ("log_softmax", {}, lambda x: F.log_softmax(x, dim=1), "rows"),
]


def elementwise_inputs():
    gen = torch.Generator().manual_seed(0)
    values = FIXED + torch.randn(40, generator=gen, dtype=torch.float64).tolist()
    return [values]


def row_inputs():
    gen = torch.Generator().manual_seed(1)
    big = 1e4
    return [
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        torch.randn(7, generator=gen, dtype=torch.float64).tolist(),
        torch.randn(7, generator=gen, dtype=torch.float64).tolist(),
        (3 * torch.randn(7, generator=gen, dtype=torch.float64)).tolist(),
        [big, -big, 0.0, big, 5.0, -big, 1.0],
        [big] * 7,
        [-big] * 7,
        [-big] * 6 + [big],
        [0.0] * 7,
    ]


def upstream(rows, cols, seed):
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(rows, cols, generator=gen, dtype=torch.float64).tolist()


def run(fn, values, grad, dtype):
    z = torch.tensor(values, dtype=dtype, requires_grad=True)
    a = fn(z)
    a.backward(torch.tensor(grad, dtype=dtype))
    out = {"output": flat(a.detach()), "grad_input": flat(z.grad)}
    for name, xs in out.items():
        if not all(math.isfinite(v) for v in xs):
            raise ValueError(f"PyTorch gave a non-finite {name} in {dtype}")
    return out


def flat(t):
    return t.reshape(-1).tolist()


def erfc_reference():
    xs = torch.linspace(-7.0, 30.0, 371, dtype=torch.float64).tolist()
    # the ends of fdlibm's intervals, and either side of them
    for edge in [2.0**-56, 0.25, 0.84375, 1.25, 1 / 0.35, 6.0, 28.0]:
        for x in [edge, math.nextafter(edge, 0.0), math.nextafter(edge, math.inf)]:
            xs += [x, -x]
    xs += [1e-300, 1e-20, 1e-10, -1e-10, 1000.0, -1000.0]
    t = torch.tensor(xs, dtype=torch.float64)
    return {"x": xs, "erfc": torch.special.erfc(t).tolist()}


def main():
    torch.set_num_threads(1)
    cases = []
    for index, (activation, params, fn, shape) in enumerate(CASES):
        values = elementwise_inputs() if shape == "elementwise" else row_inputs()
        rows, cols = len(values), len(values[0])
        grad = upstream(rows, cols, 100 + index)
        cases.append({
            "id": activation,
            "params": params,
            "rows": rows,
            "cols": cols,
            "input": [v for row in values for v in row],
            "grad_output": [v for row in grad for v in row],
            "float64": run(fn, values, grad, torch.float64),
            "float32": run(fn, values, grad, torch.float32),
        })
    document = {
        "generator": "activations/src/test/python/make_fixtures.py",
        "torch": torch.__version__,
        "cases": cases,
        "erfc": erfc_reference(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=1)
    # one line per list of numbers keeps the file short and its diffs readable
    text = re.sub(
        r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text
    )
    OUT.write_text(text + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
