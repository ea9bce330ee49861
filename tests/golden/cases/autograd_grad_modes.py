# torch.inference_mode, set_grad_enabled (both forms), enable_grad, is_grad_enabled
import torch

x = torch.tensor([1., 2.], requires_grad=True)
with torch.inference_mode():
    y = x * 2
    print(y, y.requires_grad, y.is_inference(), torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    z = torch.ones(2, requires_grad=True)
    print(z, z.requires_grad, z.is_inference())
    w = z * 2
    print(w, w.requires_grad)
print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), x.is_inference())
print(torch.inference_mode, type(torch.inference_mode()))


@torch.inference_mode()
def f(a):
    return a * 3


r = f(x)
print(r, r.is_inference(), torch.is_inference_mode_enabled())
with torch.inference_mode(False):
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), (x * 2).requires_grad)
with torch.no_grad():
    with torch.inference_mode(False):
        print("nested", torch.is_grad_enabled())
    print(torch.is_grad_enabled())
print((y + 1).is_inference(), (y + 1).requires_grad)
c = y.clone()
print(c.is_inference(), y.detach().is_inference())
print(type(torch.set_grad_enabled(False)), torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled(), (x * 2).requires_grad)
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
with torch.enable_grad():
    print(torch.is_grad_enabled(), (x * 2).requires_grad)
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)


@torch.enable_grad()
def h():
    return torch.is_grad_enabled()


with torch.no_grad():
    print(h())
with torch.set_grad_enabled(True):
    print((x * 2).grad_fn is not None)
print(torch.autograd.set_grad_enabled is torch.set_grad_enabled, torch.autograd.inference_mode is torch.inference_mode)
with torch.inference_mode() as im:
    print(im)
