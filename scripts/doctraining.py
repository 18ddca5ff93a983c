"""Print the loss page's training run with PyTorch: the rows of
`{.1<first x} f[l;o;x;y]\\ ...` and the last rows of the run to 1e-06,
formatted as q prints them at its default precision. The expected rows of
ktorch/testdata/loss.q come from here (the page itself elides some).

Run with Debian's python3-torch: /usr/bin/python3 scripts/doctraining.py
"""
import torch

x = torch.tensor([.5, 2, 4], requires_grad=True)
y = torch.tensor([1., 2, 3])
opt = torch.optim.SGD([x], lr=.1)
mse = torch.nn.MSELoss()
rows = [(float("inf"), x.detach().clone())]
while True:
    opt.zero_grad()
    z = mse(x, y)
    z.backward()
    opt.step()
    rows.append((z.item(), x.detach().clone()))
    if not z.item() > 1e-6:
        break


def q(v):
    return "0w" if v == float("inf") else "%.7g" % v


def show(rs):
    for a, b in rs:
        print(q(a), " ".join(q(float(t)) for t in b))


n = next(i for i, (a, _) in enumerate(rows) if not a > .1)
print("to .1: %d rows" % (n + 1))
show(rows[: n + 1])
print("to 1e-06: %d rows, the last 3:" % len(rows))
show(rows[-3:])
