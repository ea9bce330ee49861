# addcmul (self + value * t1 * t2, the product fused into one fma as ATen's AVX2 kernel is
# compiled) and addcdiv, out of place and in place as optimizers use them; sqrt_ and lerp_.
import torch
torch.manual_seed(0)
s = torch.randn(37)
a = torch.randn(37)
b = torch.randn(37) + 3
for v in [1, 0.3, -0.7]:
    print(v, torch.addcmul(s, a, b, value=v).tolist())
    print(v, torch.addcdiv(s, a, b, value=v).tolist())
print(s.addcmul(a, b), s.addcdiv(a, b, value=2))
m = torch.randn(3, 4)
print(torch.addcmul(m, torch.randn(4), torch.randn(3, 1), value=0.5))
# in place, as Adam's update does it
torch.manual_seed(1)
p = torch.randn(50, requires_grad=True)
exp_avg = torch.zeros(50)
exp_avg_sq = torch.zeros(50)
for step in range(1, 4):
    g = torch.randn(50)
    exp_avg.mul_(0.9).add_(g, alpha=0.1)
    exp_avg_sq.mul_(0.999).addcmul_(g, g, value=0.001)
    denom = (exp_avg_sq.sqrt() / (1 - 0.999 ** step) ** 0.5).add_(1e-8)
    with torch.no_grad():
        p.addcdiv_(exp_avg, denom, value=-0.01 / (1 - 0.9 ** step))
    print(step, p.tolist()[:8], exp_avg_sq.tolist()[:4])
q = torch.rand(37)
q.sqrt_()
print(q.tolist())
r = torch.randn(37)
e = torch.randn(37)
r.lerp_(e, 0.1)
print(r.tolist())
r.lerp_(e, 0.7)
print(r.tolist())
d = torch.randn(5, dtype=torch.float64)
d.addcmul_(torch.randn(5, dtype=torch.float64), torch.randn(5, dtype=torch.float64), value=0.3)
print(d)
