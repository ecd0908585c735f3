"""Writes the reference values the metric tests compare with: src/test/resources/reference-values.json.

Run from the metrics module, with numpy and scikit-learn installed:

    python src/test/python/make_fixtures.py

Every input value is a float32 number, so the Java tests feed the same values in float32 and
float64 matrices. The reference values come from scikit-learn, on the class labels the metrics
decide the way Dendrite does (the largest column, the first one on ties; a single column is
class 1 when at least 0.5). Where Dendrite defines a metric differently, the script says how the
scikit-learn call is adapted, and checks it against a plain numpy formula.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "reference-values.json"
EPS = 1e-15  # Dendrite's log_loss clip, scikit-learn's eps before 1.3


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def one_hot(labels, classes):
    t = np.zeros((len(labels), classes))
    t[np.arange(len(labels)), labels] = 1
    return t


def informative(rng, labels, classes, signal):
    """Softmax outputs that lean towards the true class by `signal`."""
    z = rng.normal(size=(len(labels), classes))
    z[np.arange(len(labels)), labels] += signal
    return softmax(z)


def classification_cases(rng):
    cases = {}

    # Binary, one column, about a quarter positive; scores on a 1/16 grid for ties, with 0, 0.5, 1.
    y = (rng.random(53) < 0.25).astype(int)
    y[:2] = [0, 1]
    p = 1 / (1 + np.exp(-(1.5 * rng.normal(size=53) + 1.2 * (2 * y - 1))))
    p = np.round(p * 16) / 16
    p[2:6] = [0.5, 0.5, 0.0, 1.0]
    cases["binary_imbalanced"] = (8, p[:, None], y[:, None].astype(float))

    # Binary at the edges: exact 0 and 1, confidently wrong, and 0.5 on both sides.
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.5, 0.5, 2.0**-60, 1 - 2.0**-24, 0.25, 0.75, 0.5, 1.0])
    y = np.array([0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1])
    cases["binary_extremes"] = (5, p[:, None], y[:, None].astype(float))

    # Three imbalanced classes: 75%, 20%, 5%.
    y = rng.choice(3, size=97, p=[0.75, 0.2, 0.05])
    y[:3] = [0, 1, 2]
    cases["three_imbalanced"] = (16, informative(rng, y, 3, 1.0), one_hot(y, 3))

    # Five classes: class 3 never a target, class 4 a target but never predicted.
    y = rng.choice([0, 1, 2, 4], size=64, p=[0.4, 0.3, 0.2, 0.1])
    z = rng.normal(size=(64, 5))
    z[np.arange(64), y] += 1.5
    z[:, 4] -= 20
    cases["five_missing"] = (10, softmax(z), one_hot(y, 5))

    # Four classes with outputs on a 1/4 grid: ties for the largest output, for top-k and in ROC.
    grid = np.array(
        [
            [0.25, 0.25, 0.25, 0.25],
            [0.5, 0.5, 0.0, 0.0],
            [0.0, 0.5, 0.5, 0.0],
            [0.5, 0.25, 0.25, 0.0],
            [0.25, 0.5, 0.0, 0.25],
            [0.0, 0.0, 0.25, 0.75],
            [1.0, 0.0, 0.0, 0.0],
            [0.25, 0.25, 0.5, 0.0],
        ]
    )
    rows = rng.integers(0, len(grid), size=40)
    y = rng.integers(0, 4, size=40)
    y[:4] = [0, 1, 2, 3]
    cases["four_ties"] = (7, grid[rows], one_hot(y, 4))

    # One example.
    cases["one_row"] = (1, np.array([[0.2, 0.5, 0.3]]), one_hot(np.array([2]), 3))

    # Ten classes, many batches.
    y = rng.integers(0, 10, size=300)
    cases["ten_classes"] = (64, informative(rng, y, 10, 1.5), one_hot(y, 10))

    return {name: (batch, f32(o), f32(t)) for name, (batch, o, t) in cases.items()}


def regression_cases(rng):
    cases = {}
    t = rng.normal(size=(50, 1))
    cases["reg_one_column"] = (8, t + 0.5 * rng.normal(size=t.shape), t)

    # Columns of other scales, one far from 0 with a small spread.
    t = rng.normal(size=(77, 3)) * [1, 10, 0.5] + [0, -3, 1000]
    o = t + rng.normal(size=t.shape) * [0.3, 4, 0.2]
    cases["reg_three_columns"] = (16, o, t)

    # Constant targets: column 0 predicted with errors (R² 0), column 1 exactly (R² 1).
    t = np.column_stack([np.full(20, 2.5), np.full(20, -1.25), rng.normal(size=20)])
    o = t.copy()
    o[:, 0] += rng.normal(size=20)
    o[:, 2] += 0.4 * rng.normal(size=20)
    cases["reg_constant"] = (6, o, t)

    cases["reg_one_row"] = (1, np.array([[1.0, -2.0, 0.5, 3.0]]), np.array([[0.5, -1.0, 0.5, 2.0]]))
    return {name: (batch, f32(o), f32(t)) for name, (batch, o, t) in cases.items()}


def labels_of(m):
    """Dendrite's classes: the first largest column, or a single column thresholded at 0.5."""
    if m.shape[1] == 1:
        return (m[:, 0] >= 0.5).astype(int)
    return np.argmax(m, axis=1)  # the first on ties


def close(a, b, tol=1e-12):
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) <= tol * max(1.0, abs(b))


def classification_expectations(name, outputs, targets):
    cols = outputs.shape[1]
    classes = 2 if cols == 1 else cols
    labels = list(range(classes))
    y_true = labels_of(targets)
    y_pred = labels_of(outputs)
    out = []

    def add(metric, value, params=None, per_class=None, matrix=None):
        e = {"case": name, "metric": metric, "params": params or {}, "value": value}
        if per_class is not None:
            e["per_class"] = list(per_class)
        if matrix is not None:
            e["matrix"] = matrix
        out.append(e)

    accuracy = skm.accuracy_score(y_true, y_pred)
    add("accuracy", accuracy)

    for k in (1, 2, 3, 5):
        if k >= classes:
            value = 1.0
        elif cols == 1:
            value = accuracy  # k = 1 of two classes; scikit-learn thresholds with > 0.5, not >= 0.5
        else:
            # scikit-learn breaks ties towards the later column, Dendrite (like argmax) towards the
            # earlier one: reversing the columns and relabelling turns the one into the other.
            value = skm.top_k_accuracy_score(
                classes - 1 - y_true, outputs[:, ::-1], k=k, labels=labels
            )
            ahead = (outputs > outputs[np.arange(len(y_true)), y_true][:, None]).sum(axis=1) + [
                (outputs[i, : y_true[i]] == outputs[i, y_true[i]]).sum() for i in range(len(y_true))
            ]
            assert close(value, float(np.mean(ahead < k))), (name, k)
        add("top_k_accuracy", value, {"k": k})

    for metric in ("precision", "recall", "f1"):
        index = {"precision": 0, "recall": 1, "f1": 2}[metric]
        per_class = skm.precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average=None, zero_division=0
        )[index]
        for average in ("macro", "micro", "weighted"):
            value = skm.precision_recall_fscore_support(
                y_true, y_pred, labels=labels, average=average, zero_division=0
            )[index]
            add(metric, float(value), {"average": average}, per_class=[float(v) for v in per_class])

    matrix = skm.confusion_matrix(y_true, y_pred, labels=labels)
    add("confusion_matrix", accuracy, matrix=[[float(v) for v in row] for row in matrix])

    # log_loss clips at 1e-15 (scikit-learn's eps before 1.3; it now clips at the float64
    # machine epsilon, and clipping first at the larger bound makes that a no-op).
    clipped = np.clip(outputs, EPS, 1 - EPS)
    if cols == 1:
        value = skm.log_loss(y_true, clipped[:, 0], labels=labels)
        p, t = clipped[:, 0], targets[:, 0]
        formula = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    else:
        value = skm.log_loss(y_true, clipped, labels=labels)
        formula = -np.mean(np.sum(targets * np.log(clipped), axis=1))
    assert close(value, formula), (name, value, formula)
    add("log_loss", value)

    # ROC AUC one class against the rest; a class never (or always) the target has none.
    def auc(positive, score):
        if positive.all() or not positive.any():
            return math.nan
        return float(skm.roc_auc_score(positive, score))

    if cols == 1:
        a = auc(y_true == 1, outputs[:, 0])
        per_class = [a, a]
    else:
        per_class = [auc(y_true == c, outputs[:, c]) for c in range(cols)]
    defined = [a for a in per_class if not math.isnan(a)]
    value = sum(defined) / len(defined) if defined else math.nan
    if cols > 1 and len(defined) == cols and np.allclose(outputs.sum(axis=1), 1):
        ovr = skm.roc_auc_score(y_true, outputs, multi_class="ovr", average="macro", labels=labels)
        assert close(value, ovr), (name, value, ovr)
    add("auc", value, per_class=per_class)
    return out


def regression_expectations(name, outputs, targets):
    out = []

    def add(metric, value):
        out.append({"case": name, "metric": metric, "params": {}, "value": float(value)})

    d = outputs - targets
    mae = skm.mean_absolute_error(targets, outputs)
    assert close(mae, np.mean(np.abs(d)))
    add("mae", mae)
    mse = skm.mean_squared_error(targets, outputs)
    assert close(mse, np.mean(d * d))
    add("mse", mse)
    # One root of the mean over every value: root_mean_squared_error averages the columns' roots.
    add("rmse", math.sqrt(mse))
    add("r2", skm.r2_score(targets, outputs) if len(targets) >= 2 else math.nan)
    return out


def finite_or_none(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, list):
        return [finite_or_none(x) for x in v]
    if isinstance(v, dict):
        return {k: finite_or_none(x) for k, x in v.items()}
    return v


def dumps(v, indent=""):
    """JSON with one line per row of numbers, so that the file stays short and diffs well."""
    inner = indent + " "
    if isinstance(v, dict):
        items = [f"{inner}{json.dumps(k)}: {dumps(x, inner)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
        return "[\n" + ",\n".join(inner + json.dumps(x, allow_nan=False) for x in v) + "\n" + indent + "]"
    if isinstance(v, list) and v and all(isinstance(x, list) for x in v):
        return "[\n" + ",\n".join(inner + json.dumps(x, allow_nan=False) for x in v) + "\n" + indent + "]"
    return json.dumps(v, allow_nan=False)


def main():
    warnings.simplefilter("ignore")  # sums of float32 probabilities off 1 by 1e-7, k >= classes
    rng = np.random.default_rng(20240611)
    cases = {}
    expected = []
    for kind, made, expect in (
        ("classification", classification_cases(rng), classification_expectations),
        ("regression", regression_cases(rng), regression_expectations),
    ):
        for name, (batch, outputs, targets) in made.items():
            cases[name] = {
                "kind": kind,
                "batch": batch,
                "outputs": outputs.tolist(),
                "targets": targets.tolist(),
            }
            expected += expect(name, outputs, targets)
    document = {
        "about": "reference values for the metric tests; written by src/test/python/make_fixtures.py",
        "numpy": np.__version__,
        "scikit_learn": sklearn.__version__,
        "cases": cases,
        "expected": expected,
    }
    OUT.write_text(dumps(finite_or_none(document)) + "\n")
    print(f"wrote {len(expected)} expected values for {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
