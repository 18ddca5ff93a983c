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

def gen_mse():
    g = Gen("mse", nn.MSELoss)
    two = pair()
    for shape in [(3, 4), (5,), (), (2, 3, 2)]:
        g.each("shape" + "x".join(map(str, shape)), {},
               lambda: two(g.randn(*shape), g.randn(*shape)))
    # equal elements: zero difference
    g.each("equal", {}, lambda: two(torch.tensor([1.0, 2, 3], dtype=F64), torch.tensor([1.0, 2, 3.5], dtype=F64)))
    # the loss document's example
    g.each("doc", {}, lambda: two(torch.tensor([.5, 2, 5], dtype=F64), torch.tensor([1.0, 2, 3], dtype=F64)))
    # dtype promotion: float32 input, float64 target
    for red in REDUCTIONS:
        g.add(red + "/promote", F32, {"reduction": red},
              [("input", g.randn(3).to(F32), True), ("target", g.randn(3), True)])
    # shape mismatch that cannot broadcast
    for dt in DTYPES:
        g.add("error/shape", dt, {}, [("input", g.randn(3).to(dt), True), ("target", g.randn(4).to(dt), True)])
    return g


GENERATORS = [gen_mse]


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


if __name__ == "__main__":
    main(sys.argv)
