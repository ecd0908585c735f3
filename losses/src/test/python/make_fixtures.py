"""Writes PyTorch's values and gradients of every loss, for TorchAgreementTests.

For each loss id, parameter variant (reduction sum, label_smoothing, from_logits, delta, ...) and
fused form it records, in float64 and in float32, the reduced loss and the gradient with respect
to the loss's input (outputs, or logits for a fused form) after loss.backward(), at fixed inputs:
ordinary random values, extreme logits (±50, ±1e4, ±1000), probabilities of exactly 0 and 1 (the
log of probability 0), rates of 0, zero vectors. The float32 inputs are the float64 ones rounded
to float32, as Matrix.toFloats() rounds them.

Where PyTorch has the loss it is called directly (F.mse_loss, F.cross_entropy, F.kl_div, ...).
Losses it lacks are written here in torch operations from their definitions: log_cosh and the
hinge losses as Keras defines them, and the unfused cross_entropy, whose probabilities are
clamped at 1e-7 with the gradient kept at -t/p (a straight-through clamp).

Run from the repository root (PyTorch 2, CPU):

    /work/venv/bin/python losses/src/test/python/make_fixtures.py

It writes losses/src/test/resources/torch/<id>.json; commit them with the script.
"""

import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "torch"

MIN_PROBABILITY = 1e-7  # CrossEntropyLoss.MIN_PROBABILITY


def reduce(values, reduction):
    return values.mean() if reduction == "mean" else values.sum()


def smoothed(t, eps):
    return t * (1 - eps) + eps / t.shape[1]


def straight_through_clamp(p, low):
    """p clamped at low in value, with the gradient of p itself."""
    return p + (p.clamp_min(low) - p).detach()


def keras_hinge_targets(t):
    """Keras's convert_binary_labels_to_hinge: 0/1 labels become -1/1, others stay."""
    binary = bool(((t == 0) | (t == 1)).all())
    return 2 * t - 1 if binary else t


def one_hot(t):
    return bool(((t == 0) | (t == 1)).all()) and bool((t.sum(1) == 1).all())


def mse(o, t, p, fused):
    return F.mse_loss(o, t, reduction=p.get("reduction", "mean"))


def mae(o, t, p, fused):
    return F.l1_loss(o, t, reduction=p.get("reduction", "mean"))


def huber(o, t, p, fused):
    return F.huber_loss(o, t, reduction=p.get("reduction", "mean"), delta=p.get("delta", 1.0))


def log_cosh(o, t, p, fused):
    a = (o - t).abs()
    return reduce(a + torch.log1p(torch.exp(-2 * a)) - math.log(2.0), p.get("reduction", "mean"))


def binary_cross_entropy(o, t, p, fused):
    r = p.get("reduction", "mean")
    if fused == "sigmoid" or p.get("from_logits", False):
        return F.binary_cross_entropy_with_logits(o, t, reduction=r)
    return F.binary_cross_entropy(o, t, reduction=r)


def cross_entropy(o, t, p, fused):
    r = p.get("reduction", "mean")
    eps = p.get("label_smoothing", 0.0)
    if fused == "softmax":
        return F.cross_entropy(o, t, reduction=r, label_smoothing=eps)
    target = smoothed(t, eps)
    clamped = straight_through_clamp(o, MIN_PROBABILITY)
    return reduce(-(target * torch.log(clamped)).sum(1), r)


def nll(o, t, p, fused):
    r = p.get("reduction", "mean")
    logp = F.log_softmax(o, dim=1) if fused == "log_softmax" else o
    if one_hot(t):
        return F.nll_loss(logp, t.argmax(1), reduction=r)
    return reduce(-(t * logp).sum(1), r)


def kl_divergence(o, t, p, fused):
    r = "batchmean" if p.get("reduction", "mean") == "mean" else "sum"
    logp = F.log_softmax(o, dim=1) if fused == "log_softmax" else o
    return F.kl_div(logp, t, reduction=r)


def poisson(o, t, p, fused):
    return F.poisson_nll_loss(
        o, t, log_input=False, full=False, eps=p.get("eps", 1e-8),
        reduction=p.get("reduction", "mean"))


def hinge(o, t, p, fused):
    y = keras_hinge_targets(t)
    return reduce(torch.clamp(1 - y * o, min=0), p.get("reduction", "mean"))


def squared_hinge(o, t, p, fused):
    y = keras_hinge_targets(t)
    return reduce(torch.clamp(1 - y * o, min=0) ** 2, p.get("reduction", "mean"))


def categorical_hinge(o, t, p, fused):
    pos = (t * o).sum(1)
    neg = ((1 - t) * o).max(1).values
    return reduce(torch.clamp(neg - pos + 1, min=0), p.get("reduction", "mean"))


def cosine_similarity(o, t, p, fused):
    cos = F.cosine_similarity(o, t, dim=1, eps=p.get("eps", 1e-8))
    return reduce(1 - cos, p.get("reduction", "mean"))


# ---- inputs ----------------------------------------------------------------------------------

RNG = np.random.RandomState(20261201)


def randn(rows, cols, scale=1.0):
    return (scale * RNG.randn(rows, cols)).tolist()


def one_hots(rows, cols):
    t = np.zeros((rows, cols))
    t[np.arange(rows), RNG.randint(cols, size=rows)] = 1
    return t.tolist()


def softmax_rows(rows, cols, scale=1.0):
    z = scale * RNG.randn(rows, cols)
    e = np.exp(z - z.max(1, keepdims=True))
    return (e / e.sum(1, keepdims=True)).tolist()


def log_softmax_rows(rows, cols):
    return np.log(np.array(softmax_rows(rows, cols))).tolist()


def signs(rows, cols):
    return (2.0 * RNG.randint(2, size=(rows, cols)) - 1).tolist()


def zero_ones(rows, cols):
    return RNG.randint(2, size=(rows, cols)).astype(float).tolist()


def uniform(rows, cols, low, high):
    return RNG.uniform(low, high, size=(rows, cols)).tolist()


# Extreme logits, each row against the one-hot target in column 1.
EXTREME_LOGITS = [
    [50.0, -50.0, 0.0, 50.0],
    [-50.0, 50.0, -50.0, -50.0],
    [1e4, -1e4, 0.0, 1e4],
    [-1e4, 1e4, -1e4, -1e4],
    [1e4, 1e4, 1e4, 1e4],
    [-1000.0, 1000.0, 1000.0, -1000.0],
]
EXTREME_ONE_HOT = [[0.0, 1.0, 0.0, 0.0]] * len(EXTREME_LOGITS)


def case(name, outputs, targets, params=None, fused=None):
    """One input; its name says the fused form and from_logits, so that names are unique."""
    params = params or {}
    prefix = (f"{fused}_" if fused else "") + ("from_logits_" if params.get("from_logits") else "")
    return {"name": prefix + name, "params": params, "fused": fused,
            "outputs": outputs, "targets": targets}


def with_variants(cases, *variants):
    """The cases again with each of the parameter sets in variants added to their own."""
    out = list(cases)
    for extra in variants:
        for c in cases:
            params = dict(c["params"], **extra)
            suffix = "_".join(f"{k}_{v}" for k, v in extra.items())
            out.append(dict(c, name=c["name"] + "_" + suffix, params=params))
    return out


SUM = {"reduction": "sum"}


def regression_cases():
    big = [[1e4, -1e4, 50.0, -50.0, 0.3], [-1e4, 1e4, -50.0, 50.0, -0.7]]
    return [
        case("random", randn(4, 5, 3.0), randn(4, 5, 3.0)),
        case("small_differences", randn(3, 4, 0.2), randn(3, 4, 0.2)),
        case("large_differences", big, [[0.0, 0.0, 0.0, 1.0, 0.1], [2.0, 0.0, 0.0, 0.0, 0.1]]),
    ]


def bce_probability_cases():
    edges_p = [[0.0, 1.0, 0.0, 1.0], [1e-30, 1.0 - 1e-9, 0.5, 1e-7]]
    edges_t = [[0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0]]
    return [
        case("random", uniform(4, 5, 0.01, 0.99), zero_ones(4, 5)),
        case("soft_targets", uniform(3, 4, 0.01, 0.99), uniform(3, 4, 0.0, 1.0)),
        case("probabilities_0_and_1", edges_p, edges_t),
    ]


def bce_logit_cases(params, fused):
    extreme = [[50.0, -50.0, 1e4, -1e4, 1000.0, -1000.0]] * 2
    extreme_t = [[1.0, 1.0, 0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 0.0, 1.0, 0.0]]
    return [
        case("random", randn(4, 5, 3.0), zero_ones(4, 5), params, fused),
        case("soft_targets", randn(3, 4, 2.0), uniform(3, 4, 0.0, 1.0), params, fused),
        case("extreme_logits", extreme, extreme_t, params, fused),
    ]


def logit_cases(fused, soft=True):
    cases = [
        case("random", randn(4, 5, 2.0), one_hots(4, 5), fused=fused),
        case("extreme_logits", EXTREME_LOGITS, EXTREME_ONE_HOT, fused=fused),
    ]
    if soft:
        cases.append(case("soft_targets", randn(3, 4, 2.0), softmax_rows(3, 4), fused=fused))
    return cases


def cross_entropy_cases():
    plain = [
        case("random", softmax_rows(4, 5), one_hots(4, 5)),
        case("soft_targets", softmax_rows(3, 4), softmax_rows(3, 4)),
        case("probabilities_0_and_1",
             [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.5, 0.5]],
             [[0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]),
    ]
    fused = logit_cases("softmax")
    smoothing = {"label_smoothing": 0.1}
    return with_variants(plain + fused, SUM, smoothing, dict(SUM, **smoothing))


def nll_cases():
    plain = [
        case("random", log_softmax_rows(4, 5), one_hots(4, 5)),
        case("soft_targets", log_softmax_rows(3, 4), softmax_rows(3, 4)),
        case("extreme_log_probabilities",
             [[0.0, -2e4, -1e4], [-2e4, 0.0, -2e4], [-1e4, -1e4, -0.5]],
             [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]),
    ]
    return with_variants(plain + logit_cases("log_softmax"), SUM)


def kl_cases():
    with_zeros = np.array(softmax_rows(3, 4))
    with_zeros[:, 0] = 0
    with_zeros /= with_zeros.sum(1, keepdims=True)
    plain = [
        case("random", log_softmax_rows(4, 5), softmax_rows(4, 5)),
        case("one_hot_targets", log_softmax_rows(3, 4), one_hots(3, 4)),
        case("targets_with_zeros", log_softmax_rows(3, 4), with_zeros.tolist()),
    ]
    return with_variants(plain + logit_cases("log_softmax"), SUM)


def poisson_cases():
    counts = RNG.poisson(2.0, size=(4, 5)).astype(float).tolist()
    return with_variants([
        case("random", np.exp(RNG.randn(4, 5)).tolist(), counts),
        case("rates_of_zero", [[0.0, 0.0, 1.5, 1e-9], [3.0, 0.0, 0.0, 2.0]],
             [[0.0, 3.0, 1.0, 2.0], [0.0, 1.0, 0.0, 0.5]]),
        case("large_rates", [[1e4, 50.0, 1e-4], [0.5, 1e4, 50.0]],
             [[1e4, 3.0, 0.0], [7.0, 0.0, 49.0]]),
    ], SUM, {"eps": 1e-3})


def hinge_cases():
    return with_variants([
        case("random_signs", randn(4, 5, 2.0), signs(4, 5)),
        case("zero_one_targets", randn(4, 5, 2.0), zero_ones(4, 5)),
        case("large_outputs", [[50.0, -50.0, 1e4, -1e4], [-1e4, 1e4, 0.25, -0.25]],
             [[1.0, 1.0, -1.0, 1.0], [-1.0, 1.0, -1.0, 1.0]]),
    ], SUM)


def categorical_hinge_cases():
    return with_variants([
        case("random", randn(4, 5, 2.0), one_hots(4, 5)),
        case("probabilities", softmax_rows(3, 4), one_hots(3, 4)),
        case("large_outputs", [[50.0, -50.0, 1e4, -1e4], [-1e4, 1e4, 0.25, -0.25]],
             [[0.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]),
    ], SUM)


def cosine_cases():
    return with_variants([
        case("random", randn(4, 5), randn(4, 5)),
        case("zero_output_row", [[0.0, 0.0, 0.0], [1.0, -2.0, 0.5]],
             [[1.0, 2.0, 2.0], [1.0, -2.0, 0.5]]),
        case("large_values", [[1e4, -1e4, 50.0], [-50.0, 1e4, 3.0]],
             [[1.0, 0.5, -0.5], [2.0, 1.0, 0.0]]),
    ], SUM)


LOSSES = {
    "mse": (mse, lambda: with_variants(regression_cases(), SUM)),
    "mae": (mae, lambda: with_variants(regression_cases(), SUM)),
    "huber": (huber, lambda: with_variants(
        regression_cases(), SUM, {"delta": 0.5}, {"delta": 2.5, "reduction": "sum"})),
    "log_cosh": (log_cosh, lambda: with_variants(regression_cases(), SUM)),
    "binary_cross_entropy": (binary_cross_entropy, lambda: with_variants(
        bce_probability_cases()
        + bce_logit_cases({"from_logits": True}, None)
        + bce_logit_cases({}, "sigmoid"), SUM)),
    "cross_entropy": (cross_entropy, cross_entropy_cases),
    "nll": (nll, nll_cases),
    "kl_divergence": (kl_divergence, kl_cases),
    "poisson": (poisson, poisson_cases),
    "hinge": (hinge, hinge_cases),
    "squared_hinge": (squared_hinge, hinge_cases),
    "categorical_hinge": (categorical_hinge, categorical_hinge_cases),
    "cosine_similarity": (cosine_similarity, cosine_cases),
}


def run(fn, c, dtype):
    o = torch.tensor(c["outputs"], dtype=dtype, requires_grad=True)
    t = torch.tensor(c["targets"], dtype=dtype)
    value = fn(o, t, c["params"], c["fused"])
    value.backward()
    result = {"value": value.item(), "grad": o.grad.reshape(-1).tolist()}
    if not all(math.isfinite(v) for v in [result["value"]] + result["grad"]):
        raise ValueError(f"PyTorch gave a non-finite result for {c['name']} in {dtype}")
    return result


def main():
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for loss_id, (fn, make_cases) in LOSSES.items():
        cases = []
        names = set()
        for c in make_cases():
            if c["name"] in names:
                raise ValueError(f"{loss_id}: two cases are named {c['name']}")
            names.add(c["name"])
            rows, cols = len(c["outputs"]), len(c["outputs"][0])
            cases.append(dict(
                c, rows=rows, cols=cols,
                outputs=[v for row in c["outputs"] for v in row],
                targets=[v for row in c["targets"] for v in row],
                float64=run(fn, c, torch.float64),
                float32=run(fn, c, torch.float32)))
        doc = {"loss": loss_id, "torch": torch.__version__, "cases": cases}
        path = OUT / f"{loss_id}.json"
        path.write_text(json.dumps(doc, indent=1) + "\n")
        print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
