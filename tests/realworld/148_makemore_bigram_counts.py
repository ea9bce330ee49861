# source: karpathy/nn-zero-to-hero:lectures/makemore/makemore_part1_bigrams.ipynb
# edits: names.txt (file I/O, 32033 names) replaced by an inline list of 100 popular names covering all 26 letters; code cells 1-16 and 23-26 joined (the plotting cell 11 and cells 17-22, which use P before the notebook defines it, dropped); print(...) around each cell's displayed value, except the sorted bigram list (cell 6), whose first 10 items are printed
words = '''emma olivia ava isabella sophia charlotte mia amelia harper evelyn abigail emily elizabeth mila
ella avery sofia camila aria scarlett victoria madison luna grace chloe penelope layla riley zoey
nora lily eleanor hannah lillian addison aubrey ellie stella natalie zoe leah hazel violet aurora
savannah audrey brooklyn bella claire skylar lucy paisley everly anna caroline nova genesis emilia
kennedy samantha maya willow kinsley naomi aaliyah elena sarah ariana allison gabriella alice
madelyn cora ruby eva serenity autumn adeline hailey gianna valentina isla eliana quinn nevaeh ivy
sadie piper lydia alexa josephine emery julia delilah arianna vivian kaylee sophie brielle madeline'''.split()  # stand-in for open('names.txt', 'r').read().splitlines()

# [cell 1]
print(words[:10])

# [cell 2]
print(len(words))

# [cell 3]
print(min(len(w) for w in words))

# [cell 4]
print(max(len(w) for w in words))

# [cell 5]
b = {}
for w in words:
  chs = ['<S>'] + list(w) + ['<E>']
  for ch1, ch2 in zip(chs, chs[1:]):
    bigram = (ch1, ch2)
    b[bigram] = b.get(bigram, 0) + 1

# [cell 6]
print(sorted(b.items(), key = lambda kv: -kv[1])[:10])

# [cell 7]
import torch

# [cell 8]
N = torch.zeros((27, 27), dtype=torch.int32)

# [cell 9]
chars = sorted(list(set(''.join(words))))
stoi = {s:i+1 for i,s in enumerate(chars)}
stoi['.'] = 0
itos = {i:s for s,i in stoi.items()}

# [cell 10]

for w in words:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    N[ix1, ix2] += 1
    

# [cell 12]
print(N[0])

# [cell 13]
p = N[0].float()
p = p / p.sum()
print(p)

# [cell 14]
g = torch.Generator().manual_seed(2147483647)
ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
print(itos[ix])

# [cell 15]
g = torch.Generator().manual_seed(2147483647)
p = torch.rand(3, generator=g)
p = p / p.sum()
print(p)

# [cell 16]
print(torch.multinomial(p, num_samples=100, replacement=True, generator=g))

# [cell 23]
P = (N+1).float()
P /= P.sum(1, keepdims=True)

# [cell 24]
g = torch.Generator().manual_seed(2147483647)

for i in range(5):
  
  out = []
  ix = 0
  while True:
    p = P[ix]
    ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
    out.append(itos[ix])
    if ix == 0:
      break
  print(''.join(out))

# [cell 25]
# GOAL: maximize likelihood of the data w.r.t. model parameters (statistical modeling)
# equivalent to maximizing the log likelihood (because log is monotonic)
# equivalent to minimizing the negative log likelihood
# equivalent to minimizing the average negative log likelihood

# log(a*b*c) = log(a) + log(b) + log(c)

# [cell 26]
log_likelihood = 0.0
n = 0

for w in words:
#for w in ["andrejq"]:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    prob = P[ix1, ix2]
    logprob = torch.log(prob)
    log_likelihood += logprob
    n += 1
    #print(f'{ch1}{ch2}: {prob:.4f} {logprob:.4f}')

print(f'{log_likelihood=}')
nll = -log_likelihood
print(f'{nll=}')
print(f'{nll/n}')

