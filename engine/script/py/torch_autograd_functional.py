# torch.autograd.functional: Jacobians and vector-Jacobian products of a Python function, with
# PyTorch 1.13's behaviour (torch/autograd/functional.py): inputs are detached copies that
# require grad, outputs and results come back detached, and the single-tensor-or-tuple shapes
# of inputs and outputs are kept. The Jacobian is built row by row with reverse mode, one
# autograd.grad call per output element, as PyTorch's default (vectorize=False) does. What needs
# higher-order gradients (hessian, jvp, hvp, vhp, create_graph=True) or vmap (vectorize=True)
# says it is not supported. Run on first use (Note [Modules in Python]).
import torch


def _tensors_tuple(value, arg_name, fn_name):
    is_tuple = isinstance(value, tuple)
    items = value if is_tuple else (value,)
    for i, item in enumerate(items):
        if not isinstance(item, torch.Tensor):
            where = "value at index {}".format(i) if is_tuple else "given {}".format(arg_name)
            raise TypeError("The {} given to {} must be either a Tensor or a tuple of Tensors but the"
                            " {} has type {}.".format(arg_name, fn_name, where, type(item)))
    return is_tuple, items


def _unpack(result, is_tuple):
    return result if is_tuple else result[0]


def _needs_higher_order(what):
    raise NotImplementedError("torch.autograd.functional.{} is not supported by gradlab "
                              "(it needs higher-order gradients)".format(what))


def _strict_check(outputs, strict):
    if strict:
        for i, out in enumerate(outputs):
            if not out.requires_grad:
                raise RuntimeError("Output {} of the user-provided function does not require gradients."
                                   " The outputs must be computed in a differentiable manner from the input"
                                   " when running in strict mode.".format(i))


def _grads(outputs, inputs, grad_outputs=None, retain_graph=None):
    # autograd.grad over the outputs that require grad; None for every input when none does.
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return torch.autograd.grad(tuple(o for o, _ in pairs), inputs, tuple(g for _, g in pairs),
                               allow_unused=True, retain_graph=retain_graph)


def _call(func, inputs, fn_name, strict):
    # func on fresh leaves made from the inputs; inputs and outputs as tuples, with whether each was one.
    inputs_tuple, inputs = _tensors_tuple(inputs, "inputs", fn_name)
    inputs = tuple(inp.detach().requires_grad_(True) for inp in inputs)
    outputs_tuple, outputs = _tensors_tuple(func(*inputs), "outputs of the user-provided function", fn_name)
    _strict_check(outputs, strict)
    return inputs_tuple, inputs, outputs_tuple, outputs


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    if create_graph:
        _needs_higher_order("vjp with create_graph=True")
    with torch.enable_grad():
        inputs_tuple, inputs, outputs_tuple, outputs = _call(func, inputs, "vjp", strict)
        if v is not None:
            _, v = _tensors_tuple(v, "v", "vjp")
            v = tuple(el.detach() for el in v)
            if len(v) != len(outputs):
                if outputs_tuple:
                    raise RuntimeError("v is a tuple of invalid length: should be {} but got {}.".format(len(outputs), len(v)))
                raise RuntimeError("The given v should contain a single Tensor.")
            for i, (el, out) in enumerate(zip(v, outputs)):
                if el.size() != out.size():
                    prefix = "Entry {} in ".format(i) if outputs_tuple else ""
                    raise RuntimeError("{}v has invalid size: should be {} but got {}.".format(prefix, out.size(), el.size()))
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function returns "
                               "a single Tensor with a single element.")
    with torch.set_grad_enabled(torch.is_grad_enabled()):
        grads = _grads(outputs, inputs, v)
    result = []
    for i, g in enumerate(grads):
        if g is None:
            if strict:
                raise RuntimeError("The output of the user-provided function is independent of "
                                   "input {}. This is not allowed in strict mode.".format(i))
            g = torch.zeros_like(inputs[i])
        result.append(g.detach())
    outputs = tuple(out.detach() for out in outputs)
    return _unpack(outputs, outputs_tuple), _unpack(tuple(result), inputs_tuple)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    assert strategy in ("forward-mode", "reverse-mode"), (
        'Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your '
        'function has more outputs than inputs, "forward-mode" tends to be more performant. '
        'Otherwise, prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        raise NotImplementedError("torch.autograd.functional.jacobian with strategy=\"forward-mode\" is not supported by gradlab")
    if vectorize:
        raise NotImplementedError("torch.autograd.functional.jacobian with vectorize=True is not supported by gradlab")
    if create_graph:
        _needs_higher_order("jacobian with create_graph=True")
    with torch.enable_grad():
        inputs_tuple, inputs, outputs_tuple, outputs = _call(func, inputs, "jacobian", strict)
        jacobian = []
        for i, out in enumerate(outputs):
            rows = [[] for _ in inputs]  # rows[k]: d out.flatten()[j] / d inputs[k], for each j
            for j in range(out.nelement()):
                grads = _grads((out.reshape(-1)[j],), inputs, retain_graph=True)
                for k, g in enumerate(grads):
                    if g is None:
                        if strict:
                            raise RuntimeError("Output {} of the user-provided function is independent of input {}."
                                               " This is not allowed in strict mode.".format(i, k))
                        g = torch.zeros_like(inputs[k])
                    rows[k].append(g)
            jacobian.append(tuple(torch.stack(rows[k], dim=0).view(out.size() + inputs[k].size()).detach()
                                  for k in range(len(inputs))))
    per_output = tuple(_unpack(row, inputs_tuple) for row in jacobian)
    return _unpack(per_output, outputs_tuple)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    _needs_higher_order("hessian")


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    _needs_higher_order("jvp")


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    _needs_higher_order("hvp")


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    _needs_higher_order("vhp")
