import torch
def tr(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+": "+str(e))
def aug(op):
    b = torch.tensor([True, False])
    if op == '+1': b += 1
    if op == '+b': b += b
    if op == '+T': b += True
    if op == '-b': b -= b
    if op == '-1': b -= 1
    if op == '*2': b *= 2
    if op == '*b': b *= b
    if op == '/2': b /= 2
    if op == 'fill': b.fill_(5)
    if op == 'zero': b.zero_()
    if op == 'fill0.5': b.fill_(0.5)
    return b
for op in ['+1','+b','+T','-b','-1','*2','*b','/2','fill','zero','fill0.5']:
    print(op, end=' '); tr(lambda: aug(op))
i = torch.tensor([1, 2])
def aug2():
    i2 = torch.tensor([1, 2]); i2 += torch.tensor([True, False]); return i2
tr(aug2)
def aug3():
    f = torch.tensor([1., 2.]); f *= torch.tensor([True, False]); return f
tr(aug3)
tr(lambda: torch.tensor([1.]) - True)
tr(lambda: True - torch.tensor([1.]))
tr(lambda: torch.tensor([1.]) - torch.tensor([True]))
tr(lambda: torch.tensor([3]) - torch.tensor(True))
tr(lambda: torch.tensor([1.]) + True)
tr(lambda: torch.tensor([1.]) * False)
tr(lambda: torch.tensor([2]) ** True)
tr(lambda: torch.tensor([2.]) / True)
tr(lambda: torch.tensor([True, False]) ** torch.tensor([True, True]))
tr(lambda: torch.tensor([True, False]) / 2)
tr(lambda: 2 / torch.tensor([True, False]))
tr(lambda: torch.tensor([True, False]) ** 0.5)
tr(lambda: 2 ** torch.tensor([True, False]))
tr(lambda: torch.tensor([True, False]) ** True)
tr(lambda: True ** torch.tensor([True, False]))
tr(lambda: torch.pow(True, torch.tensor([True, False])))
tr(lambda: torch.maximum(torch.tensor([True, False]), torch.tensor([False, False])))
