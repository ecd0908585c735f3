"""Reference values from PyTorch for the layers' tests.

Writes dense.json, batch_norm.json and layer_norm.json into ../resources/fixtures/: inputs,
parameters and output gradients fixed by a seeded generator, and what PyTorch computes from them
(outputs, input and parameter gradients, running statistics), once in float64 and once in float32
from the same values rounded. The tests read these committed files, so they never need Python.

Run from anywhere (PyTorch and numpy installed):

    /work/venv/bin/python layers/src/test/python/make_fixtures.py
"""

import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "fixtures"


def plain(t):
    """A tensor as nested lists of Python floats (exact for float32 values too)."""
    return t.detach().to(torch.float64).tolist()


def draws(seed):
    """Float64 standard-normal tensors from a generator of their own."""
    g = torch.Generator().manual_seed(seed)
    return lambda *shape: torch.randn(*shape, generator=g, dtype=torch.float64)


def dense(dtype, base):
    x = base["input"].detach().clone().to(dtype).requires_grad_()
    linear = torch.nn.Linear(x.shape[1], base["weight"].shape[0], dtype=dtype)
    with torch.no_grad():
        linear.weight.copy_(base["weight"])
        linear.bias.copy_(base["bias"])
    y = linear(x)
    g = base["grad_output"].to(dtype)
    y.backward(g)
    return {
        "input": plain(x),
        "weight": plain(linear.weight),
        "bias": plain(linear.bias),
        "grad_output": plain(g),
        "output": plain(y),
        "grad_input": plain(x.grad),
        "grad_weight": plain(linear.weight.grad),
        "grad_bias": plain(linear.bias.grad),
    }


def make_dense():
    r = draws(1)
    base = {
        "input": r(5, 4),
        "weight": r(3, 4) * 0.5,
        "bias": r(3) * 0.3,
        "grad_output": r(5, 3),
    }
    return {"float64": dense(torch.float64, base), "float32": dense(torch.float32, base)}


def step(module, x, g, training):
    """One forward and backward of module on x with output gradient g, gradients zeroed first."""
    module.train(training)
    module.zero_grad()
    x = x.clone().requires_grad_()
    y = module(x)
    y.backward(g)
    result = {
        "input": plain(x),
        "grad_output": plain(g),
        "output": plain(y),
        "grad_input": plain(x.grad),
    }
    if module.weight is not None:
        result["grad_weight"] = plain(module.weight.grad)
        result["grad_bias"] = plain(module.bias.grad)
    return result


def batch_norm(dtype, base, momentum, epsilon):
    features = base["weight"].shape[0]
    bn = torch.nn.BatchNorm1d(features, eps=epsilon, momentum=momentum, dtype=dtype)
    with torch.no_grad():
        bn.weight.copy_(base["weight"])
        bn.bias.copy_(base["bias"])
        bn.running_mean.copy_(base["running_mean"])
        bn.running_var.copy_(base["running_var"])
    out = {
        "weight": plain(bn.weight),
        "bias": plain(bn.bias),
        "running_mean": plain(bn.running_mean),
        "running_var": plain(bn.running_var),
        "training_steps": [],
    }
    for x, g in base["training"]:
        s = step(bn, x.to(dtype), g.to(dtype), True)
        s["running_mean"] = plain(bn.running_mean)
        s["running_var"] = plain(bn.running_var)
        s["num_batches_tracked"] = int(bn.num_batches_tracked)
        out["training_steps"].append(s)
    x, g = base["evaluation"]
    out["evaluation"] = step(bn, x.to(dtype), g.to(dtype), False)
    return out


def make_batch_norm():
    cases = []
    for name, seed, momentum, epsilon, rows in [
        ("defaults", 2, 0.1, 1e-5, 6),
        ("custom", 3, 0.3, 1e-3, 9),
    ]:
        r = draws(seed)
        features = 4
        # Features of different means and spreads, as a batch norm meets them.
        shift = r(features) * 2
        spread = r(features).abs() + 0.5

        def batch():
            return r(rows, features) * spread + shift, r(rows, features)

        base = {
            "weight": 1 + 0.3 * r(features),
            "bias": 0.3 * r(features),
            "running_mean": 0.2 * r(features),
            "running_var": 1 + 0.2 * r(features).abs(),
            "training": [batch() for _ in range(3)],
            "evaluation": batch(),
        }
        cases.append(
            {
                "name": name,
                "momentum": momentum,
                "epsilon": epsilon,
                "float64": batch_norm(torch.float64, base, momentum, epsilon),
                "float32": batch_norm(torch.float32, base, momentum, epsilon),
            }
        )
    return {"cases": cases}


def layer_norm(dtype, base, affine, epsilon):
    features = base["input"].shape[1]
    ln = torch.nn.LayerNorm(features, eps=epsilon, elementwise_affine=affine, dtype=dtype)
    if affine:
        with torch.no_grad():
            ln.weight.copy_(base["weight"])
            ln.bias.copy_(base["bias"])
    result = step(ln, base["input"].to(dtype), base["grad_output"].to(dtype), True)
    if affine:
        result["weight"] = plain(ln.weight)
        result["bias"] = plain(ln.bias)
    return result


def make_layer_norm():
    cases = []
    for name, seed, affine, epsilon in [
        ("affine", 4, True, 1e-5),
        ("no_affine", 5, False, 1e-5),
        ("affine_large_epsilon", 6, True, 1e-2),
    ]:
        r = draws(seed)
        rows, features = 5, 6
        base = {
            "input": r(rows, features) * 1.5 + r(rows, 1),
            "weight": 1 + 0.3 * r(features),
            "bias": 0.3 * r(features),
            "grad_output": r(rows, features),
        }
        cases.append(
            {
                "name": name,
                "elementwise_affine": affine,
                "epsilon": epsilon,
                "float64": layer_norm(torch.float64, base, affine, epsilon),
                "float32": layer_norm(torch.float32, base, affine, epsilon),
            }
        )
    return {"cases": cases}


def write(name, data):
    path = OUT / name
    path.write_text(json.dumps(data, indent=1) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    torch.use_deterministic_algorithms(True)
    write("dense.json", make_dense())
    write("batch_norm.json", make_batch_norm())
    write("layer_norm.json", make_layer_norm())
