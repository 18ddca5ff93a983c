#!/usr/bin/python3
"""Write PyTorch's numbers as JSON fixtures for kt's tests.

Run from the repository root with Debian's python3-torch:

    /usr/bin/python3 scripts/torchfixtures.py

It rewrites loss/testdata/torch/<loss>.json for each of ktorch's 21 losses
and optim/testdata/torch/sgd.json. Every random draw is seeded, and torch
runs on one thread, so a rerun writes the same bytes. The schema is
documented in internal/fixture (doc.go). Never edit the output by hand.
"""

import json
import math
import os
import sys
import warnings
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOSS_DIR = os.path.join(ROOT, "loss", "testdata", "torch")
OPTIM_DIR = os.path.join(ROOT, "optim", "testdata", "torch")

F32, F64, I64 = torch.float32, torch.float64, torch.int64
DTYPES = (F32, F64)
REDUCTIONS = ("none", "mean", "sum")
MAX_ELEMS = 64


def dname(dtype):
    return str(dtype).replace("torch.", "")


def num(v):
    """A JSON-ready number: exact floats, non-finite values as strings."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    return v


def tensor_json(t):
    t = t.detach()
    if t.numel() > MAX_ELEMS:
        raise ValueError("tensor of %d elements is too big for a fixture" % t.numel())
    return {"dtype": dname(t.dtype), "shape": list(t.shape),
            "data": [num(v) for v in t.reshape(-1).tolist()]}


def option_json(v):
    if isinstance(v, torch.Tensor):
        return tensor_json(v)
    if isinstance(v, float):
        return num(v)
    return v


def first_line(e):
    msg = str(e).strip()
    if not msg:
        msg = type(e).__name__
    return msg.splitlines()[0]


class Gen:
    """Collects the cases of one loss, with its own seeded generator."""

    def __init__(self, loss, cls):
        self.loss = loss
        self.cls = cls
        self.cases = []
        self.names = set()
        self.rng = torch.Generator().manual_seed(zlib.crc32(loss.encode()))

    # random draws, made in float64 and cast, so both dtypes see one set
    def randn(self, *shape):
        return torch.randn(shape, generator=self.rng, dtype=F64)

    def rand(self, *shape):
        return torch.rand(shape, generator=self.rng, dtype=F64)

    def randint(self, lo, hi, *shape):
        return torch.randint(lo, hi, shape, generator=self.rng, dtype=I64)

    def sign(self, *shape):
        return torch.where(self.rand(*shape) < 0.5, -1.0, 1.0).to(F64)

    def name(self, tag, dtype):
        base = "%s/%s/%s" % (self.loss, tag, dname(dtype))
        i = 0
        while "%s/%d" % (base, i) in self.names:
            i += 1
        n = "%s/%d" % (base, i)
        self.names.add(n)
        return n

    def add(self, tag, dtype, options, inputs, module=None, forward=None):
        """Record one case.

        inputs: list of (name, tensor, requires_grad); tensors are used as
        given (cast them first). options: constructor keywords. module:
        factory called with the options (default self.cls); forward: a
        function of (module, *tensors) (default module(*tensors)).
        """
        case = {"name": self.name(tag, dtype), "dtype": dname(dtype),
                "options": {k: option_json(v) for k, v in options.items()}}
        leaves = []
        for name, t, rg in inputs:
            t = t.detach().clone()
            if rg:
                t.requires_grad_(True)
            leaves.append((name, t, rg))
        case["inputs"] = []
        for name, t, rg in leaves:
            d = {"name": name}
            d.update(tensor_json(t))
            d["requires_grad"] = bool(rg)
            case["inputs"].append(d)
        try:
            m = (module or self.cls)(**options)
            args = [t for _, t, _ in leaves]
            out = forward(m, *args) if forward else m(*args)
            if len(self.cases) % 2 == 1:
                gout = torch.randn(out.shape, generator=self.rng, dtype=F64).to(out.dtype)
            else:
                gout = torch.ones_like(out)
            if any(rg for _, _, rg in leaves):
                out.backward(gout)
        except Exception as e:  # torch's error is the expected result
            case["output"] = None
            case["grad_output"] = None
            case["grads"] = {}
            case["error"] = first_line(e)
            # keep the key order of the schema
            case = {k: case[k] for k in ("name", "dtype", "options", "inputs", "error")}
            self.cases.append(case)
            return case
        case["output"] = tensor_json(out)
        case["grad_output"] = tensor_json(gout)
        case["grads"] = {name: (tensor_json(t.grad) if t.grad is not None else None)
                         for name, t, rg in leaves if rg}
        case["error"] = None
        self.cases.append(case)
        return case

    def each(self, tag, options, make, reductions=REDUCTIONS, dtypes=DTYPES, **kw):
        """One case per reduction and dtype; make(dtype) gives the inputs,
        drawn once and cast to each dtype."""
        for red in reductions:
            inputs = make()
            for dt in dtypes:
                opts = dict(options)
                if red is not None:
                    opts["reduction"] = red
                cast = [(n, cast_float(t, dt), rg) for n, t, rg in inputs]
                opts = {k: cast_float(v, dt) for k, v in opts.items()}
                t = tag if red is None else (red + ("/" + tag if tag else ""))
                self.add(t, dt, opts, cast, **kw)

    def write(self):
        os.makedirs(LOSS_DIR, exist_ok=True)
        doc = {"torch": torch.__version__, "loss": self.loss, "cases": self.cases}
        write_json(os.path.join(LOSS_DIR, self.loss + ".json"), doc, "cases")
        return len(self.cases)


def cast_float(t, dtype):
    """Casts a float64 tensor to dtype; other values pass unchanged."""
    if isinstance(t, torch.Tensor) and t.dtype == F64:
        return t.to(dtype)
    return t


def write_json(path, doc, listkey):
    """Writes doc with one element of doc[listkey] a line."""
    head = {k: v for k, v in doc.items() if k != listkey}
    text = json.dumps(head, allow_nan=False)[:-1]
    items = [json.dumps(c, allow_nan=False) for c in doc[listkey]]
    text += ', "%s": [\n' % listkey + ",\n".join(items) + "\n]}\n"
    with open(path, "w") as f:
        f.write(text)


def pair(name1="input", name2="target", rg2=True):
    """Inputs builder for two same-shape float tensors."""
    def build(a, b):
        return [(name1, a, True), (name2, b, rg2)]
    return build


# ---------------------------------------------------------------- losses

def T(*vals):
    """A float64 tensor from literal values (nested lists allowed)."""
    if len(vals) == 1 and isinstance(vals[0], (list, tuple)):
        vals = vals[0]
    return torch.tensor(vals, dtype=F64)


def L(*vals):
    """An int64 tensor from literal values."""
    if len(vals) == 1 and isinstance(vals[0], (list, tuple)):
        vals = vals[0]
    return torch.tensor(vals, dtype=I64)


def shape_tag(shape):
    return "shape" + ("x".join(map(str, shape)) if shape else "0d")


def both_dtypes(g, tag, options, inputs, **kw):
    """One case per dtype for fixed float64 inputs, options as given."""
    for dt in DTYPES:
        g.add(tag, dt, {k: cast_float(v, dt) for k, v in options.items()},
              [(n, cast_float(t, dt), rg) for n, t, rg in inputs], **kw)


def gen_pointwise(loss, cls, optsets, extra=None, target_grad=True):
    """Losses of two same-shape tensors (l1, huber, smoothl1, ...)."""
    g = Gen(loss, cls)
    two = pair(rg2=target_grad)
    for tag, opts in optsets:
        for shape in [(3, 4), (5,), (), (2, 3, 2)]:
            g.each(join(tag, shape_tag(shape)), opts, lambda: two(g.randn(*shape), g.randn(*shape)))
    if extra:
        extra(g, two)
    # shapes that do not broadcast
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(3).to(dt), True), ("target", g.randn(4).to(dt), target_grad)])
    # dtype promotion: float32 input, float64 target
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red},
              [("input", g.randn(3).to(F32), True), ("target", g.randn(3), False)])
        # the forward alone (some backward kernels refuse mixed dtypes)
        g.add(red + "/promote/forward", F32, {"reduction": red},
              [("input", g.randn(3).to(F32), False), ("target", g.randn(3), False)])
    return g


def join(*parts):
    return "/".join(p for p in parts if p)


def gen_mse():
    def extra(g, two):
        g.each("equal", {}, lambda: two(T(1, 2, 3), T(1, 2, 3.5)))
        g.each("doc", {}, lambda: two(T(.5, 2, 5), T(1, 2, 3)))
        g.each("doc2", {}, lambda: two(T(1, 3, 6, 9), T(1, 2, 4, 8)))
        g.each("nonfinite", {}, lambda: two(T(1, float("inf"), float("nan"), 2), T(1, 2, 3, float("inf"))))
        g.each("broadcast", {}, lambda: two(g.randn(3, 4), g.randn(4)))
        nonfinite(g, two)
    return gen_pointwise("mse", nn.MSELoss, [("", {})], extra)


def gen_l1():
    def extra(g, two):
        # zero differences: the gradient of |d| at 0 is 0
        g.each("zero", {}, lambda: two(T(1, 2, -3, 0), T(1, 2.5, -3, 0)))
        g.each("broadcast", {}, lambda: two(g.randn(3, 4), g.randn(4)))
        nonfinite(g, two)
    return gen_pointwise("l1", nn.L1Loss, [("", {})], extra)


def nonfinite(g, two, opts=None):
    """Differences that are NaN (from NaN in either tensor, or inf - inf)
    and infinite of both signs, among finite ones."""
    inf, nan = float("inf"), float("nan")
    g.each("nonfinite", opts or {}, lambda: two(T(1, nan, 2, inf, -inf, inf, 3, -inf, 0.5),
                                               T(1, 2, nan, 2, 0, inf, inf, -inf, -0.5)))


def gen_huber():
    def extra(g, two):
        # |d| exactly at delta (the kink), zero, and far out
        for delta in (1.0, 0.5, 2.0):
            g.each("kink/delta%g" % delta, {"delta": delta},
                   lambda: two(T(0.25 + delta, 0.25 - delta, 1, 3, -5), T(0.25, 0.25, 1, 0, 4)))
        nonfinite(g, two)
    return gen_pointwise("huber", nn.HuberLoss, [("", {}), ("delta0.5", {"delta": 0.5}), ("delta2", {"delta": 2.0})], extra)


def gen_smoothl1():
    def extra(g, two):
        for beta in (1.0, 0.5, 2.0):
            g.each("kink/beta%g" % beta, {"beta": beta},
                   lambda: two(T(0.25 + beta, 0.25 - beta, 1, 3, -5), T(0.25, 0.25, 1, 0, 4)))
        # beta 0 is L1, but at d = 0 the gradient is -1 for input and target
        g.each("beta0/zero", {"beta": 0.0}, lambda: two(T(1, 2, -3, 0, 0.5), T(1, 2.5, -3, 0, -0.5)))
        nonfinite(g, two)
        g.each("beta0/nonfinite", {"beta": 0.0}, lambda: two(T(1, float("nan"), float("inf"), -float("inf")),
                                                            T(1, 2, 2, float("inf"))))
    return gen_pointwise("smoothl1", nn.SmoothL1Loss,
                         [("", {}), ("beta1", {"beta": 1.0}), ("beta0.5", {"beta": 0.5}), ("beta0", {"beta": 0.0})], extra)


def gen_softmargin():
    def extra(g, two):
        g.each("pm1", {}, lambda: two(g.randn(3, 4), g.sign(3, 4)))
        # y*x = -100: exp(100) overflows float32 (inf loss, nan gradient)
        g.each("overflow", {}, lambda: two(T(-100, 100, 50, -88), T(1, -1, 1, 1)))
        g.each("zero", {}, lambda: two(T(0, 0, 1), T(1, -1, 0)))
        nonfinite(g, two)
    return gen_pointwise("softmargin", nn.SoftMarginLoss, [("", {})], extra, target_grad=False)


def bce_fwd(m, x, y, w=None):
    return F.binary_cross_entropy(x, y, weight=w, reduction=m.reduction)


def gen_bce():
    g = Gen("bce", nn.BCELoss)
    for shape in [(3, 4), (5,), (), (2, 3, 2)]:
        g.each(shape_tag(shape), {}, lambda: [("input", g.rand(*shape) * 0.96 + 0.02, True),
                                               ("target", g.rand(*shape), True)], forward=bce_fwd)
        g.each(join("weight", shape_tag(shape)), {}, lambda: [("input", g.rand(*shape) * 0.96 + 0.02, True),
                                                              ("target", g.rand(*shape), True),
                                                              ("weight", g.rand(*shape) * 2, False)], forward=bce_fwd)
    # the document's example: target 2 computes, at p=.5 the loss is log 2
    g.each("doc", {}, lambda: [("input", T(.1, .9, .5), True), ("target", T(0, 1, 2), True)], forward=bce_fwd)
    g.each("doc/weight", {}, lambda: [("input", T(.1, .9, .5), True), ("target", T(0, 1, 2), True),
                                      ("weight", T(1, 1.1, .5), False)], forward=bce_fwd)
    # input exactly 0 and 1: log clamped at -100, target gradient infinite
    g.each("edges", {}, lambda: [("input", T(0, 1, 0, 1, 0.5, 0, 1), True),
                                 ("target", T(0, 1, 1, 0, 2, 0.5, 0.5), True)], forward=bce_fwd)
    g.each("edges/notargetgrad", {}, lambda: [("input", T(0, 1, 0, 1, 0.5), True),
                                              ("target", T(0, 1, 1, 0, 2), False)], forward=bce_fwd)
    # batch weight broadcast over rows
    g.each("weight/broadcast", {}, lambda: [("input", g.rand(3, 4) * 0.96 + 0.02, True),
                                            ("target", g.rand(3, 4), True),
                                            ("weight", g.rand(4), False)], forward=bce_fwd)
    for dt in DTYPES:
        g.add("error/range", dt, {}, [("input", T(0.5, 1.5, -0.1).to(dt), True), ("target", T(0, 1, 1).to(dt), True)],
              forward=bce_fwd)
        g.add("error/nan", dt, {}, [("input", T(0.5, float("nan")).to(dt), True), ("target", T(0, 1).to(dt), True)],
              forward=bce_fwd)
        g.add("error/shape", dt, {}, [("input", g.rand(3).to(dt), True), ("target", g.rand(4).to(dt), True)],
              forward=bce_fwd)
        g.add("error/weightgrad", dt, {}, [("input", g.rand(3).to(dt), True), ("target", g.rand(3).to(dt), True),
                                           ("weight", g.rand(3).to(dt), True)], forward=bce_fwd)
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red},
              [("input", g.rand(3).to(F32), True), ("target", g.rand(3).to(F32), True), ("weight", g.rand(3), False)],
              forward=bce_fwd)
    return g


def bcel_fwd(m, x, y, w=None):
    return F.binary_cross_entropy_with_logits(x, y, weight=w, pos_weight=m.pos_weight, reduction=m.reduction)


def gen_bcelogits():
    g = Gen("bcelogits", nn.BCEWithLogitsLoss)
    for shape in [(3, 4), (5,), (), (2, 3, 2)]:
        g.each(shape_tag(shape), {}, lambda: [("input", g.randn(*shape) * 2, True),
                                               ("target", g.rand(*shape), True)], forward=bcel_fwd)
    for shape in [(3, 4), (4,)]:
        g.each(join("posweight", shape_tag(shape)), {"pos_weight": g.rand(4) * 3},
               lambda: [("input", g.randn(*shape) * 2, True), ("target", g.rand(*shape), True)], forward=bcel_fwd)
        g.each(join("weight", shape_tag(shape)), {},
               lambda: [("input", g.randn(*shape) * 2, True), ("target", g.rand(*shape), True),
                        ("weight", g.rand(*shape) * 2, False)], forward=bcel_fwd)
        g.each(join("both", shape_tag(shape)), {"pos_weight": g.rand(4) * 3},
               lambda: [("input", g.randn(*shape) * 2, True), ("target", g.rand(*shape), True),
                        ("weight", g.rand(*shape) * 2, False)], forward=bcel_fwd)
    # target .5 tells the batch weight from the class weight
    cw = T(.25, .5, 1, 2, 4)
    g.each("half/posweight", {"pos_weight": cw},
           lambda: [("input", T([[1.5] * 5] * 3), True), ("target", T([[.5] * 5] * 3), True)], forward=bcel_fwd)
    g.each("half/weight", {}, lambda: [("input", T([[1.5] * 5] * 3), True), ("target", T([[.5] * 5] * 3), True),
                                       ("weight", T([cw.tolist()] * 3), False)], forward=bcel_fwd)
    # the document's examples: all targets 1
    g.each("doc", {}, lambda: [("input", T([[1.5] * 5] * 3), True), ("target", T([[1.0] * 5] * 3), True)],
           forward=bcel_fwd)
    g.each("doc/posweight", {"pos_weight": cw},
           lambda: [("input", T([[1.5] * 5] * 3), True), ("target", T([[1.0] * 5] * 3), True)], forward=bcel_fwd)
    g.each("doc/both", {"pos_weight": cw},
           lambda: [("input", T([[1.5] * 5] * 3), True), ("target", T([[1.0] * 5] * 3), True),
                    ("weight", T([[.1] * 5, [1] * 5, [2] * 5]), False)], forward=bcel_fwd)
    # NaN and infinite logits and targets
    inf, nan = float("inf"), float("nan")
    g.each("nonfinite", {}, lambda: [("input", T(nan, inf, -inf, inf, -inf, 1, 2, 0.5), True),
                                     ("target", T(1, 1, 1, 0, 0, nan, inf, -inf), True)], forward=bcel_fwd)
    # large logits: stable forms
    g.each("large", {"pos_weight": T(2, .5, 1, 3)},
           lambda: [("input", T(-100, 100, 30, -30), True), ("target", T(1, 0, .5, .5), True)], forward=bcel_fwd)
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(3).to(dt), True), ("target", g.rand(4).to(dt), True)],
              forward=bcel_fwd)
        g.add("error/posweight", dt, {"pos_weight": g.rand(3).to(dt)},
              [("input", g.randn(2, 4).to(dt), True), ("target", g.rand(2, 4).to(dt), True)], forward=bcel_fwd)
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red, "pos_weight": g.rand(3)},
              [("input", g.randn(3).to(F32), True), ("target", g.rand(3).to(F32), True)], forward=bcel_fwd)
    return g


def logits_targets(g, shape, classes):
    """Random logits of shape (N, C, ...) or (C,) and class indices."""
    x = g.randn(*shape)
    tshape = shape[:1] + shape[2:] if len(shape) > 1 else ()
    return x, g.randint(0, classes, *tshape)


def gen_ce():
    g = Gen("ce", nn.CrossEntropyLoss)
    shapes = [(4, 5), (5,), (2, 3, 2, 2), (3, 4, 3)]
    optsets = [("", lambda c: {}), ("weight", lambda c: {"weight": g.rand(c) + 0.1}),
               ("smooth0.1", lambda c: {"label_smoothing": 0.1}), ("smooth0.3", lambda c: {"label_smoothing": 0.3}),
               ("weight/smooth0.2", lambda c: {"weight": g.rand(c) + 0.1, "label_smoothing": 0.2})]
    for shape in shapes:
        c = shape[1] if len(shape) > 1 else shape[0]
        for tag, opts in optsets:
            def make(shape=shape, c=c):
                x, y = logits_targets(g, shape, c)
                return [("input", x, True), ("target", y, False)]
            g.each(join("index", tag, shape_tag(shape)), opts(c), make)
            # probability targets, same shape as input
            g.each(join("prob", tag, shape_tag(shape)), opts(c),
                   lambda: [("input", g.randn(*shape), True),
                            ("target", torch.softmax(g.randn(*shape), dim=1 if len(shape) > 1 else 0), True)])
    # ignore_index: some targets ignored, with weight and smoothing
    for tag, opts in [("ignore1", {"ignore_index": 1}), ("ignore1/weight", {"ignore_index": 1, "weight": T(1, 2, .5, 3)}),
                      ("ignore1/smooth0.2", {"ignore_index": 1, "label_smoothing": 0.2}),
                      ("ignore1/weight/smooth0.2", {"ignore_index": 1, "weight": T(1, 2, .5, 3), "label_smoothing": 0.2})]:
        g.each(tag, opts, lambda: [("input", g.randn(5, 4), True), ("target", L(0, 1, 2, 1, 3), False)])
        g.each(join(tag, "kdim"), opts, lambda: [("input", g.randn(2, 4, 3), True),
                                                 ("target", L([[1, 0, 3], [2, 1, 1]]), False)])
    g.each("ignoredefault", {}, lambda: [("input", g.randn(4, 3), True), ("target", L(0, -100, 2, -100), False)])
    # every target ignored: mean is nan, gradient 0
    for tag, opts in [("allignored", {"ignore_index": 2}), ("allignored/weight", {"ignore_index": 2, "weight": T(1, 2, 3)}),
                      ("allignored/smooth0.1", {"ignore_index": 2, "label_smoothing": 0.1})]:
        g.each(tag, opts, lambda: [("input", g.randn(3, 3), True), ("target", L(2, 2, 2), False)])
    g.each("unbatched/ignored", {"ignore_index": 0}, lambda: [("input", g.randn(4), True), ("target", L(0).reshape(()), False)])
    for dt in DTYPES:
        g.add("error/probignore", dt, {"ignore_index": 1},
              [("input", g.randn(2, 3).to(dt), True), ("target", torch.softmax(g.randn(2, 3), 1).to(dt), True)])
        g.add("error/outofrange", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 3), False)])
        g.add("error/negative", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, -1), False)])
        g.add("error/batch", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1, 2), False)])
        g.add("error/probshape", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", g.rand(2, 4).to(dt), True)])
        g.add("error/weightsize", dt, {"weight": g.rand(4).to(dt)},
              [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1), False)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red, "weight": T(1, 2, 3)},
              [("input", g.randn(2, 3).to(F32), True), ("target", L(0, 2), False)])
    return g


def gen_nll():
    g = Gen("nll", nn.NLLLoss)
    shapes = [(4, 5), (5,), (2, 3, 2, 2), (3, 4, 3)]
    for shape in shapes:
        c = shape[1] if len(shape) > 1 else shape[0]
        for tag, opts in [("", {}), ("weight", {"weight": g.rand(c) + 0.1})]:
            def make(shape=shape, c=c):
                x, y = logits_targets(g, shape, c)
                return [("input", torch.log_softmax(x, dim=1 if len(shape) > 1 else 0), True), ("target", y, False)]
            g.each(join(tag, shape_tag(shape)), opts, make)
    for tag, opts in [("ignore1", {"ignore_index": 1}), ("ignore1/weight", {"ignore_index": 1, "weight": T(1, 2, .5, 3)})]:
        g.each(tag, opts, lambda: [("input", g.randn(5, 4), True), ("target", L(0, 1, 2, 1, 3), False)])
        g.each(join(tag, "kdim"), opts, lambda: [("input", g.randn(2, 4, 3), True),
                                                 ("target", L([[1, 0, 3], [2, 1, 1]]), False)])
    g.each("ignoredefault", {}, lambda: [("input", g.randn(4, 3), True), ("target", L(0, -100, 2, -100), False)])
    for tag, opts in [("allignored", {"ignore_index": 2}), ("allignored/weight", {"ignore_index": 2, "weight": T(1, 2, 3)})]:
        g.each(tag, opts, lambda: [("input", g.randn(3, 3), True), ("target", L(2, 2, 2), False)])
    g.each("zeroweight", {"weight": T(0, 0, 1)}, lambda: [("input", g.randn(3, 3), True), ("target", L(0, 1, 0), False)])
    for dt in DTYPES:
        g.add("error/outofrange", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 3), False)])
        g.add("error/negative", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(-1, 0), False)])
        g.add("error/floattarget", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", T(0, 1).to(dt), False)])
        g.add("error/batch", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1, 2), False)])
        g.add("error/weightsize", dt, {"weight": g.rand(2).to(dt)},
              [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1), False)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red, "weight": T(1, 2, 3)},
              [("input", g.randn(2, 3).to(F32), True), ("target", L(0, 2), False)])
    return g


def gen_kl():
    g = Gen("kl", nn.KLDivLoss)
    reds = ("none", "mean", "batchmean", "sum")
    for shape in [(3, 4), (4,), (2, 3, 2)]:
        g.each(shape_tag(shape), {}, lambda: [("input", torch.log_softmax(g.randn(*shape), -1), True),
                                               ("target", torch.softmax(g.randn(*shape), -1), True)], reductions=reds)
        g.each(join("logtarget", shape_tag(shape)), {"log_target": True},
               lambda: [("input", torch.log_softmax(g.randn(*shape), -1), True),
                        ("target", torch.log_softmax(g.randn(*shape), -1), True)], reductions=reds)
    # target 0 contributes 0; its gradient is nan
    g.each("zerotarget", {}, lambda: [("input", torch.log_softmax(g.randn(2, 3), -1), True),
                                      ("target", T([[0, .5, .5], [1, 0, 0]]), True)], reductions=reds)
    g.each("zerotarget/notargetgrad", {}, lambda: [("input", torch.log_softmax(g.randn(2, 3), -1), True),
                                                   ("target", T([[0, .5, .5], [1, 0, 0]]), False)], reductions=reds)
    g.each("logtarget/inf", {"log_target": True},
           lambda: [("input", torch.log_softmax(g.randn(2, 3), -1), True),
                    ("target", T([[float("-inf"), -.5, -1], [0, -2, -3]]), True)], reductions=reds)
    g.each("log_target_false", {"log_target": False}, lambda: [("input", g.randn(2, 3), True), ("target", g.rand(2, 3), True)],
           reductions=reds)
    # NaN and infinite log-probabilities and targets, in both target forms
    inf, nan = float("inf"), float("nan")
    for lt in (False, True):
        g.each("nonfinite/logtarget%d" % lt, {"log_target": lt},
               lambda: [("input", T([[nan, -inf, inf, -1], [-1, -2, -inf, 0]]), True),
                        ("target", T([[0.5, 0.5, 0.5, nan], [inf, -inf, 0.5, 0]]), True)], reductions=reds)
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", g.rand(2, 4).to(dt), True)])
    for red in reds:
        g.add(red + "/promote", F32, {"reduction": red},
              [("input", g.randn(3).to(F32), True), ("target", g.rand(3), False)])
    # an empty batch: batchmean divides a sum of 0 by 0
    for shape in [(0,), (0, 3), (3, 0)]:
        g.each(join("empty", shape_tag(shape)), {}, lambda: [("input", torch.zeros(*shape, dtype=F64), True),
                                                             ("target", torch.zeros(*shape, dtype=F64), True)], reductions=reds)
    return g


def gen_hinge():
    g = Gen("hinge", nn.HingeEmbeddingLoss)
    for tag, opts in [("", {}), ("margin0.5", {"margin": 0.5}), ("margin2", {"margin": 2.0}), ("margin0", {"margin": 0.0})]:
        for shape in [(3, 4), (5,), ()]:
            g.each(join(tag, shape_tag(shape)), opts, lambda: [("input", g.randn(*shape) * 2, True),
                                                               ("target", g.sign(*shape), True)])
    # input exactly at the margin for target -1 (the kink); targets outside {-1, 1} take both branches
    for m in (1.0, 0.5):
        g.each("kink/margin%g" % m, {"margin": m}, lambda: [("input", T(m, m, 0, -1, 2), True),
                                                            ("target", T(-1, 1, -1, -1, -1), True)])
    g.each("othertarget", {}, lambda: [("input", T(0.3, -0.5, 2, 0.5), True), ("target", T(0, 2, 0.5, -2), True)])
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(3).to(dt), True), ("target", g.sign(4).to(dt), True)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red}, [("input", g.randn(3).to(F32), True), ("target", g.sign(3), False)])
    return g


def gen_margin():
    g = Gen("margin", nn.MarginRankingLoss)
    tri = lambda a, b, y: [("input1", a, True), ("input2", b, True), ("target", y, True)]
    for tag, opts in [("", {}), ("margin0.5", {"margin": 0.5}), ("margin-0.2", {"margin": -0.2})]:
        for shape in [(5,), ()]:
            g.each(join(tag, shape_tag(shape)), opts, lambda: tri(g.randn(*shape), g.randn(*shape), g.sign(*shape)))
    # -y*(x1-x2)+margin exactly 0
    g.each("kink", {"margin": 0.5}, lambda: tri(T(1, .5, 2, 0), T(.5, 1, 2.5, -.5), T(1, -1, -1, 1)))
    g.each("kink0", {}, lambda: tri(T(1, 2, 3), T(1, 2, 1), T(1, -1, 2)))
    for dt in DTYPES:
        g.add("error/0dtarget", dt, {}, tri(g.randn(3).to(dt), g.randn(3).to(dt), T(1).reshape(()).to(dt)))
        g.add("error/shape", dt, {}, tri(g.randn(3).to(dt), g.randn(4).to(dt), g.sign(3).to(dt)))
        g.add("error/dims", dt, {}, tri(g.randn(2, 3).to(dt), g.randn(2, 3).to(dt), g.sign(2).to(dt)))
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red}, tri(g.randn(3).to(F32), g.randn(3).to(F32), g.sign(3)))
    return g


def gen_cosineloss():
    g = Gen("cosineloss", nn.CosineEmbeddingLoss)
    tri = lambda a, b, y: [("input1", a, True), ("input2", b, True), ("target", y, True)]
    for tag, opts in [("", {}), ("margin0.5", {"margin": 0.5}), ("margin-0.3", {"margin": -0.3})]:
        g.each(join(tag, "batched"), opts, lambda: tri(g.randn(4, 3), g.randn(4, 3), g.sign(4)))
        g.each(join(tag, "unbatched"), opts, lambda: tri(g.randn(3), g.randn(3), T(-1.0).reshape(())))
        g.each(join(tag, "unbatched/pos"), opts, lambda: tri(g.randn(3), g.randn(3), T(1.0).reshape(())))
    # orthogonal rows at margin 0 (the kink), parallel rows, a zero row
    g.each("kink", {}, lambda: tri(T([[1, 0], [0, 2], [1, 1]]), T([[0, 1], [3, 0], [2, 2]]), T(-1, -1, 1)))
    g.each("zerorow", {}, lambda: tri(T([[0, 0, 0], [1, 2, 3]]), T([[1, 2, 3], [0, 0, 0]]), T(1, -1)))
    g.each("othertarget", {}, lambda: tri(g.randn(3, 2), g.randn(3, 2), T(0, 2, -1)))
    for dt in DTYPES:
        g.add("error/shape", dt, {}, tri(g.randn(2, 3).to(dt), g.randn(2, 4).to(dt), g.sign(2).to(dt)))
        g.add("error/target", dt, {}, tri(g.randn(2, 3).to(dt), g.randn(2, 3).to(dt), g.sign(2, 3).to(dt)))
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red}, tri(g.randn(2, 3).to(F32), g.randn(2, 3), g.sign(2)))
    return g


def gen_multilabel():
    g = Gen("multilabel", nn.MultiLabelMarginLoss)
    def batched():
        y = L([[3, 0, -1, 1], [1, 2, 3, -1], [-1, 0, 1, 2], [0, 1, 2, 3]])
        return [("input", g.randn(4, 4), True), ("target", y, False)]
    g.each("batched", {}, batched)
    g.each("batched/c5", {}, lambda: [("input", g.randn(3, 5), True), ("target", L([[4, -1, 0, 0, 0], [0, 1, 2, -1, 4], [2, 2, -1, 0, 0]]), False)])
    g.each("unbatched", {}, lambda: [("input", g.randn(4), True), ("target", L(3, 0, -1, 1), False)])
    # margin exactly 1 between a target and a non-target (the kink)
    g.each("kink", {}, lambda: [("input", T([[1, 0, .5, 0]]), True), ("target", L([[0, -1, 0, 0]]), False)])
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L([[0, 1], [1, 0]]), False)])
        g.add("error/range", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L([[0, 3, -1], [1, 0, -1]]), False)])
    return g


def gen_multimargin():
    g = Gen("multimargin", nn.MultiMarginLoss)
    optsets = [("", {}), ("p2", {"p": 2}), ("margin0.5", {"margin": 0.5}), ("p2/margin2", {"p": 2, "margin": 2.0}),
               ("weight", {"weight": T(1, 2, .5, 3, .25)}), ("p2/weight/margin0.5", {"p": 2, "weight": T(1, 2, .5, 3, .25), "margin": 0.5})]
    for tag, opts in optsets:
        g.each(join(tag, "batched"), opts, lambda: [("input", g.randn(4, 5), True), ("target", g.randint(0, 5, 4), False)])
        g.each(join(tag, "unbatched"), opts, lambda: [("input", g.randn(5), True), ("target", L(2).reshape(()), False)])
    # x[y] - x[i] exactly the margin (the kink)
    for tag, opts in [("kink/p1", {}), ("kink/p2", {"p": 2})]:
        g.each(tag, opts, lambda: [("input", T([[1, 0, .5, 1.5, 0], [0, 0, 0, 0, 1]]), True), ("target", L(0, 4), False)])
    for dt in DTYPES:
        g.add("error/p3", dt, {"p": 3}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1), False)])
        g.add("error/outofrange", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 3), False)])
        g.add("error/weightsize", dt, {"weight": g.rand(2).to(dt)}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1), False)])
        g.add("error/batch", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", L(0, 1, 2), False)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red, "weight": T(1, 2, 3)},
              [("input", g.randn(2, 3).to(F32), True), ("target", L(0, 2), False)])
    return g


def gen_multisoft():
    g = Gen("multisoft", nn.MultiLabelSoftMarginLoss)
    for tag, opts in [("", {}), ("weight", {"weight": T(1, 2, .5, 3)})]:
        g.each(join(tag, "batched"), opts, lambda: [("input", g.randn(3, 4) * 2, True),
                                                    ("target", (g.rand(3, 4) < .5).to(F64), True)])
        g.each(join(tag, "fraction"), opts, lambda: [("input", g.randn(3, 4) * 2, True), ("target", g.rand(3, 4), True)])
        g.each(join(tag, "unbatched"), opts, lambda: [("input", g.randn(4), True), ("target", (g.rand(4) < .5).to(F64), True)])
    g.each("large", {}, lambda: [("input", T([[-100, 100, 30, -30]]), True), ("target", T([[1, 0, 1, 0]]), True)])
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(2, 3).to(dt), True), ("target", g.rand(2, 4).to(dt), True)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red, "weight": T(1, 2, 3)},
              [("input", g.randn(2, 3).to(F32), True), ("target", g.rand(2, 3).to(F32), True)])
    return g


def gen_poissonloss():
    g = Gen("poissonloss", nn.PoissonNLLLoss)
    tgt = T(0, 1, 2, 3.5, 10, 0.5)
    for log_input in (True, False):
        for full in (False, True):
            for eps in (None, 0.5):
                opts = {"log_input": log_input, "full": full}
                if eps is not None:
                    opts["eps"] = eps
                tag = "log%d/full%d%s" % (log_input, full, "" if eps is None else "/eps%g" % eps)
                def make(log_input=log_input):
                    x = g.randn(6) if log_input else g.rand(6) * 3
                    return [("input", x, True), ("target", tgt, True)]
                g.each(tag, opts, make)
                g.each(join(tag, "batched"), opts,
                       lambda: [("input", g.randn(2, 3) if log_input else g.rand(2, 3) * 3, True),
                                ("target", torch.floor(g.rand(2, 3) * 4), True)])
    # input 0 without log_input: eps keeps the log finite
    g.each("zeroinput", {"log_input": False}, lambda: [("input", T(0, 0, 1), True), ("target", T(0, 2, 1), True)])
    # NaN and infinite inputs and targets
    inf, nan = float("inf"), float("nan")
    for li in (True, False):
        g.each("nonfinite/loginput%d" % li, {"log_input": li},
               lambda: [("input", T(nan, inf, -inf, 1, 2, 0.5), True), ("target", T(1, 1, 1, nan, inf, -inf), True)])
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(3).to(dt), True), ("target", g.rand(4).to(dt), True)])
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red}, [("input", g.randn(3).to(F32), True), ("target", tgt[:3], False)])
    return g


def gen_triplet():
    g = Gen("triplet", nn.TripletMarginLoss)
    tri = lambda a, p, n: [("anchor", a, True), ("positive", p, True), ("negative", n, True)]
    optsets = [("", {}), ("margin0.5", {"margin": 0.5}), ("p1", {"p": 1.0}), ("p3", {"p": 3.0}),
               ("swap", {"swap": True}), ("p1/swap", {"p": 1.0, "swap": True}), ("eps0.1", {"eps": 0.1}),
               ("margin0", {"margin": 0.0, "p": 3.0, "swap": True})]
    for tag, opts in optsets:
        g.each(join(tag, "batched"), opts, lambda: tri(g.randn(4, 3), g.randn(4, 3), g.randn(4, 3)))
        g.each(join(tag, "unbatched"), opts, lambda: tri(g.randn(3), g.randn(3), g.randn(3)))
    g.each("equal", {}, lambda: tri(T([[1, 2], [0, 0]]), T([[1, 2], [0, 0]]), T([[1, 2], [0, 0]])))
    # d(a,p) - d(a,n) + margin exactly 0 (the kink): distances 1 and 2, margin 1, eps 0
    for p in (1.0, 2.0):
        g.each("kink/p%g" % p, {"p": p, "eps": 0.0, "margin": 1.0},
               lambda: tri(T([[0, 0], [1, 1]]), T([[1, 0], [1, 2]]), T([[0, 2], [3, 1]])))
        g.each("kink/swap/p%g" % p, {"p": p, "eps": 0.0, "margin": 1.0, "swap": True},
               lambda: tri(T([[0, 0], [1, 1]]), T([[1, 0], [1, 2]]), T([[0, 2], [3, 1]])))
    for dt in DTYPES:
        g.add("error/dims", dt, {}, tri(g.randn(2, 3).to(dt), g.randn(2, 3).to(dt), g.randn(3).to(dt)))
        g.add("error/shape", dt, {}, tri(g.randn(2, 3).to(dt), g.randn(2, 3).to(dt), g.randn(2, 4).to(dt)))
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red}, tri(g.randn(2, 3).to(F32), g.randn(2, 3), g.randn(2, 3).to(F32)))
    return g


def gen_pairwise():
    g = Gen("pairwise", nn.PairwiseDistance)
    two = lambda a, b: [("x1", a, True), ("x2", b, True)]
    inf = float("inf")
    for p in (2.0, 1.0, 3.0, 0.5, inf, 0.0, -1.0, -inf):
        for eps in (1e-6, 0.5):
            for keepdim in (False, True):
                opts = {"p": p, "eps": eps, "keepdim": keepdim}
                tag = "p%g/eps%g/keepdim%d" % (p, eps, keepdim)
                g.each(join(tag, "batched"), opts, lambda: two(g.randn(4, 3), g.randn(4, 3)), reductions=(None,))
                g.each(join(tag, "unbatched"), opts, lambda: two(g.randn(3), g.randn(3)), reductions=(None,))
    g.each("default/batched", {}, lambda: two(g.randn(4, 3), g.randn(4, 3)), reductions=(None,))
    g.each("broadcast", {}, lambda: two(g.randn(4, 3), g.randn(3)), reductions=(None,))
    g.each("equal", {}, lambda: two(T([[1, 2], [0, 0]]), T([[1, 2], [0, 0]])), reductions=(None,))
    g.each("equal/p1", {"p": 1.0}, lambda: two(T([[1, 2], [0, 0]]), T([[1, 2], [0, 0]])), reductions=(None,))
    for dt in DTYPES:
        g.add("error/shape", dt, {}, two(g.randn(2, 3).to(dt), g.randn(2, 4).to(dt)))
    g.add("promote", F32, {}, two(g.randn(2, 3).to(F32), g.randn(2, 3)))
    return g


def gen_similar():
    g = Gen("similar", nn.CosineSimilarity)
    two = lambda a, b: [("x1", a, True), ("x2", b, True)]
    for dim in (0, 1, -1):
        for eps in (None, 0.5):
            opts = {"dim": dim}
            if eps is not None:
                opts["eps"] = eps
            tag = "dim%d%s" % (dim, "" if eps is None else "/eps%g" % eps)
            g.each(join(tag, "batched"), opts, lambda: two(g.randn(4, 3), g.randn(4, 3)), reductions=(None,))
            g.each(join(tag, "kdim"), opts, lambda: two(g.randn(2, 3, 2), g.randn(2, 3, 2)), reductions=(None,))
            g.each(join(tag, "zero"), opts, lambda: two(T([[0, 0, 0], [1, 2, 3], [.1, .1, 0]]),
                                                        T([[1, 2, 3], [1, 2, 3], [.2, 0, .1]])), reductions=(None,))
            if dim != 1:
                g.each(join(tag, "unbatched"), opts, lambda: two(g.randn(3), g.randn(3)), reductions=(None,))
    g.each("default", {}, lambda: two(g.randn(4, 3), g.randn(4, 3)), reductions=(None,))
    g.each("broadcast", {}, lambda: two(g.randn(4, 3), g.randn(3)), reductions=(None,))
    for dt in DTYPES:
        g.add("error/dim", dt, {"dim": 1}, two(g.randn(3).to(dt), g.randn(3).to(dt)))
        g.add("error/shape", dt, {}, two(g.randn(2, 3).to(dt), g.randn(2, 4).to(dt)))
    g.add("promote", F32, {}, two(g.randn(2, 3).to(F32), g.randn(2, 3)))
    return g


def gen_ctc():
    g = Gen("ctc", nn.CTCLoss)

    def lp(*shape):
        return torch.log_softmax(g.randn(*shape), -1)

    def ctc(x, y, il, tl):
        return [("log_probs", x, True), ("targets", y, False), ("input_lengths", il, False), ("target_lengths", tl, False)]

    for tag, opts, lo, hi in [("", {}, 1, 4), ("blank3", {"blank": 3}, 0, 3), ("zeroinf", {"zero_infinity": True}, 1, 4)]:
        # padded (N,S) targets
        g.each(join(tag, "padded"), opts,
               lambda: ctc(lp(6, 2, 4), g.randint(lo, hi, 2, 3), L(6, 5), L(3, 2)))
        # concatenated targets
        g.each(join(tag, "concat"), opts,
               lambda: ctc(lp(5, 3, 4), g.randint(lo, hi, 5), L(5, 4, 5), L(2, 1, 2)))
        # unbatched (T,C)
        g.each(join(tag, "unbatched"), opts,
               lambda: ctc(lp(5, 4), g.randint(lo, hi, 3), L(5).reshape(()), L(3).reshape(())))
        # repeated labels need a blank between them; an empty target
        g.each(join(tag, "repeats"), opts,
               lambda: ctc(lp(6, 2, 4), L([[lo, lo, lo + 1], [lo, lo, lo]]) if lo == 1 else L([[0, 0, 1], [0, 0, 0]]),
                           L(6, 5), L(3, 0)))
    # an infeasible sample: 3 repeats need 5 frames, 4 given
    for zi in (False, True):
        g.each("infeasible/zeroinf%d" % zi, {"zero_infinity": zi},
               lambda: ctc(lp(5, 2, 3), L([[1, 1, 1], [1, 2, 0]]), L(4, 5), L(3, 2)))
        g.each("infeasible/short/zeroinf%d" % zi, {"zero_infinity": zi},
               lambda: ctc(lp(4, 2, 3), L([[1, 2, 1, 2, 1], [2, 1, 0, 0, 0]]), L(3, 4), L(5, 2)))
    for dt in DTYPES:
        g.add("error/inputlength", dt, {}, ctc(lp(5, 2, 4).to(dt), L([[1, 2], [1, 1]]), L(6, 5), L(2, 2)))
        g.add("error/targetlength", dt, {}, ctc(lp(5, 2, 4).to(dt), L([[1, 2], [1, 1]]), L(5, 5), L(3, 2)))
        g.add("error/batch", dt, {}, ctc(lp(5, 2, 4).to(dt), L([[1, 2], [1, 1]]), L(5, 5, 5), L(2, 2, 2)))
    return g


GENERATORS = [gen_bce, gen_bcelogits, gen_ce, gen_cosineloss, gen_ctc, gen_hinge, gen_huber, gen_kl, gen_l1,
              gen_margin, gen_mse, gen_multilabel, gen_multimargin, gen_multisoft, gen_nll, gen_pairwise,
              gen_poissonloss, gen_similar, gen_smoothl1, gen_softmargin, gen_triplet]


# ---------------------------------------------------------------- SGD

SGD_DEFAULTS = {"lr": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False, "maximize": False}


def named(name, t):
    d = {"name": name}
    d.update(tensor_json(t))
    return d


def sgd_run(name, dtype, model, options, data, params, steps):
    """Trains params with torch.optim.SGD, recording every step."""
    opts = dict(SGD_DEFAULTS)
    opts.update(options)
    leaves = [(n, t.detach().clone().to(dtype).requires_grad_(True)) for n, t in params]
    data = [(n, t.detach().clone().to(dtype)) for n, t in data]
    d = dict(data)
    opt = torch.optim.SGD([t for _, t in leaves], **opts)
    p = dict(leaves)
    run = {"name": name, "dtype": dname(dtype), "model": model, "options": opts,
           "data": [named(n, t) for n, t in data], "params": [named(n, t) for n, t in leaves], "steps": []}
    for _ in range(steps):
        opt.zero_grad()
        if model == "mse":
            loss = nn.MSELoss()(p["x"], d["y"])
        else:
            loss = nn.MSELoss()(d["X"] @ p["weight"].T + p["bias"], d["Y"])
        loss.backward()
        grads = {n: tensor_json(t.grad) for n, t in leaves}
        opt.step()
        run["steps"].append({"loss": num(loss.item()), "grads": grads,
                             "params": {n: tensor_json(t) for n, t in leaves}})
    return run


def gen_sgd():
    rng = torch.Generator().manual_seed(zlib.crc32(b"sgd"))
    runs = [sgd_run("doc", F32, "mse", {"lr": 0.1}, [("y", torch.tensor([1.0, 2, 3]))],
                    [("x", torch.tensor([.5, 2, 4]))], 95)]
    data = [("X", torch.randn((4, 3), generator=rng, dtype=F64)), ("Y", torch.randn((4, 2), generator=rng, dtype=F64))]
    params = [("weight", torch.randn((2, 3), generator=rng, dtype=F64)), ("bias", torch.randn((2,), generator=rng, dtype=F64))]
    variants = [
        ("plain", {}),
        ("lr0.05", {"lr": 0.05}),
        ("momentum", {"momentum": 0.9}),
        ("momentum/dampening", {"momentum": 0.9, "dampening": 0.5}),
        ("nesterov", {"momentum": 0.9, "nesterov": True}),
        ("weightdecay", {"weight_decay": 0.1}),
        ("maximize", {"maximize": True}),
        ("momentum/weightdecay", {"momentum": 0.8, "weight_decay": 0.05}),
        ("nesterov/weightdecay", {"momentum": 0.5, "nesterov": True, "weight_decay": 0.2}),
        ("momentum/dampening/weightdecay/maximize", {"momentum": 0.9, "dampening": 0.3, "weight_decay": 0.1, "maximize": True}),
        ("nesterov/maximize", {"momentum": 0.9, "nesterov": True, "maximize": True}),
        ("dampening/nomomentum", {"dampening": 0.5}),
    ]
    for tag, opts in variants:
        for dt in DTYPES:
            runs.append(sgd_run("linear/%s/%s" % (tag, dname(dt)), dt, "linear", opts, data, params, 6))
    os.makedirs(OPTIM_DIR, exist_ok=True)
    write_json(os.path.join(OPTIM_DIR, "sgd.json"), {"torch": torch.__version__, "optimizer": "sgd", "runs": runs}, "runs")
    return len(runs)


def main(argv):
    warnings.simplefilter("ignore")
    torch.set_num_threads(1)
    torch.manual_seed(0)
    only = set(argv[1:])
    total = 0
    for gen in GENERATORS:
        g = gen()
        if only and g.loss not in only:
            continue
        n = g.write()
        total += n
        print("%-12s %4d cases" % (g.loss, n))
    print("total %d loss cases" % total)
    if not only or "sgd" in only:
        print("sgd %d runs" % gen_sgd())


if __name__ == "__main__":
    main(sys.argv)
