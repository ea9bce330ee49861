# torch.autograd.functional: Jacobians, Hessians and vector products of a Python function, with
# PyTorch 1.13's behaviour (torch/autograd/functional.py): inputs are detached copies that
# require grad (or, under create_graph, views that keep their history), outputs and results come
# back detached unless create_graph=True, and the single-tensor-or-tuple shapes of inputs and
# outputs are kept. The Jacobian is built row by row with reverse mode, one autograd.grad call
# per output element, as PyTorch's default (vectorize=False) does; jvp and hvp use the same
# "double backward trick" as PyTorch (the backward of a backward, differentiated with respect to
# the zero gradients fed into it), so their numbers are PyTorch's. strict=True for the
# higher-order functions, vmap (vectorize=True) and forward-mode AD say they are not supported.
# Run on first use (Note [Modules in Python]).
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


def _not_supported(what):
    raise NotImplementedError("torch.autograd.functional.{} is not supported by gradlab".format(what))


def _strict_check(outputs, strict):
    if strict:
        for i, out in enumerate(outputs):
            if not out.requires_grad:
                raise RuntimeError("Output {} of the user-provided function does not require gradients."
                                   " The outputs must be computed in a differentiable manner from the input"
                                   " when running in strict mode.".format(i))


def _grads(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False):
    # autograd.grad over the outputs that require grad; None for every input when none does.
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return torch.autograd.grad(tuple(o for o, _ in pairs), inputs, tuple(g for _, g in pairs),
                               allow_unused=True, retain_graph=retain_graph, create_graph=create_graph)


def _prepare(inputs, create_graph, need_graph):
    # Under create_graph an input that requires grad stays in its graph (a view of it); otherwise
    # a detached copy, requiring grad when the function's graph is needed.
    return tuple(inp.view_as(inp) if create_graph and inp.requires_grad else inp.detach().requires_grad_(need_graph)
                 for inp in inputs)


def _finish(results, create_graph):
    # Results (nested tuples of tensors) keep their graph only under create_graph.
    if isinstance(results, tuple):
        return tuple(_finish(r, create_graph) for r in results)
    return results if create_graph else results.detach()


def _call(func, inputs, fn_name, strict, create_graph=False):
    # func on the prepared inputs; inputs and outputs as tuples, with whether each was one.
    inputs_tuple, inputs = _tensors_tuple(inputs, "inputs", fn_name)
    inputs = _prepare(inputs, create_graph, True)
    outputs_tuple, outputs = _tensors_tuple(func(*inputs), "outputs of the user-provided function", fn_name)
    _strict_check(outputs, strict)
    return inputs_tuple, inputs, outputs_tuple, outputs


def _check_v(v, refs, refs_tuple, fn_name):
    # v given for the inputs (or outputs) `refs`: as many tensors, each of the same size.
    _, v = _tensors_tuple(v, "v", fn_name)
    if len(v) != len(refs):
        if refs_tuple:
            raise RuntimeError("v is a tuple of invalid length: should be {} but got {}.".format(len(refs), len(v)))
        raise RuntimeError("The given v should contain a single Tensor.")
    for i, (el, ref) in enumerate(zip(v, refs)):
        if el.size() != ref.size():
            prefix = "Entry {} in ".format(i) if refs_tuple else ""
            raise RuntimeError("{}v has invalid size: should be {} but got {}.".format(prefix, ref.size(), el.size()))
    return v


def _zeros_for_none(grads, refs):
    return tuple(torch.zeros_like(ref) if g is None else g for g, ref in zip(grads, refs))


def _single_output(func, inputs, fn_name):
    # hessian's, hvp's and vhp's function must give one tensor of one element.
    out = func(*inputs)
    _tensors_tuple(out, "outputs of the user-provided function", fn_name)
    if isinstance(out, tuple):
        raise RuntimeError("The function given to {} should return a single Tensor".format(fn_name))
    if out.nelement() != 1:
        raise RuntimeError("The Tensor returned by the function given to {} should contain a single element".format(fn_name))
    return out


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    if strict and create_graph:
        _not_supported("vjp with strict=True and create_graph=True")
    with torch.enable_grad():
        inputs_tuple, inputs, outputs_tuple, outputs = _call(func, inputs, "vjp", strict, create_graph)
        if v is not None:
            v = _prepare(_check_v(v, outputs, outputs_tuple, "vjp"), create_graph, False)
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function returns "
                               "a single Tensor with a single element.")
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        grads = _grads(outputs, inputs, v, create_graph=create_graph)
    if strict:
        for i, g in enumerate(grads):
            if g is None:
                raise RuntimeError("The output of the user-provided function is independent of "
                                   "input {}. This is not allowed in strict mode.".format(i))
    result = _finish(_zeros_for_none(grads, inputs), create_graph)
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(result, inputs_tuple)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    assert strategy in ("forward-mode", "reverse-mode"), (
        'Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your '
        'function has more outputs than inputs, "forward-mode" tends to be more performant. '
        'Otherwise, prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        raise NotImplementedError("torch.autograd.functional.jacobian with strategy=\"forward-mode\" is not supported by gradlab")
    if vectorize:
        raise NotImplementedError("torch.autograd.functional.jacobian with vectorize=True is not supported by gradlab")
    if strict and create_graph:
        _not_supported("jacobian with strict=True and create_graph=True")
    with torch.enable_grad():
        inputs_tuple, inputs, outputs_tuple, outputs = _call(func, inputs, "jacobian", strict, create_graph)
        jacobian = []
        for i, out in enumerate(outputs):
            rows = [[] for _ in inputs]  # rows[k]: d out.flatten()[j] / d inputs[k], for each j
            for j in range(out.nelement()):
                grads = _grads((out.reshape(-1)[j],), inputs, retain_graph=True, create_graph=create_graph)
                for k, g in enumerate(grads):
                    if g is None:
                        if strict:
                            raise RuntimeError("Output {} of the user-provided function is independent of input {}."
                                               " This is not allowed in strict mode.".format(i, k))
                        g = torch.zeros_like(inputs[k])
                    rows[k].append(g)
            jacobian.append(tuple(_finish(torch.stack(rows[k], dim=0).view(out.size() + inputs[k].size()), create_graph)
                                  for k in range(len(inputs))))
    per_output = tuple(_unpack(row, inputs_tuple) for row in jacobian)
    return _unpack(per_output, outputs_tuple)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    # The Jacobian of the Jacobian: the inner one recorded (create_graph=True), the outer one of it.
    assert outer_jacobian_strategy in ("forward-mode", "reverse-mode"), (
        'Expected strategy to be either "forward-mode" or "reverse-mode".')
    if strict:
        _not_supported("hessian with strict=True")
    if vectorize:
        raise NotImplementedError("torch.autograd.functional.hessian with vectorize=True is not supported by gradlab")
    inputs_tuple, inputs = _tensors_tuple(inputs, "inputs", "hessian")

    def single_output(*inp):
        return _single_output(func, inp, "hessian").squeeze()

    def jac_func(*inp):  # a tuple, one gradient per input
        return jacobian(single_output, inp, create_graph=True)

    blocks = jacobian(jac_func, inputs, create_graph=create_graph, strategy=outer_jacobian_strategy)
    return blocks if inputs_tuple else blocks[0][0]


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    # Forward mode by the double backward trick: the backward with zero gradients g that require
    # grad is linear in g, and its vector-Jacobian product with v is the Jacobian times v.
    if strict:
        _not_supported("jvp with strict=True")
    with torch.enable_grad():
        inputs_tuple, inputs, outputs_tuple, outputs = _call(func, inputs, "jvp", strict, create_graph)
        if v is not None:
            v = _prepare(_check_v(v, inputs, inputs_tuple, "jvp"), create_graph, False)
        elif len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function "
                               "is a single Tensor with a single element.")
        grad_outputs = tuple(torch.zeros_like(out, requires_grad=True) for out in outputs)
        grad_inputs = _grads(outputs, inputs, grad_outputs, create_graph=True)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _grads(grad_inputs, grad_outputs, v, create_graph=create_graph)
    result = _finish(_zeros_for_none(result, outputs), create_graph)
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(result, outputs_tuple)


def _hessian_products(func, inputs, v, create_graph, fn_name, by_trick):
    # v·H (vhp) or H·v (hvp, by the double backward trick) of a function with one scalar output.
    with torch.enable_grad():
        inputs_tuple, inputs = _tensors_tuple(inputs, "inputs", fn_name)
        inputs = _prepare(inputs, create_graph, True)
        if v is not None:
            v = _prepare(_check_v(v, inputs, inputs_tuple, fn_name), create_graph, False)
        elif len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function "
                               "is a single Tensor with a single element.")
        output = _single_output(func, inputs, fn_name)
        jac = _grads((output,), inputs, create_graph=True)
        if by_trick:
            grad_jac = tuple(torch.zeros_like(inp, requires_grad=True) for inp in inputs)
            double_back = _grads(jac, inputs, grad_jac, create_graph=True)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        if by_trick:
            result = _grads(double_back, grad_jac, v, create_graph=create_graph)
        else:
            result = _grads(jac, inputs, v, create_graph=create_graph)
    result = _finish(_zeros_for_none(result, inputs), create_graph)
    return _finish(output, create_graph), _unpack(result, inputs_tuple)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    if strict:
        _not_supported("hvp with strict=True")
    return _hessian_products(func, inputs, v, create_graph, "hvp", True)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    if strict:
        _not_supported("vhp with strict=True")
    return _hessian_products(func, inputs, v, create_graph, "vhp", False)
