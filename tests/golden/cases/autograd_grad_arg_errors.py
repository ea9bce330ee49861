# torch.autograd.grad / backward argument errors, as 1.13 words them
import torch
x = torch.tensor([1., 2.], requires_grad=True)
c = torch.tensor([1., 2.])
for f in [lambda: (x*2).sum().backward(inputs=[c]),
          lambda: (x*2).sum().backward(inputs=[torch.tensor(1., requires_grad=True)]),
          lambda: torch.autograd.grad((x*2).sum(), x, grad_outputs=2.0),
          lambda: torch.autograd.grad([(x*2).sum(), (x*3).sum()], x, grad_outputs=[None]),
          lambda: torch.autograd.grad((x*2).sum(), []),
          lambda: torch.autograd.backward((x*2).sum(), grad_tensors=[torch.ones(2)]),
          lambda: torch.autograd.grad(x, x),
          lambda: torch.autograd.grad(3, x),
          ]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(x.grad)
