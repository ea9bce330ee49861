# The errors of the trigonometric ops: dtypes without a kernel, a number where atan2 needs a
# tensor, an integer tensor written in place, a leaf that requires grad written in place.
import torch
for f in [lambda: torch.hypot(torch.tensor([1, 2]), torch.tensor([3, 4])),
          lambda: torch.tan(torch.tensor([1.0], dtype=torch.float16)),
          lambda: torch.atan2(torch.tensor([1.0], dtype=torch.float16), torch.tensor([1.0], dtype=torch.float16)),
          lambda: torch.erfc(torch.tensor([1.0], dtype=torch.float16)),
          lambda: torch.tensor([1, 2]).asin_(),
          lambda: torch.tensor([True]).erfc_(),
          lambda: torch.tensor([1, 2]).atan2_(torch.tensor([1.0, 2.0])),
          lambda: torch.tensor([0.5], requires_grad=True).acos_(),
          lambda: torch.tensor([0.5, 1.0]).hypot_(torch.ones(2, 2))]:
    try:
        print(f())
    except RuntimeError as e:
        print('RuntimeError:', e)
torch.atan2(torch.tensor([1.0]), 2.0)
