import torch
import torch.nn as nn
torch.manual_seed(0)

# A physics-informed style second derivative: u(x) from a tanh MLP, u_x and u_xx by autograd.
net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
x = torch.linspace(-1, 1, 5).reshape(-1, 1).requires_grad_(True)
u = net(x)
u_x = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
u_xx = torch.autograd.grad(u_x, x, torch.ones_like(u_x), create_graph=True)[0]
print(u_x)
print(u_xx)
loss = (u_xx + u).pow(2).mean()
loss.backward()
print(net[0].weight.grad)
print(net[4].bias.grad)

# sigmoid and relu
w = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
s = torch.sigmoid(w * 2).sum()
(g,) = torch.autograd.grad(s, w, create_graph=True)
print(g)
(h,) = torch.autograd.grad(g.sum(), w)
print(h)
r = torch.relu(w).pow(2).sum()
(gr,) = torch.autograd.grad(r, w, create_graph=True)
print(gr)
print(torch.autograd.grad(gr.sum(), w))

# tanh third derivative
z = torch.tensor([0.5, -0.25], requires_grad=True)
y = torch.tanh(z)
d1 = torch.autograd.grad(y.sum(), z, create_graph=True)[0]
d2 = torch.autograd.grad(d1.sum(), z, create_graph=True)[0]
d3 = torch.autograd.grad(d2.sum(), z)[0]
print(d1, d2, d3)

# Hessian-vector product through mm
A = torch.randn(3, 3)
v = torch.randn(3, 1, requires_grad=True)
f = (torch.tanh(A @ v)).pow(2).sum()
gv = torch.autograd.grad(f, v, create_graph=True)[0]
hv = torch.autograd.grad(gv, v, torch.ones_like(gv))[0]
print(gv, hv)

# gradient penalty (WGAN-GP style) on a small critic
critic = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
pts = torch.randn(6, 2, requires_grad=True)
out = critic(pts)
grads = torch.autograd.grad(out, pts, torch.ones_like(out), create_graph=True)[0]
penalty = ((grads.pow(2).sum(dim=1).sqrt() - 1) ** 2).mean()
penalty.backward()
print(penalty)
print(critic[0].weight.grad)
