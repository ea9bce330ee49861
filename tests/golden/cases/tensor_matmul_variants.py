import torch
A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]], requires_grad=True)
v = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, 0.25, 2.0], requires_grad=True)
C = A @ B
print(C)
print(torch.matmul(A, B))
print(torch.mm(A, B))
print(A.mm(B), A.matmul(B))
Av = A @ v
print(Av)
d = v @ w
print(d)
print(torch.matmul(v, w))
(C.sum() + Av.sum() + d).backward()
print(A.grad)
print(B.grad)
print(v.grad)
print(w.grad)
