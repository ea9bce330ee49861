# source: d2l-ai/d2l-en:chapter_preliminaries/probability.md
# edits: pytorch tab cells of the coin-tossing section joined; print(...) around each cell's displayed value; added random.seed(0) and torch.manual_seed(0); %matplotlib, the d2l import, the .numpy() conversion and the plotting lines dropped
import random
import torch
from torch.distributions.multinomial import Multinomial
random.seed(0)
torch.manual_seed(0)

num_tosses = 100
heads = sum([random.random() > 0.5 for _ in range(num_tosses)])
tails = num_tosses - heads
print("heads, tails: ", [heads, tails])

fair_probs = torch.tensor([0.5, 0.5])
print(Multinomial(100, fair_probs).sample())

print(Multinomial(100, fair_probs).sample() / 100)

counts = Multinomial(10000, fair_probs).sample()
print(counts / 10000)

counts = Multinomial(1, fair_probs).sample((10000,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
