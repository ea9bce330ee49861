# A tutorial training loop as a learner types it into notebook cells (the Node test runs each
# "# --- cell ---" part as its own cell in one page session): a Module, MSELoss, SGD, losses.
import torch
from torch import nn
torch.manual_seed(0)
x = torch.linspace(-2, 2, 64).unsqueeze(1)
y = torch.sin(2 * x) + 0.1 * torch.randn(64, 1)
# --- cell ---
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(1, 16)
        self.out = nn.Linear(16, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))

model = Net()
print(model)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
# --- cell ---
for step in range(40):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if step % 5 == 0:
        print(f"step {step:2d}  loss {loss.item():.6f}")
print(loss)
print(model.out.bias.grad)
