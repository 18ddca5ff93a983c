#!/usr/bin/python3
"""The console rows of bench/console/rows.q, through PyTorch: the same work
at the same sizes, each warmed up, then n calls timed together; prints
"<row> <ms per call>". Run by bench/console.sh with Debian's python3-torch."""

import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
N = 10


def row(name, f):
    f()
    f()
    t = time.perf_counter()
    for _ in range(N):
        f()
    print(name, (time.perf_counter() - t) * 1000 / N, flush=True)


p = torch.randn(10_000_000, dtype=torch.float32, requires_grad=True)
q = torch.randn(10_000_000, dtype=torch.float32)
o = torch.optim.SGD([p], lr=0.01, momentum=0.9)
F.mse_loss(p, q).backward()
row("sgd_momentum_step", lambda: o.step())


def free_forward():
    w = F.mse_loss(p, q)
    del w


row("mse_forward_free", free_forward)


def fwd_bwd(loss):
    def f():
        w = loss()
        w.backward()
        del w
        p.grad = None
    return f


row("mse_fwd_bwd", fwd_bwd(lambda: F.mse_loss(p, q)))
bl = torch.rand(10_000_000, dtype=torch.float32)
row("bcelogits_fwd_bwd", fwd_bwd(lambda: F.binary_cross_entropy_with_logits(p, bl)))
c = torch.randn(4096, 1000, dtype=torch.float32, requires_grad=True)
ct = torch.randint(0, 1000, (4096,))


def ce():
    w = F.cross_entropy(c, ct)
    w.backward()
    del w
    c.grad = None


row("ce_fwd_bwd", ce)
sys.exit(0)
