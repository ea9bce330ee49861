# Every optimizer update rule, 30 steps each, bit for bit; lr_scheduler StepLR and CosineAnnealingLR
import torch, math
torch.manual_seed(0)
class Poly(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.randn(()))
        self.b = torch.nn.Parameter(torch.randn(()))
        self.c = torch.nn.Parameter(torch.randn(37))
    def forward(self, x):
        return self.a + self.b * x + self.c * x ** 2
x = torch.linspace(-math.pi, math.pi, 37)
y = torch.sin(x)
for Opt, kw in [(torch.optim.SGD, dict(lr=1e-3)), (torch.optim.SGD, dict(lr=1e-3, momentum=0.9, nesterov=True, weight_decay=0.01)),
                (torch.optim.Adam, dict(lr=1e-2)), (torch.optim.Adam, dict(lr=1e-2, amsgrad=True, weight_decay=0.1)),
                (torch.optim.AdamW, dict(lr=1e-2)), (torch.optim.RMSprop, dict(lr=1e-2)),
                (torch.optim.RMSprop, dict(lr=1e-2, momentum=0.5, centered=True)), (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.01))]:
    torch.manual_seed(0)
    model = Poly()
    opt = Opt(model.parameters(), **kw)
    for t in range(30):
        loss = ((model(x) - y) ** 2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(Opt.__name__, loss.item(), model.a.item(), model.c[:3])
print(opt.state_dict()['param_groups'])
sched_opt = torch.optim.SGD(model.parameters(), lr=0.1)
s = torch.optim.lr_scheduler.StepLR(sched_opt, step_size=2, gamma=0.5)
for i in range(5):
    sched_opt.step()
    s.step()
    print(s.get_last_lr())
print(sched_opt)
c = torch.optim.lr_scheduler.CosineAnnealingLR(sched_opt, T_max=4)
for i in range(6):
    sched_opt.step(); c.step(); print(c.get_last_lr())
torch.optim.SGD([], lr=0.1)
