# conv argument and shape errors, in PyTorch's words
import torch
import torch.nn.functional as F
from torch import nn
def attempt(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)
attempt(lambda: F.conv2d(torch.randn(1, 3, 32, 32), torch.randn(6, 1, 5, 5)))
attempt(lambda: F.conv2d(torch.randn(3, 32), torch.randn(6, 1, 5, 5)))
attempt(lambda: F.conv1d(torch.randn(3), torch.randn(6, 1, 5)))
attempt(lambda: F.conv2d(torch.randn(1, 1, 3, 3), torch.randn(6, 1, 5, 5)))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), torch.randn(5)))
attempt(lambda: F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 4, 5, 5), groups=4))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), stride=2, padding='same'))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), padding='foo'))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), stride=0))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), padding=-1))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), dilation=0))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), groups=0))
attempt(lambda: F.conv1d(torch.randn(1, 1, 8), torch.randn(6, 1, 5), stride=[1, 1]))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8, dtype=torch.float64), torch.randn(6, 1, 5, 5)))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5, dtype=torch.float64)))
attempt(lambda: F.conv2d(torch.randn(1, 1, 8, 8), torch.randn(6, 1, 5, 5), torch.randn(6, dtype=torch.float64)))
attempt(lambda: nn.Conv2d(4, 6, 3, groups=3))
attempt(lambda: nn.Conv2d(3, 5, 3, groups=3))
attempt(lambda: nn.Conv2d(3, 6, 3, stride=2, padding='same'))
conv = nn.Conv2d(1, 6, 5)
attempt(lambda: conv(torch.randn(1, 3, 32, 32)))
