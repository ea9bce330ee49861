# The distance and embedding-loss modules, rrelu in evaluation mode, softmin: reprs, grad_fn
# names down the graph, values and gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)


def walk(fn, depth=0):
    if fn is None:
        return
    print('  ' * depth + fn.name())
    for child, _ in fn.next_functions:
        walk(child, depth + 1)


x = torch.randn(3, 4, requires_grad=True)
y = torch.randn(3, 4, requires_grad=True)
t = torch.tensor([1.0, -1.0, 1.0])

for m in [nn.PairwiseDistance(), nn.PairwiseDistance(p=1.0, keepdim=True), nn.CosineSimilarity(), nn.CosineSimilarity(dim=0, eps=1e-6),
          nn.Softmin(dim=1), nn.RReLU(), nn.RReLU(0.1, 0.3, inplace=True), nn.MarginRankingLoss(margin=0.5),
          nn.HingeEmbeddingLoss(), nn.CosineEmbeddingLoss(reduction='sum'), nn.TripletMarginLoss(margin=2.0, p=1)]:
    print(m)

d = nn.PairwiseDistance()(x, y)
print(d)
walk(d.grad_fn)
c = nn.CosineSimilarity()(x, y)
print(c)
walk(c.grad_fn)
c.sum().backward()
print(x.grad)
print(y.grad)

n = F.normalize(x, dim=0)
print(n)
walk(n.grad_fn)
s = nn.Softmin(dim=1)(x)
print(s)
walk(s.grad_fn)

r = nn.RReLU()
r.eval()
out = r(x)
print(out)
walk(out.grad_fn)
x.grad = None
out.sum().backward()
print(x.grad)
print(F.rrelu(x, 0.2, 0.4))
print(torch.rrelu(x.detach().double(), 0.0, 1.0))
print(F.rrelu(torch.tensor([-2.0, 0.0, 3.0]), training=False))

loss = nn.MarginRankingLoss(margin=0.2)(x[:, 0], y[:, 0], t)
print(loss)
walk(loss.grad_fn)
loss = nn.HingeEmbeddingLoss(margin=0.5)(x, torch.tensor([1.0, -1.0, -1.0, 1.0]))
print(loss)
walk(loss.grad_fn)
loss = nn.CosineEmbeddingLoss(margin=0.1)(x, y, t)
print(loss)
walk(loss.grad_fn)
loss = nn.TripletMarginLoss()(x, y, x * 2)
print(loss)
walk(loss.grad_fn)
x.grad = None
y.grad = None
loss.backward()
print(x.grad)
print(y.grad)
print(F.cosine_embedding_loss(x, y, t, reduction='none'))
print(F.hinge_embedding_loss(x, torch.ones(4), reduction='none'))
print(F.margin_ranking_loss(x, y, torch.ones(3, 4), reduction='none'))
print(F.pairwise_distance(torch.tensor([1, 2]), torch.tensor([3, 5])))
print(F.pairwise_distance(torch.tensor(2.0), torch.tensor(3.5)))
print(F.cosine_similarity(torch.tensor([[1, 2]]), torch.tensor([[3.0, 4.0]])))
print(torch.cosine_similarity(x, y[0], dim=1))
print(torch.pairwise_distance(x, y, 1.0))
