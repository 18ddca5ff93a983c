#!/usr/bin/python3
"""Time the rows of the reference table through PyTorch.

Each row is a loss at a shape, float32, reduction mean (batchmean for KL),
with the same id, the same distributions of values and the same inputs
getting gradients as the engine's benchmarks (engine_test.go, rows_test.go).

  fwd     the forward alone (no input requires grad)
  fwdbwd  the forward and backward for the gradient of the row's inputs
          (their .grad set to None before each call)

and the optimizer's rows (STEPS), torch.optim.SGD.step:

  step    the for-loop form (foreach=False)
  foreach the foreach form (foreach=True)

A timing warms up, then calls the row repeatedly for at least --budget
seconds (and at least --min calls), timing each call with
time.perf_counter; it prints the median. Output, one line per timing:

  <id> <mode> <median microseconds> <calls>

Lines starting with # are comments. Run it with Debian's python3-torch
(/usr/bin/python3), under the malloc settings of the reference:

  MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296 \\
      /usr/bin/python3 bench/torch_bench.py --threads 1
"""

import argparse
import re
import statistics
import sys
import time
import zlib

import torch
import torch.nn.functional as F


def normal(*shape):
    return torch.randn(*shape, dtype=torch.float32)


def bits(*shape):
    return torch.randint(0, 2, shape).to(torch.float32)


def signs(*shape):
    return bits(*shape) * 2 - 1


def classes(lo, c, *shape):
    return torch.randint(lo, c, shape, dtype=torch.int64)


def normals(k):
    return lambda d: tuple(normal(*d) for _ in range(k))


def probs_bits(d):
    return torch.sigmoid(normal(*d)), bits(*d)


def logits_bits(d):
    return normal(*d), bits(*d)


def logits_signs(d):
    return normal(*d), signs(*d)


def logprobs_probs(d):
    return F.log_softmax(normal(*d), -1), F.softmax(normal(*d), -1)


def scores_classes(logp):
    def build(d):
        n, c = d
        x = normal(n, c)
        if logp:
            x = F.log_softmax(x, 1)
        return x, classes(0, c, n)
    return build


def scores_probs(d):
    return normal(*d), F.softmax(normal(*d), 1)


def ctc_inputs(d):
    t, n, c, s = d
    lp = F.log_softmax(normal(t, n, c), 2)
    return (lp, classes(1, c, n, s), torch.full((n,), t, dtype=torch.int64),
            torch.full((n,), s, dtype=torch.int64))


def ce_smooth(x, y):
    return F.cross_entropy(x, y, label_smoothing=0.1)


def multimargin(x, y):
    return F.multi_margin_loss(x, y, p=1)


def kl_batchmean(x, y):
    return F.kl_div(x, y, reduction="batchmean")


def clone(x):
    return x.clone()


# id, function, sizes, build, inputs that get gradients (none: fwd only)
ROWS = [
    ("copy_1e7", clone, (10**7,), normals(1), ()),
    ("mse_1e6", F.mse_loss, (10**6,), normals(2), (0,)),
    ("mse_1e7", F.mse_loss, (10**7,), normals(2), (0,)),
    ("l1_1e7", F.l1_loss, (10**7,), normals(2), (0,)),
    ("smoothl1_1e7", F.smooth_l1_loss, (10**7,), normals(2), (0,)),
    ("huber_1e7", F.huber_loss, (10**7,), normals(2), (0,)),
    ("bce_1e7", F.binary_cross_entropy, (10**7,), probs_bits, (0,)),
    ("bcelogits_1e7", F.binary_cross_entropy_with_logits, (10**7,), logits_bits, (0,)),
    ("softmargin_1e7", F.soft_margin_loss, (10**7,), logits_signs, (0,)),
    ("kl-batchmean_1e7", kl_batchmean, (10**4, 1000), logprobs_probs, (0,)),
    ("ce_4096x1000", F.cross_entropy, (4096, 1000), scores_classes(False), (0,)),
    ("ce_65536x10", F.cross_entropy, (65536, 10), scores_classes(False), (0,)),
    ("ce-smooth0.1_4096x1000", ce_smooth, (4096, 1000), scores_classes(False), (0,)),
    ("ce-prob_4096x1000", F.cross_entropy, (4096, 1000), scores_probs, (0,)),
    ("nll_4096x1000", F.nll_loss, (4096, 1000), scores_classes(True), (0,)),
    ("multimargin-p1_4096x1000", multimargin, (4096, 1000), scores_classes(False), (0,)),
    ("multisoft_4096x1000", F.multilabel_soft_margin_loss, (4096, 1000), logits_bits, (0,)),
    ("ctc_T50N16C20S30", F.ctc_loss, (50, 16, 20, 30), ctc_inputs, (0,)),
    ("triplet_4096x512", F.triplet_margin_loss, (4096, 512), normals(3), (0, 1, 2)),
    ("cosine_4096x512", F.cosine_similarity, (4096, 512), normals(2), (0, 1)),
]


# The optimizer's rows: torch.optim.SGD's step on one float32 parameter of
# n elements, its gradient set once, after a first step (which makes the
# momentum buffer); timed in the for-loop form (mode step) and the foreach
# form (mode foreach). id, options, n
STEPS = [
    ("sgd_1e7", dict(lr=1e-3), 10**7),
    ("sgd-momentum_1e7", dict(lr=1e-3, momentum=0.9), 10**7),
    ("sgd-nesterov_1e7", dict(lr=1e-3, momentum=0.9, nesterov=True), 10**7),
    ("sgd-wd_1e7", dict(lr=1e-3, weight_decay=1e-4), 10**7),
]


def sgd_step(opts, n, foreach):
    p = normal(n).requires_grad_(True)
    p.grad = normal(n)
    opt = torch.optim.SGD([p], foreach=foreach, **opts)
    opt.step()
    return opt.step


def timeit(call, budget, least, warm):
    """Median seconds per call of call, after warm calls."""
    for _ in range(warm):
        call()
    times = []
    start = time.perf_counter()
    while len(times) < least or time.perf_counter() - start < budget:
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(times)


def forward(fn, ins):
    def call():
        fn(*ins)
    return call


def forward_backward(fn, ins, grads):
    xs = list(ins)
    for k in grads:
        xs[k] = ins[k].detach().requires_grad_(True)
    out = fn(*xs)
    g = None if out.numel() == 1 else torch.ones_like(out)

    def call():
        for k in grads:
            xs[k].grad = None
        fn(*xs).backward(g)
    return call


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    p.add_argument("--rows", default="", help="regular expression: time the rows whose id it matches")
    p.add_argument("--budget", type=float, default=0.3, help="seconds of timed calls per timing")
    p.add_argument("--min", type=int, default=3, help="least number of timed calls")
    p.add_argument("--warm", type=int, default=1, help="untimed calls first")
    p.add_argument("--list", action="store_true", help="print the row ids and exit")
    a = p.parse_args()
    if a.list:
        for r in ROWS + STEPS:
            print(r[0])
        return
    torch.set_num_threads(a.threads)
    print(f"# torch {torch.__version__} threads {torch.get_num_threads()}", flush=True)
    pat = re.compile(a.rows)
    for rid, fn, dims, build, grads in ROWS:
        if not pat.search(rid):
            continue
        torch.manual_seed(zlib.crc32(rid.encode()))
        ins = build(dims)
        timings = [("fwd", forward(fn, ins))]
        if grads:
            timings.append(("fwdbwd", forward_backward(fn, ins, grads)))
        for mode, call in timings:
            t, n = timeit(call, a.budget, a.min, a.warm)
            print(f"{rid} {mode} {t * 1e6:.1f} {n}", flush=True)
        del ins, timings
    for sid, opts, n in STEPS:
        if not pat.search(sid):
            continue
        torch.manual_seed(zlib.crc32(sid.encode()))
        for mode, foreach in (("step", False), ("foreach", True)):
            call = sgd_step(opts, n, foreach)
            t, k = timeit(call, a.budget, a.min, a.warm)
            print(f"{sid} {mode} {t * 1e6:.1f} {k}", flush=True)
            del call


if __name__ == "__main__":
    sys.exit(main())
