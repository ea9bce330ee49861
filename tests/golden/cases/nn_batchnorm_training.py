# A small classifier with BatchNorm1d, LayerNorm and an Embedding trained with SGD: losses,
# running statistics and parameters after training, then eval predictions.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(12, 6)
        self.fc1 = nn.Linear(6, 16)
        self.bn = nn.BatchNorm1d(16)
        self.ln = nn.LayerNorm(16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, tokens):
        h = self.emb(tokens).mean(1)
        h = F.relu(self.bn(self.fc1(h)))
        return self.fc2(self.ln(h))


net = Net()
print(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
tokens = torch.randint(0, 12, (32, 5))
labels = tokens[:, 0] % 3
for epoch in range(15):
    opt.zero_grad()
    loss = F.cross_entropy(net(tokens), labels)
    loss.backward()
    opt.step()
    if epoch % 3 == 0:
        print(epoch, loss.item())
print(net.bn.running_mean.tolist())
print(net.bn.running_var.tolist())
print(net.bn.num_batches_tracked)
print(net.ln.weight.tolist())
print(net.emb.weight[3].tolist())
net.eval()
with torch.no_grad():
    out = net(tokens[:6])
print(out.tolist())
print(list(net.state_dict().keys()))
