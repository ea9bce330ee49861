# W6 training loop as tutorials write it: a Module subclass (MLP 8→64→64→1, Tanh), nn.MSELoss
# and torch.optim.Adam, 100 steps on one 64×8 batch per measured step. Data and weights are
# fixed sin/cos ramps (no RNG), so TF.js (tf.train.adam) runs the very same numbers.
import torch
from torch import nn

# --- setup ---
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 64)
        self.fc2 = nn.Linear(64, 64)
        self.fc3 = nn.Linear(64, 1)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return self.fc3(x)


model = Net()
with torch.no_grad():
    for i, p in enumerate(model.parameters()):
        p.copy_(torch.sin(torch.arange(p.numel()) * (0.37 + 0.11 * i)).reshape(p.shape) * 0.3)
x = torch.sin(torch.arange(64 * 8) * 0.1).reshape(64, 8)
y = torch.cos(torch.arange(64) * 0.2).reshape(64, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

# --- step ---
for _ in range(100):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()

# --- check ---
loss.item()
