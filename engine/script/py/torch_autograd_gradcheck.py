# torch.autograd.gradcheck and gradgradcheck, as PyTorch 1.13's slow mode checks gradients
# (torch/autograd/gradcheck.py): the Jacobian from autograd (one vector-Jacobian product per
# output element, computed twice to check that backward is deterministic) against central
# finite differences, compared with allclose(rtol, atol). gradgradcheck runs gradcheck on the
# function's first derivative, with random grad_outputs drawn as torch.testing.make_tensor
# draws them, so the generator moves as in PyTorch. Not modelled: fast_mode, forward-mode AD,
# batched gradients, sparse inputs and the undefined-gradient check (a custom Function whose
# backward cannot take None gradients passes here). Run on first use (Note [Modules in Python]).
import warnings
import torch


class GradcheckError(RuntimeError):
    pass


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _numerical_column(func, inputs, x, index, eps, n_out):
    # d outputs / d x[index] by central differences, x perturbed in place and restored.
    flat = x.data.view(-1)
    orig = flat[index].item()
    flat[index] = orig - eps
    before = [o.detach().clone() for o in _as_tuple(func(*inputs))]
    flat[index] = orig + eps
    after = [o.detach().clone() for o in _as_tuple(func(*inputs))]
    flat[index] = orig
    return [((a - b) / (2 * eps)).reshape(-1) for a, b in zip(after, before)][:n_out]


def _numerical_jacobians(func, inputs, outputs, eps):
    # jac[i][j]: d outputs[i] / d inputs[j], an (numel of input j) x (numel of output i) matrix
    jac = [[None for _ in inputs] for _ in outputs]
    for j, x in enumerate(inputs):
        if not (isinstance(x, torch.Tensor) and x.requires_grad):
            continue
        columns = [_numerical_column(func, inputs, x, k, eps, len(outputs)) for k in range(x.numel())]
        for i, out in enumerate(outputs):
            if columns:
                jac[i][j] = torch.stack([c[i] for c in columns], dim=0)
            else:
                jac[i][j] = torch.zeros(0, out.numel(), dtype=out.dtype)
    return jac


def _analytical_jacobians(inputs, outputs):
    diff_inputs = [x for x in inputs if isinstance(x, torch.Tensor) and x.requires_grad]
    jac = [[None for _ in inputs] for _ in outputs]
    for i, out in enumerate(outputs):
        rows = [[] for _ in inputs]
        flat = out.reshape(-1)
        for k in range(out.numel()):
            grads = torch.autograd.grad(flat[k], diff_inputs, retain_graph=True, allow_unused=True)
            g_iter = iter(grads)
            for j, x in enumerate(inputs):
                if isinstance(x, torch.Tensor) and x.requires_grad:
                    g = next(g_iter)
                    rows[j].append(torch.zeros(x.numel(), dtype=x.dtype) if g is None else g.reshape(-1))
        for j, x in enumerate(inputs):
            if isinstance(x, torch.Tensor) and x.requires_grad:
                if rows[j]:
                    jac[i][j] = torch.stack(rows[j], dim=1)
                else:
                    jac[i][j] = torch.zeros(x.numel(), 0, dtype=x.dtype)
    return jac


def _fail(msg, raise_exception):
    if raise_exception:
        raise GradcheckError(msg)
    return False


def gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True, check_sparse_nnz=False,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True, fast_mode=False):
    if fast_mode or check_forward_ad or check_batched_grad or check_batched_forward_grad or check_sparse_nnz:
        raise NotImplementedError("gradcheck with fast_mode, forward AD, batched or sparse checks is not supported by gradlab")
    tupled_inputs = _as_tuple(inputs)
    any_requires_grad = False
    for idx, x in enumerate(tupled_inputs):
        if isinstance(x, torch.Tensor) and x.requires_grad:
            any_requires_grad = True
            if x.dtype != torch.float64:
                warnings.warn(
                    f'Input #{idx} requires gradient and '
                    'is not a double precision floating point or complex. '
                    'This check will likely fail if all the inputs are '
                    'not of double precision floating point or complex. ')
    if not any_requires_grad:
        raise ValueError('gradcheck expects at least one input tensor to require gradient, '
                         'but none of the them have requires_grad=True.')
    outputs = _differentiable_outputs(func(*tupled_inputs))
    if not check_backward_ad:
        return True
    # Autograd first: the finite differences write into the inputs (PyTorch writes through .data,
    # which has a version counter of its own; here the saved inputs would see the writes).
    analytical = _analytical_jacobians(tupled_inputs, outputs)
    again = _analytical_jacobians(tupled_inputs, outputs)
    numerical = _numerical_jacobians(func, tupled_inputs, outputs, eps)
    for i in range(len(outputs)):
        for j in range(len(tupled_inputs)):
            a = analytical[i][j]
            if a is None:
                continue
            if not torch.allclose(a, numerical[i][j], rtol, atol):
                return _fail(f"Jacobian mismatch for output {i} with respect to input {j},\n"
                             f"numerical:{numerical[i][j]}\nanalytical:{a}\n", raise_exception)
            if a.numel() and (a - again[i][j]).abs().max() > nondet_tol:
                return _fail("Backward is not reentrant, i.e., running backward with same input and grad_output "
                             "multiple times gives different values, although analytical gradient matches numerical "
                             f"gradient. The tolerance for nondeterminism was {nondet_tol}.", raise_exception)
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-06, atol=1e-05, rtol=0.001,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0, check_undefined_grad=True,
                  check_grad_dtypes=False, check_batched_grad=False, check_fwd_over_rev=False, check_rev_over_rev=True,
                  fast_mode=False):
    tupled_inputs = _as_tuple(inputs)
    if grad_outputs is None:
        tupled_grad_outputs = []
        for x in _differentiable_outputs(func(*tupled_inputs)):
            # torch.testing.make_tensor(low=-1, high=1) for a floating dtype
            rand_val = torch.rand(x.shape, dtype=x.dtype if x.is_floating_point() else torch.double)
            g = 1 * rand_val + -1 * (1 - rand_val)
            g.requires_grad = True
            tupled_grad_outputs.append(g)
        tupled_grad_outputs = tuple(tupled_grad_outputs)
    else:
        tupled_grad_outputs = _as_tuple(grad_outputs)
    num_outputs = len(tupled_grad_outputs)
    diff_input_args_indices = [i for i, x in enumerate(tupled_inputs) if isinstance(x, torch.Tensor) and x.requires_grad]
    diff_grad_output_indices = [i for i, x in enumerate(tupled_grad_outputs) if x.requires_grad]

    def new_func(*args):
        input_args = tuple(x.requires_grad_() if i in diff_input_args_indices else x
                           for i, x in enumerate(args[:-num_outputs]))
        outputs = _differentiable_outputs(func(*input_args))
        grad_outputs = tuple(x.requires_grad_() if i in diff_grad_output_indices else x
                             for i, x in enumerate(args[-num_outputs:]))
        diff_input_args = tuple(x for i, x in enumerate(input_args) if i in diff_input_args_indices)
        grad_inputs = torch.autograd.grad(outputs, diff_input_args, grad_outputs, create_graph=True, allow_unused=True)
        return tuple(g for g in grad_inputs if g is not None)

    return gradcheck(new_func, tupled_inputs + tupled_grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception, nondet_tol=nondet_tol)
