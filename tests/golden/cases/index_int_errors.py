import torch
x = torch.arange(12.).reshape(3, 4)
def tr(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
tr(lambda: x[torch.tensor([0, 5])])
tr(lambda: x[:, torch.tensor([0, 5])])
tr(lambda: x[[0, 4], [9, 0]])
tr(lambda: x[torch.tensor([0, 1]), torch.tensor([0, 1, 2])])
tr(lambda: x[torch.tensor([0., 1])])
tr(lambda: x[[0.5, 1]])
tr(lambda: x[[-4]])
tr(lambda: x[torch.tensor([True, False]), 1])
tr(lambda: x[[0, 1], [0], [1]])
def f():
    y = torch.zeros(3, 4)
    y[torch.tensor([0, 2])] = torch.tensor([1., 2, 3, 4], dtype=torch.float64)
tr(f)
def f():
    y = torch.zeros(3, 4)
    y[torch.tensor([0, 2])] = torch.tensor([1., 2, 3])
tr(f)
def f():
    w = torch.zeros(3, requires_grad=True)
    w[[0]] = 1.
tr(f)
x[torch.tensor([3])]
