#!/usr/bin/env python3
"""Rebuilds a Dendrite model in PyTorch from its model.safetensors alone, and predicts.

  torch_predict.py MODEL INPUTS.csv OUTPUTS.csv

MODEL is a run's model.safetensors. Its tensors are named like a torch.nn.Sequential's state_dict
(layers.N.weight out x in, layers.N.bias, batch norm's running statistics) and its metadata holds
the architecture as plugin ids and parameters (dendrite.architecture). The script builds the
torch.nn.Sequential that architecture describes, loads the tensors with the safetensors library
into it, and writes one row of outputs (class probabilities, or regression values) per row of
INPUTS.csv: the network's inputs, after the run's preprocessing.

Exits 77 when torch or safetensors is missing, so that a test can skip itself rather than fail.
"""

import csv
import json
import sys

try:
    import torch
    from safetensors import safe_open
    from safetensors.torch import load_file
except ImportError as e:  # the test reads exit code 77 as "skip"
    print(f"torch_predict: {e}", file=sys.stderr)
    sys.exit(77)


def component(spec):
    """A {type: id, ...} mapping or a bare id as (id, parameters)."""
    if isinstance(spec, str):
        return spec, {}
    spec = dict(spec)
    return spec.pop("type"), spec


def activation(spec):
    kind, p = component(spec)
    simple = {
        "identity": torch.nn.Identity, "linear": torch.nn.Identity,
        "relu": torch.nn.ReLU, "relu6": torch.nn.ReLU6, "selu": torch.nn.SELU,
        "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh, "silu": torch.nn.SiLU,
        "swish": torch.nn.SiLU, "mish": torch.nn.Mish, "softsign": torch.nn.Softsign,
        "hard_sigmoid": torch.nn.Hardsigmoid,
    }
    if kind in simple:
        return simple[kind]()
    if kind == "softmax":
        return torch.nn.Softmax(dim=1)
    if kind == "log_softmax":
        return torch.nn.LogSoftmax(dim=1)
    if kind == "leaky_relu":
        return torch.nn.LeakyReLU(p.get("negative_slope", 0.01))
    if kind == "elu":
        return torch.nn.ELU(p.get("alpha", 1.0))
    if kind == "celu":
        return torch.nn.CELU(p.get("alpha", 1.0))
    if kind == "gelu":
        return torch.nn.GELU(approximate=p.get("approximate", "none"))
    if kind == "softplus":
        return torch.nn.Softplus(p.get("beta", 1.0), p.get("threshold", 20.0))
    if kind == "hard_tanh":
        return torch.nn.Hardtanh(p.get("min_val", -1.0), p.get("max_val", 1.0))
    raise SystemExit(f"torch_predict: no PyTorch equivalent known for the activation '{kind}'")


class Layer(torch.nn.Module):
    """One Dendrite layer: its own module and the activation applied to its outputs."""

    def __init__(self, inner, act):
        super().__init__()
        self.inner = inner
        self.act = act

    def forward(self, x):
        x = self.inner(x)
        return x if self.act is None else self.act(x)


def build(architecture, inputs, tensors):
    layers = []
    width = inputs
    for i, spec in enumerate(architecture["layers"]):
        kind, p = component(spec)
        act = activation(p["activation"]) if p.get("activation") else None
        if kind in ("dense", "linear", "fully_connected"):
            inner = torch.nn.Linear(width, p["units"], bias=p.get("use_bias", True))
            width = p["units"]
        elif kind == "dropout":
            inner = torch.nn.Dropout(p.get("rate", 0.5))
        elif kind in ("batch_norm", "batch_normalization"):
            inner = torch.nn.BatchNorm1d(width, eps=p.get("epsilon", 1e-5),
                                         momentum=p.get("momentum", 0.1))
        elif kind in ("layer_norm", "layer_normalization"):
            inner = torch.nn.LayerNorm(width, eps=p.get("epsilon", 1e-5),
                                       elementwise_affine=p.get("elementwise_affine", True))
        elif kind == "activation":
            inner, act = activation(p["activation"]), None
        else:
            raise SystemExit(f"torch_predict: no PyTorch equivalent known for the layer '{kind}'")
        layers.append(Layer(inner, act))
    model = torch.nn.Sequential()
    model.add_module("layers", torch.nn.Sequential(*layers))
    state = {}
    for name, t in tensors.items():
        # layers.N.weight -> layers.N.inner.weight; Dendrite keeps vectors as 1 x n matrices.
        prefix, index, rest = name.split(".", 2)
        target = f"{prefix}.{index}.inner.{rest}"
        expected = model.state_dict()[target]
        state[target] = t.reshape(expected.shape).to(expected.dtype)
    model.load_state_dict(state, strict=True)
    return model.eval()


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    path, inputs_csv, outputs_csv = sys.argv[1:]
    with safe_open(path, framework="pt") as f:
        metadata = f.metadata() or {}
    if metadata.get("dendrite.kind") != "model":
        raise SystemExit(f"torch_predict: {path} is not a Dendrite model")
    architecture = json.loads(metadata["dendrite.architecture"])
    inputs = int(metadata["dendrite.input_size"])
    model = build(architecture, inputs, load_file(path))
    with open(inputs_csv, newline="") as f:
        rows = [[float(v) for v in row] for row in csv.reader(f) if row]
    x = torch.tensor(rows, dtype=torch.float32)
    with torch.no_grad():
        y = model(x)
    with open(outputs_csv, "w", newline="") as f:
        w = csv.writer(f)
        for row in y.tolist():
            w.writerow([repr(v) for v in row])


if __name__ == "__main__":
    main()
