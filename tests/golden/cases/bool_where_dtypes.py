import torch
c = torch.tensor([True, False])
def tr(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+": "+str(e))
tr(lambda: torch.tensor([1, 2]).where(c, 2.5))
tr(lambda: torch.tensor([1, 2]).where(c, torch.tensor(0.5)))
print(torch.where(c, torch.tensor([1, 2]), 0.5), torch.where(c, 7, torch.tensor([1., 2.])), torch.where(c, True, False))
print(torch.where(c, torch.tensor([True, True]), False), torch.where(c, torch.tensor([1., 2.], dtype=torch.float64), 1))
print(torch.where(c, 1, 0.5), torch.where(c, 2, 3))
