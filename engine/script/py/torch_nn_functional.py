# The functions of torch.nn.functional that PyTorch 1.13 itself writes in Python
# (torch/nn/functional.py) as compositions of tensor methods: run as written, they record the
# same nodes (normalize: DivBackward0 over ExpandBackward0 over ClampMinBackward0 over
# NormBackward1) with the same digits. The rest of torch.nn.functional is bound in C++
# (script/nn_functional.cpp); this module fills in the names that the C++ half lacks.
import warnings
import torch


def _get_softmax_dim(name, ndim, stacklevel):
    warnings.warn(
        "Implicit dimension choice for {} has been deprecated. "
        "Change the call to include dim=X as an argument.".format(name),
        stacklevel=stacklevel,
    )
    if ndim == 0 or ndim == 1 or ndim == 3:
        return 0
    return 1


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _get_softmax_dim("softmin", input.dim(), _stacklevel)
    if dtype is None:
        return (-input).softmax(dim)
    return (-input).softmax(dim, dtype=dtype)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    if out is not None:
        raise NotImplementedError("torch.nn.functional.normalize(out=...) is not supported by gradlab")
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom
