# Tensor.backward(inputs=...) and torch.autograd.backward
import torch

x = torch.tensor([1., 2.], requires_grad=True)
w = torch.tensor([3., 4.], requires_grad=True)
y = (x * w).sum()
y.backward(inputs=[x])
print(x.grad, w.grad)
y = (x * w).sum()
y.backward(inputs=w)
print(x.grad, w.grad)
x.grad = None
w.grad = None
q = x * 2
r = (q * w).sum()
r.backward(inputs=[q])
print(x.grad, w.grad, q.grad, q.retains_grad)
torch.autograd.backward([(x * 2).sum(), (x * 3).sum()])
print(x.grad)
torch.autograd.backward((x * x).sum(), inputs=x)
print(x.grad)
torch.autograd.backward(x * 5, grad_tensors=torch.ones(2))
print(x.grad)
torch.autograd.backward([x * 5, w * 2], [torch.tensor([1., 0.]), torch.tensor([0., 1.])])
print(x.grad, w.grad)
s = x.sum()
torch.autograd.backward(s, retain_graph=True)
torch.autograd.backward(s)
print(x.grad)
print(torch.autograd.backward((w * w).sum(), inputs=[w]))
print(w.grad)
