"""Writes the PyTorch reference values the optimizer and schedule tests compare against.

Run from the repository root with PyTorch 2 (CPU) and numpy:

    /work/venv/bin/python optimizers/src/test/python/make_fixtures.py

It rewrites optimizers/src/test/resources/fixtures/{optimizers,schedules}.json, which are committed:
the Java tests never need Python.

Optimizers: two float32 tensors, layers.0.weight (2x3) and layers.0.bias (1x3), stepped 100 times
by torch.optim (single-tensor implementations, foreach=False) with gradients from a fixed seeded
sequence, which is written to the fixture too; the parameters are recorded after 1, 10 and 100
steps, and the optimizer state after 100, under Dendrite's state names. Lion is not in torch: its
reference is the update of lion-pytorch (Lucidrains), written here in the same torch ops.

Schedules: the learning rate torch.optim.lr_scheduler gives for each of 100 positions (steps for
per-step schedules, epochs for per-epoch ones), read from the optimizer before each step, as
Dendrite's trainer asks a schedule before each step.
"""

import json
import pathlib
import re

import numpy as np
import torch

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "fixtures"
STEPS = 100
RECORDED = (1, 10, 100)

WEIGHT = [[0.5, -1.25, 2.0], [0.0, 0.75, -0.3]]
BIAS = [[0.1, -0.2, 0.05]]


def gradients():
    """100 steps of gradients for 9 values: mixed scales, with exact zeros now and then."""
    rng = np.random.default_rng(20240601)
    g = rng.standard_normal((STEPS, 9)) * np.array([0.3, 1.0, 0.05, 2.0, 0.5, 1.5, 0.8, 0.01, 3.0])
    g[::4, 2] = 0.0  # sign(0) for lion, |g| + eps for adamax
    g[5:40:7, 7] = 0.0
    g[:, 4] += 0.4  # a steady drift, so that momentum builds up
    return g.astype(np.float32)


def floats(t):
    return [float(x) for x in t.detach().numpy().astype(np.float32).reshape(-1)]


def lion_step(params, state, lr, beta1, beta2, weight_decay):
    """lion-pytorch's update_fn, one parameter at a time."""
    for p in params:
        exp_avg = state.setdefault(p, torch.zeros_like(p))
        grad = p.grad
        p.data.mul_(1 - lr * weight_decay)
        update = exp_avg.clone().mul_(beta1).add(grad, alpha=1 - beta1).sign_()
        p.data.add_(update, alpha=-lr)
        exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)


# id -> (torch constructor, Dendrite parameter -> torch keyword, torch state key -> Dendrite buffer)
TORCH = {
    "sgd": (torch.optim.SGD, {}, {"momentum_buffer": "momentum"}),
    "adam": (torch.optim.Adam, {}, {"exp_avg": "m", "exp_avg_sq": "v", "max_exp_avg_sq": "v_max", "step": "step"}),
    "adamw": (torch.optim.AdamW, {}, {"exp_avg": "m", "exp_avg_sq": "v", "max_exp_avg_sq": "v_max", "step": "step"}),
    "nadam": (torch.optim.NAdam, {}, {"exp_avg": "m", "exp_avg_sq": "v", "step": "step"}),
    "adamax": (torch.optim.Adamax, {}, {"exp_avg": "m", "exp_inf": "u", "step": "step"}),
    "rmsprop": (torch.optim.RMSprop, {}, {"square_avg": "square_avg", "grad_avg": "grad_avg", "momentum_buffer": "momentum"}),
    "adagrad": (torch.optim.Adagrad, {}, {"sum": "sum", "step": "step"}),
    "adadelta": (torch.optim.Adadelta, {}, {"square_avg": "square_avg", "acc_delta": "acc_delta"}),
}

# Dendrite's defaults where they differ from torch's (torch 2's SGD defaults to lr=0.001).
DEFAULT_LR = {"sgd": 0.01, "adam": 0.001, "adamw": 0.001, "nadam": 0.002, "adamax": 0.002,
              "rmsprop": 0.01, "adagrad": 0.01, "adadelta": 1.0, "lion": 1e-4}

OPTIMIZER_CASES = [
    ("sgd", {}),
    ("sgd", {"learning_rate": 0.05, "weight_decay": 0.1}),
    ("sgd", {"learning_rate": 0.05, "momentum": 0.9}),
    ("sgd", {"learning_rate": 0.05, "momentum": 0.9, "dampening": 0.5, "weight_decay": 0.01}),
    ("sgd", {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("adam", {}),
    ("adam", {"learning_rate": 0.01, "amsgrad": True}),
    ("adam", {"learning_rate": 0.01, "beta1": 0.8, "beta2": 0.99, "weight_decay": 0.1}),
    ("adamw", {}),
    ("adamw", {"learning_rate": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("adamw", {"learning_rate": 0.01, "beta1": 0.4, "beta2": 0.9, "epsilon": 1e-3}),
    ("nadam", {}),
    ("nadam", {"learning_rate": 0.01, "weight_decay": 0.1, "momentum_decay": 0.01}),
    ("nadam", {"learning_rate": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("adamax", {}),
    ("adamax", {"learning_rate": 0.01, "beta1": 0.4, "weight_decay": 0.1}),
    ("rmsprop", {}),
    ("rmsprop", {"centered": True}),
    ("rmsprop", {"momentum": 0.9, "weight_decay": 0.1}),
    ("rmsprop", {"alpha": 0.9, "epsilon": 1e-4, "centered": True, "momentum": 0.5, "weight_decay": 0.1}),
    ("adagrad", {}),
    ("adagrad", {"learning_rate": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.1, "weight_decay": 0.1}),
    ("adadelta", {}),
    ("adadelta", {"learning_rate": 0.5, "rho": 0.5, "epsilon": 1e-4, "weight_decay": 0.1}),
    ("lion", {}),
    ("lion", {"learning_rate": 0.001, "beta1": 0.5, "beta2": 0.9, "weight_decay": 0.1}),
]


def torch_kwargs(optimizer, params):
    kw = {"lr": params.get("learning_rate", DEFAULT_LR[optimizer])}
    beta1, beta2 = params.get("beta1"), params.get("beta2")
    for name, value in params.items():
        if name in ("learning_rate", "beta1", "beta2"):
            continue
        kw["eps" if name == "epsilon" else name] = value
    if beta1 is not None or beta2 is not None:
        defaults = (0.9, 0.99) if optimizer == "lion" else (0.9, 0.999)
        kw["betas"] = (beta1 if beta1 is not None else defaults[0], beta2 if beta2 is not None else defaults[1])
    return kw


def optimizer_case(optimizer, params, grads):
    weight = torch.tensor(WEIGHT, dtype=torch.float32, requires_grad=True)
    bias = torch.tensor(BIAS, dtype=torch.float32, requires_grad=True)
    tensors = {"layers.0.weight": weight, "layers.0.bias": bias}
    kw = torch_kwargs(optimizer, params)
    if optimizer == "lion":
        lion_state = {}
        betas = kw.get("betas", (0.9, 0.99))
        step = lambda: lion_step([weight, bias], lion_state, kw["lr"], betas[0], betas[1], kw.get("weight_decay", 0.0))
        described = f"lion-pytorch update in torch ops, {kw}"
    else:
        cls, _, _ = TORCH[optimizer]
        opt = cls([weight, bias], foreach=False, **kw)
        step = opt.step
        described = f"torch.optim.{cls.__name__}({kw}, foreach=False)"
    after = {}
    with torch.no_grad():
        for t in range(STEPS):
            weight.grad = torch.tensor(grads[t, :6].reshape(2, 3))
            bias.grad = torch.tensor(grads[t, 6:].reshape(1, 3))
            step()
            if t + 1 in RECORDED:
                after[str(t + 1)] = {name: floats(p) for name, p in tensors.items()}
    state = {}
    for name, p in tensors.items():
        if optimizer == "lion":
            state[f"m/{name}"] = floats(lion_state[p])
            continue
        names = TORCH[optimizer][2]
        for key, value in opt.state[p].items():
            if key not in names or value is None:
                continue
            if key == "step":
                state[f"step/{name}"] = [float(value)]
            else:
                state[f"{names[key]}/{name}"] = floats(value)
    return {"optimizer": optimizer, "params": params, "reference": described, "after": after, "state": state}


def rates(make_scheduler, base, positions=STEPS, monitored=None):
    """The rate before each position, as Dendrite's trainer reads it from a schedule."""
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base)
    scheduler = make_scheduler(opt)
    out = []
    for i in range(positions):
        out.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        if monitored is None:
            scheduler.step()
        else:
            scheduler.step(monitored[i])
    return out


S = torch.optim.lr_scheduler


def cosine(warmup, min_lr, start_factor=1.0 / 3):
    def make(opt):
        annealing = S.CosineAnnealingLR(opt, T_max=STEPS - warmup, eta_min=min_lr)
        if warmup == 0:
            return annealing
        warm = S.LinearLR(opt, start_factor=start_factor, end_factor=1.0, total_iters=warmup)
        return S.SequentialLR(opt, [warm, annealing], milestones=[warmup])
    return make


def plateau_values():
    """A validation loss that falls, plateaus with noise, falls again and plateaus for good."""
    rng = np.random.default_rng(7)
    e = np.arange(STEPS)
    loss = 1.0 / (1 + 0.3 * np.minimum(e, 20)) + 0.4 * np.exp(-np.maximum(e - 45, 0) / 8.0) * (e > 45)
    loss = loss + 0.002 * rng.standard_normal(STEPS)
    accuracy = 1 - loss / 2 + 0.0005 * rng.standard_normal(STEPS)
    return [float(x) for x in loss], [float(x) for x in accuracy]


def schedule_cases():
    cases = []

    def add(schedule, params, base, reference, make, interval, **extra):
        monitored = extra.get("values")
        cases.append({"schedule": schedule, "params": params, "base_rate": base, "interval": interval,
                      "reference": reference, "rates": rates(make, base, monitored=monitored), **extra})

    add("constant", {}, 0.1, "LambdaLR(lambda epoch: 1.0)", lambda o: S.LambdaLR(o, lambda e: 1.0), "epoch")
    add("step", {"step_size": 30}, 0.1, "StepLR(step_size=30)", lambda o: S.StepLR(o, step_size=30), "epoch")
    add("step", {"step_size": 7, "gamma": 0.5}, 0.05, "StepLR(step_size=7, gamma=0.5)",
        lambda o: S.StepLR(o, step_size=7, gamma=0.5), "epoch")
    add("multi_step", {"milestones": [30, 80]}, 0.1, "MultiStepLR(milestones=[30, 80])",
        lambda o: S.MultiStepLR(o, milestones=[30, 80]), "epoch")
    add("multi_step", {"milestones": [60, 10, 25, 25], "gamma": 0.3}, 0.2,
        "MultiStepLR(milestones=[60, 10, 25, 25], gamma=0.3)",
        lambda o: S.MultiStepLR(o, milestones=[60, 10, 25, 25], gamma=0.3), "epoch")
    add("exponential", {"gamma": 0.95}, 0.1, "ExponentialLR(gamma=0.95)",
        lambda o: S.ExponentialLR(o, gamma=0.95), "epoch")
    add("exponential", {"gamma": 0.8}, 1.0, "ExponentialLR(gamma=0.8)",
        lambda o: S.ExponentialLR(o, gamma=0.8), "epoch")
    add("cosine", {}, 0.1, "CosineAnnealingLR(T_max=100)", cosine(0, 0.0), "step")
    add("cosine", {"warmup_steps": 10, "min_lr": 0.001}, 0.1,
        "SequentialLR([LinearLR(start_factor=1/3, total_iters=10), CosineAnnealingLR(T_max=90, eta_min=0.001)], milestones=[10])",
        cosine(10, 0.001), "step")
    add("cosine", {"warmup_steps": 25, "start_factor": 0.01}, 0.003,
        "SequentialLR([LinearLR(start_factor=0.01, total_iters=25), CosineAnnealingLR(T_max=75)], milestones=[25])",
        cosine(25, 0.0, 0.01), "step")
    add("linear_warmup", {"warmup_steps": 10}, 0.1, "LinearLR(start_factor=1/3, total_iters=10)",
        lambda o: S.LinearLR(o, total_iters=10), "step")
    add("linear_warmup", {"warmup_steps": 40, "start_factor": 0.001}, 0.5,
        "LinearLR(start_factor=0.001, total_iters=40)",
        lambda o: S.LinearLR(o, start_factor=0.001, total_iters=40), "step")
    add("one_cycle", {}, 0.1, "OneCycleLR(max_lr=0.1, total_steps=100, cycle_momentum=False)",
        lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, cycle_momentum=False), "step")
    add("one_cycle", {"pct_start": 0.25, "div_factor": 10.0, "final_div_factor": 100.0, "anneal_strategy": "linear"},
        0.4, "OneCycleLR(max_lr=0.4, total_steps=100, pct_start=0.25, div_factor=10, final_div_factor=100,"
        " anneal_strategy='linear', cycle_momentum=False)",
        lambda o: S.OneCycleLR(o, max_lr=0.4, total_steps=STEPS, pct_start=0.25, div_factor=10.0,
                               final_div_factor=100.0, anneal_strategy="linear", cycle_momentum=False), "step")
    add("one_cycle", {"three_phase": True, "pct_start": 0.37}, 0.01,
        "OneCycleLR(max_lr=0.01, total_steps=100, pct_start=0.37, three_phase=True, cycle_momentum=False)",
        lambda o: S.OneCycleLR(o, max_lr=0.01, total_steps=STEPS, pct_start=0.37, three_phase=True,
                               cycle_momentum=False), "step")
    add("polynomial", {}, 0.1, "PolynomialLR(total_iters=100)",
        lambda o: S.PolynomialLR(o, total_iters=STEPS), "step")
    add("polynomial", {"power": 2.0}, 0.1, "PolynomialLR(total_iters=100, power=2)",
        lambda o: S.PolynomialLR(o, total_iters=STEPS, power=2.0), "step")
    # torch's PolynomialLR decays to 0: with end_lr, it decays (base - end_lr) and end_lr is added.
    end = 0.01
    shifted = rates(lambda o: S.PolynomialLR(o, total_iters=STEPS, power=0.5), 0.1 - end)
    cases.append({"schedule": "polynomial", "params": {"power": 0.5, "end_lr": end}, "base_rate": 0.1,
                  "interval": "step", "reference": "PolynomialLR(total_iters=100, power=0.5) on 0.09, plus 0.01",
                  "rates": [r + end for r in shifted]})

    loss, accuracy = plateau_values()
    add("reduce_on_plateau", {}, 0.1, "ReduceLROnPlateau()", lambda o: S.ReduceLROnPlateau(o), "epoch",
        monitor="val_loss", values=loss)
    add("reduce_on_plateau", {"monitor": "loss", "factor": 0.5, "patience": 3, "threshold": 0.01, "cooldown": 2,
                              "min_lr": 0.01}, 0.1,
        "ReduceLROnPlateau(factor=0.5, patience=3, threshold=0.01, cooldown=2, min_lr=0.01)",
        lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=3, threshold=0.01, cooldown=2, min_lr=0.01),
        "epoch", monitor="loss", values=loss)
    add("reduce_on_plateau", {"monitor": "val_accuracy", "patience": 2, "threshold": 0.001, "threshold_mode": "abs",
                              "factor": 0.7}, 0.1,
        "ReduceLROnPlateau(mode='max', factor=0.7, patience=2, threshold=0.001, threshold_mode='abs')",
        lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.7, patience=2, threshold=0.001, threshold_mode="abs"),
        "epoch", monitor="val_accuracy", values=accuracy)
    add("reduce_on_plateau", {"mode": "min", "monitor": "val_accuracy", "patience": 1, "factor": 0.5,
                              "min_lr": 0.0124, "epsilon": 0.001}, 0.1,
        "ReduceLROnPlateau(mode='min', factor=0.5, patience=1, min_lr=0.0124, eps=0.001)",
        lambda o: S.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=1, min_lr=0.0124, eps=0.001),
        "epoch", monitor="val_accuracy", values=accuracy)
    return cases


def main():
    torch.set_num_threads(1)
    grads = gradients()
    optimizers = {
        "generator": "optimizers/src/test/python/make_fixtures.py",
        "torch": torch.__version__,
        "initial": {"layers.0.weight": sum(WEIGHT, []), "layers.0.bias": sum(BIAS, [])},
        "gradients": [[float(x) for x in row] for row in grads],
        "cases": [optimizer_case(o, p, grads) for o, p in OPTIMIZER_CASES],
    }
    schedules = {
        "generator": "optimizers/src/test/python/make_fixtures.py",
        "torch": torch.__version__,
        "positions": STEPS,
        "cases": schedule_cases(),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("optimizers.json", optimizers), ("schedules.json", schedules)):
        text = json.dumps(data, indent=1)
        # One line per list of numbers, so that the file reads (and diffs) by case.
        text = re.sub(r"\[\s+([-0-9.eE+,\s]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)
        (OUT / name).write_text(text + "\n")
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
