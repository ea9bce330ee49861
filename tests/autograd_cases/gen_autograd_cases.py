#!/usr/bin/python3
"""Writes autograd_cases.txt: the expected strings for tests/cpp/test_autograd.cpp, produced by
real PyTorch 1.13 (never edited by hand).

Run with the Python that has torch:  /usr/bin/python3 tests/autograd_cases/gen_autograd_cases.py

Every case below is repeated, statement by statement, through gradlab's C++ API in
test_autograd.cpp, which looks each expected string up by its key.

File format: one record per line, `key<TAB>value`, where value has `\\` `\\n` `\\t` escaped.
Values are what Python shows:
  * repr(tensor), str(bool), "None", str(dtype), repr(float)
  * an exception as "<Type>: <message>", or "no error" when none was raised
  * a graph as "Name(Child, Child(...))": the grad_fn's class name and, recursively, its
    next_functions without the (None, 0) entries (gradlab has no edge for a Python-number operand).
"""
import os
import warnings

import torch

warnings.simplefilter("ignore")  # `.grad` of a non-leaf warns; the value (None) is what we record

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "autograd_cases.txt")
cases = {}


def rec(key, value):
    assert key not in cases, key
    if isinstance(value, bool) or value is None:
        value = str(value)
    elif isinstance(value, torch.Tensor):
        value = repr(value)
    elif isinstance(value, torch.dtype):
        value = str(value)
    elif not isinstance(value, str):
        value = repr(value)
    cases[key] = value


def err(key, fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - recording whatever PyTorch raises is the point
        rec(key, f"{type(e).__name__}: {e}")
        return
    rec(key, "no error")


def graph(t):
    def desc(fn):
        kids = [desc(f) for f, _ in fn.next_functions if f is not None]
        return type(fn).__name__ + ("(" + ", ".join(kids) + ")" if kids else "")

    return "None" if t.grad_fn is None else desc(t.grad_fn)


def RG(data, **kw):
    return torch.tensor(data, requires_grad=True, **kw)


# ---- leaves shared by the node-name cases (fresh copies per case) --------------------------
A = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]]
B = [[2.0, 0.5, -1.0], [1.0, 3.0, 0.5]]
P = [[0.5, 1.0, 2.0], [1.5, 0.25, 4.0]]
V3 = [1.0, -2.0, 0.5]
V2 = [0.5, 2.0]
M32 = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
A3 = [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]]]


def op_case(key, leaves, y):
    """repr and graph of y, then the leaves' grads after y.sum().backward()."""
    rec(f"op.{key}.repr", y)
    rec(f"op.{key}.graph", graph(y))
    y.sum().backward()
    for i, leaf in enumerate(leaves):
        rec(f"op.{key}.grad{i}", leaf.grad)


def node_names():
    x = RG(A); op_case("add_scalar", [x], x + 1)
    x, y = RG(A), RG(B); op_case("add_tensor", [x, y], x + y)
    x, y = RG(A), RG(B); op_case("add_alpha", [x, y], torch.add(x, y, alpha=2))
    x = RG(A); op_case("sub_scalar", [x], x - 1)
    x, y = RG(A), RG(B); op_case("sub_tensor", [x, y], x - y)
    x = RG(A); op_case("rsub", [x], 1 - x)
    x = RG(A); op_case("mul_scalar", [x], x * 2)
    x = RG(A); op_case("rmul", [x], 2 * x)
    x, y = RG(A), RG(B); op_case("mul_tensor", [x, y], x * y)
    x = RG(A); op_case("div_scalar", [x], x / 2)
    x, y = RG(A), RG(B); op_case("div_tensor", [x, y], x / y)
    x = RG(A); op_case("rdiv", [x], 2 / x)
    x = RG(A); op_case("neg", [x], -x)
    x = RG(A); op_case("pow_scalar", [x], x ** 2)
    x, y = RG(P), RG(B); op_case("pow_tensor", [x, y], x ** y)
    x = RG(A); op_case("pow_scalar_base", [x], torch.pow(2, x))
    x = RG(A); op_case("python_scalar_pow", [x], 2 ** x)
    x, y = RG(A), RG(B); op_case("maximum", [x, y], torch.maximum(x, y))
    x = RG(A); op_case("exp", [x], torch.exp(x))
    x = RG(P); op_case("log", [x], torch.log(x))
    x = RG(P); op_case("sqrt", [x], torch.sqrt(x))
    x = RG(A); op_case("abs", [x], torch.abs(x))
    x = RG(A); op_case("sin", [x], torch.sin(x))
    x = RG(A); op_case("cos", [x], torch.cos(x))
    x = RG(A); op_case("sigmoid", [x], torch.sigmoid(x))
    x = RG(A); op_case("tanh", [x], torch.tanh(x))
    x = RG(A); op_case("relu", [x], torch.relu(x))
    x = RG(A); op_case("clamp", [x], torch.clamp(x, min=0.0, max=1.0))
    x = RG(A); op_case("clamp_min", [x], torch.clamp(x, min=0.0))
    x = RG(A); op_case("clamp_max", [x], torch.clamp(x, max=0.0))
    x = RG(A); op_case("to_float64", [x], x.to(torch.float64))
    x = RG(A); op_case("clone", [x], x.clone())
    x = RG(A); op_case("sum", [x], x.sum())
    x = RG(A); op_case("sum_dim", [x], x.sum(1))
    x = RG(A); op_case("sum_dim_keepdim", [x], x.sum(0, keepdim=True))
    x = RG(A); op_case("mean", [x], x.mean())
    x = RG(A); op_case("mean_dim", [x], x.mean(dim=1))
    x = RG(A); op_case("max", [x], x.max())
    x = RG(A); op_case("max_dim", [x], x.max(1)[0])
    x = RG(A); op_case("max_dim_keepdim", [x], x.max(dim=0, keepdim=True).values)
    x, y = RG(A), RG(M32); op_case("mm", [x, y], torch.mm(x, y))
    x, y = RG(A), RG(M32); op_case("matmul_2d_2d", [x, y], x @ y)
    x, y = RG(A), RG(V3); op_case("matmul_2d_1d", [x, y], x @ y)
    x, y = RG(V3), RG(V3); op_case("matmul_1d_1d", [x, y], x @ y)
    x, y = RG(V3), RG(M32); op_case("matmul_1d_2d", [x, y], x @ y)
    x, y = RG(A3), RG(M32); op_case("matmul_3d_2d", [x, y], x @ y)
    x = RG(A); op_case("t", [x], x.t())
    x = RG(A); op_case("transpose", [x], x.transpose(0, 1))
    x = RG(A); op_case("view", [x], x.view(3, 2))
    x = RG(A); op_case("view_infer", [x], x.view(-1))
    x = RG(A); op_case("reshape", [x], x.reshape(3, 2))
    x = RG(A); op_case("reshape_same", [x], x.reshape(2, 3))
    x = RG(A); op_case("reshape_of_t", [x], x.t().reshape(6))
    x = RG(A); op_case("reshape_of_t_same", [x], x.t().reshape(3, 2))
    x = RG(A); op_case("view_of_t_same", [x], x.t().view(3, 2))
    x = RG(A); op_case("flatten", [x], x.flatten())
    x = RG(A); op_case("unsqueeze", [x], x.unsqueeze(1))
    x = RG([[1.0, 2.0, 3.0]]); op_case("squeeze", [x], x.squeeze())
    x = RG([[1.0, 2.0, 3.0]]); op_case("squeeze_dim", [x], x.squeeze(0))
    x = RG([[1.0], [2.0]]); op_case("expand", [x], x.expand(2, 3))
    x = RG(A3); op_case("permute", [x], x.permute(2, 0, 1))
    x = RG(A); op_case("select", [x], x[1])
    x = RG(A); op_case("select_neg", [x], x[-1])
    x = RG(A); op_case("slice", [x], x[1:])
    x = RG(V3); op_case("slice_step", [x], x[::2])
    x = RG(A); op_case("column", [x], x[:, 1])


def errors():
    err("err.nonscalar_backward", lambda: (RG([1.0, 2.0, 3.0]) * 2).backward())
    err("err.backward_no_grad", lambda: torch.ones(2).sum().backward())
    err("err.backward_grad_shape",
        lambda: (RG([1.0, 2.0, 3.0]) * 2).backward(torch.ones(2)))
    err("err.factory_int_tensor", lambda: torch.tensor(3, requires_grad=True))
    err("err.factory_int_list", lambda: torch.tensor([1, 2], requires_grad=True))
    err("err.factory_int_zeros", lambda: torch.zeros(2, dtype=torch.int64, requires_grad=True))
    err("err.factory_int_arange", lambda: torch.arange(3, requires_grad=True))
    err("err.factory_int_full", lambda: torch.full((2,), 1, requires_grad=True))
    err("err.requires_grad_int", lambda: torch.tensor([1, 2]).requires_grad_())
    err("err.requires_grad_false_nonleaf", lambda: (RG([1.0]) * 2).requires_grad_(False))
    err("err.retain_grad_no_grad", lambda: torch.ones(2).retain_grad())
    err("err.retain_grad_int", lambda: torch.tensor([1, 2]).retain_grad())
    err("err.mm", lambda: torch.mm(torch.ones(2, 3), torch.ones(2, 3)))
    err("err.matmul_2d_2d", lambda: torch.ones(2, 3) @ torch.ones(2, 3))
    err("err.matmul_mv", lambda: torch.ones(2, 3) @ torch.ones(2))
    err("err.matmul_dot", lambda: torch.ones(3) @ torch.ones(2))
    err("err.matmul_1d_2d", lambda: torch.ones(2) @ torch.ones(3, 4))
    err("err.matmul_0d", lambda: torch.tensor(1.0) @ torch.ones(2))
    err("err.matmul_dtype", lambda: torch.ones(2, 3) @ torch.ones(3, 2, dtype=torch.float64))
    err("err.broadcast", lambda: torch.ones(3) + torch.ones(2))
    err("err.broadcast_2d", lambda: torch.ones(2, 3) * torch.ones(3, 2))
    err("err.index", lambda: torch.ones(3)[5])
    err("err.index_neg", lambda: torch.ones(3)[-4])
    err("err.index_dim1", lambda: torch.ones(2, 3)[:, 3])
    err("err.index_0d", lambda: torch.tensor(1.0)[0])
    err("err.dim_sum", lambda: torch.ones(2, 3).sum(2))
    err("err.dim_sum_neg", lambda: torch.ones(2, 3).sum(-3))
    err("err.dim_size", lambda: torch.ones(2, 3).size(2))
    err("err.dim_unsqueeze", lambda: torch.ones(2, 3).unsqueeze(3))
    err("err.view_shape", lambda: torch.ones(2, 3).view(4))
    err("err.reshape_shape", lambda: torch.ones(2, 3).reshape(-1, 4))
    err("err.reshape_two_infer", lambda: torch.ones(2, 3).reshape(-1, -1))
    err("err.view_of_t", lambda: torch.ones(2, 3).t().view(6))
    err("err.max_empty", lambda: torch.tensor([]).max())
    err("err.item_many", lambda: torch.ones(2).item())
    x = RG([1.0, 2.0])
    def assign(v):
        x.grad = v
    err("err.set_grad_size", lambda: assign(torch.zeros(3)))
    err("err.set_grad_dtype", lambda: assign(torch.zeros(2, dtype=torch.float64)))


def second_backward():
    x = RG(3.0)
    y = x ** 3
    y.backward(retain_graph=True); rec("retain.cube.grad1", x.grad)
    y.backward(retain_graph=True); rec("retain.cube.grad2", x.grad)
    y.backward(); rec("retain.cube.grad3", x.grad)
    err("retain.cube.fourth", lambda: y.backward())
    rec("retain.cube.grad4", x.grad)

    x = RG(2.0)
    y = (x * 2).sum()
    y.backward()
    err("retain.mul_scalar.second", lambda: y.backward())
    rec("retain.mul_scalar.grad", x.grad)

    x = RG(2.0)
    y = (x + 1).sum()
    y.backward()
    err("retain.add_scalar.second", lambda: y.backward())
    rec("retain.add_scalar.grad", x.grad)

    x = RG([1.0, 2.0])
    y = torch.exp(x).sum()
    y.backward()
    err("retain.exp.second", lambda: y.backward())
    rec("retain.exp.grad", x.grad)


def grad_lifecycle():
    x = RG([1.0, -2.0, 3.0])
    rec("grad.none_before", x.grad)
    y = (x * x).sum()
    rec("grad.none_after_forward", x.grad)
    rec("grad.nonleaf_none", y.grad)
    y.backward()
    rec("grad.first", x.grad)
    rec("grad.first_requires_grad", x.grad.requires_grad)
    g = x.grad
    (x * x).sum().backward()
    rec("grad.second", x.grad)
    rec("grad.alias_sees_sum", g)
    rec("grad.alias_is_same", g is x.grad)
    x.grad = None
    rec("grad.after_set_none", x.grad)
    (x * x).sum().backward()
    rec("grad.after_set_none_backward", x.grad)
    mine = torch.tensor([10.0, 10.0, 10.0])
    x.grad = mine
    (x * 2).sum().backward()
    rec("grad.assigned_accumulates", x.grad)
    rec("grad.assigned_tensor_sees_sum", mine)
    x.grad.zero_()
    rec("grad.zeroed", x.grad)
    (3 * x).sum().backward()
    rec("grad.after_zero_backward", x.grad)

    x = RG([1.0, 2.0, 3.0])
    (x * 2).backward(torch.tensor([1.0, 0.5, -1.0]))
    rec("grad.explicit_gradient", x.grad)
    x = RG([1.0, 2.0])
    (x * 2).backward(torch.tensor([1.0, 1.0], dtype=torch.float64))
    rec("grad.explicit_gradient_f64", x.grad)

    # a leaf used twice: both paths add up
    x = RG(2.0)
    y = x * x + x ** 3 + torch.exp(x) * 0
    y.backward()
    rec("grad.two_paths", x.grad)


def retain_grad():
    x = RG(2.0)
    h = x * 3
    h.retain_grad()
    y = h ** 2
    rec("retain_grad.h_retains", h.retains_grad)
    rec("retain_grad.y_retains", y.retains_grad)
    rec("retain_grad.h_grad_before", h.grad)
    y.backward(retain_graph=True)
    rec("retain_grad.h_grad1", h.grad)
    rec("retain_grad.x_grad1", x.grad)
    y.backward()
    rec("retain_grad.h_grad2", h.grad)
    rec("retain_grad.x_grad2", x.grad)
    rec("retain_grad.y_grad", y.grad)
    x.retain_grad()
    rec("retain_grad.leaf_retains", x.retains_grad)

    x = RG([1.0, 2.0])
    m = x * x
    m.retain_grad()
    out = (m * torch.tensor([3.0, 4.0])).sum()
    out.backward()
    rec("retain_grad.vec_m_grad", m.grad)
    rec("retain_grad.vec_x_grad", x.grad)

    y = x * 2
    y.retain_grad()
    y.backward(torch.tensor([1.0, -1.0]))
    rec("retain_grad.root_grad", y.grad)


def requires_grad_flag():
    x = torch.tensor([1.0, 2.0])
    rec("rg.default", x.requires_grad)
    x.requires_grad_()
    rec("rg.set", x)
    rec("rg.set_is_leaf", x.is_leaf)
    x.requires_grad_(False)
    rec("rg.unset", x)
    i = torch.tensor([1, 2])
    i.requires_grad_(False)
    rec("rg.int_false", i)
    y = RG([1.0, 2.0]) * 2
    y.requires_grad_(True)
    rec("rg.nonleaf_true", y)
    rec("rg.factory_f64", torch.ones(2, dtype=torch.float64, requires_grad=True))
    rec("rg.result_requires", (torch.ones(2) * RG([1.0, 2.0])).requires_grad)
    rec("rg.result_plain", (torch.ones(2) * torch.ones(2)).requires_grad)


def detach():
    x = RG([1.0, 2.0, 3.0])
    d = x.detach()
    rec("detach.d", d)
    rec("detach.d_requires_grad", d.requires_grad)
    rec("detach.d_is_leaf", d.is_leaf)
    rec("detach.d_grad_fn", d.grad_fn)
    d.mul_(2)
    rec("detach.x_after_d_mul", x)
    y = x * 2
    yd = y.detach()
    yd.add_(1)
    rec("detach.y_after_yd_add", y)
    (x * x).sum().backward()
    rec("detach.x_grad", x.grad)
    rec("detach.d_grad", d.grad)

    x = RG([1.0, 2.0])
    y = torch.exp(x)
    y.detach().add_(1)
    err("detach.shared_version", lambda: y.sum().backward())


def no_grad():
    x = RG([1.0, 2.0])
    with torch.no_grad():
        y = x * 2
        inside = torch.is_grad_enabled()
        with torch.no_grad():
            pass
        nested_after = torch.is_grad_enabled()
    rec("nograd.y", y)
    rec("nograd.y_requires_grad", y.requires_grad)
    rec("nograd.y_is_leaf", y.is_leaf)
    rec("nograd.y_grad_fn", y.grad_fn)
    rec("nograd.inside", inside)
    rec("nograd.nested_after", nested_after)
    rec("nograd.after", torch.is_grad_enabled())
    z = y * x
    rec("nograd.mixed", z)
    torch.set_grad_enabled(False)
    w = x + 1
    torch.set_grad_enabled(True)
    rec("nograd.set_grad_enabled", w)
    rec("nograd.set_grad_enabled_after", torch.is_grad_enabled())


def inplace():
    # a leaf that requires grad, while grad mode is on
    def leaf():
        return RG([1.0, 2.0])
    other = torch.tensor([0.5, 4.0])
    err("inplace.leaf.add_tensor", lambda: leaf().add_(other))
    err("inplace.leaf.sub_tensor", lambda: leaf().sub_(other))
    err("inplace.leaf.mul_tensor", lambda: leaf().mul_(other))
    err("inplace.leaf.div_tensor", lambda: leaf().div_(other))
    err("inplace.leaf.add_scalar", lambda: leaf().add_(1))
    err("inplace.leaf.sub_scalar", lambda: leaf().sub_(1))
    err("inplace.leaf.mul_scalar", lambda: leaf().mul_(2))
    err("inplace.leaf.div_scalar", lambda: leaf().div_(2))
    err("inplace.leaf.zero", lambda: leaf().zero_())
    err("inplace.leaf.fill", lambda: leaf().fill_(3.0))

    # allowed under no_grad, and the leaf stays a leaf
    x = leaf()
    with torch.no_grad():
        x.add_(1); rec("inplace.nograd.add", x)
        x.sub_(0.5); rec("inplace.nograd.sub", x)
        x.mul_(4); rec("inplace.nograd.mul", x)
        x.div_(2); rec("inplace.nograd.div", x)
        x.add_(other, alpha=2); rec("inplace.nograd.add_alpha", x)
        x.sub_(other, alpha=0.5); rec("inplace.nograd.sub_alpha", x)
        x.mul_(other); rec("inplace.nograd.mul_tensor", x)
        x.div_(other); rec("inplace.nograd.div_tensor", x)
    rec("inplace.nograd.is_leaf", x.is_leaf)
    (x * x).sum().backward()
    rec("inplace.nograd.grad", x.grad)

    # recorded on a non-leaf: the tensor's grad_fn becomes the in-place op's node
    def nonleaf_case(key, op, extra=()):
        a = leaf()
        b = a * 1
        op(b)
        rec(f"inplace.nonleaf.{key}.repr", b)
        rec(f"inplace.nonleaf.{key}.graph", graph(b))
        rec(f"inplace.nonleaf.{key}.is_leaf", b.is_leaf)
        b.sum().backward()
        rec(f"inplace.nonleaf.{key}.grad", a.grad)
        for i, e in enumerate(extra):
            rec(f"inplace.nonleaf.{key}.extra{i}", e.grad)

    nonleaf_case("add_scalar", lambda b: b.add_(1))
    nonleaf_case("sub_scalar", lambda b: b.sub_(1))
    nonleaf_case("mul_scalar", lambda b: b.mul_(2))
    nonleaf_case("div_scalar", lambda b: b.div_(4))
    nonleaf_case("add_tensor", lambda b: b.add_(other))
    nonleaf_case("sub_alpha", lambda b: b.sub_(other, alpha=2))
    w = RG([3.0, 4.0]); nonleaf_case("add_grad_tensor", lambda b: b.add_(w, alpha=2), [w])
    w = RG([3.0, 4.0]); nonleaf_case("mul_grad_tensor", lambda b: b.mul_(w), [w])
    w = RG([3.0, 4.0]); nonleaf_case("div_grad_tensor", lambda b: b.div_(w), [w])
    nonleaf_case("twice", lambda b: (b.mul_(3), b.add_(1)))
    nonleaf_case("zero", lambda b: b.zero_())
    nonleaf_case("fill", lambda b: b.fill_(3.0))

    # a plain tensor that absorbs one requiring grad gets history
    a = leaf()
    c = torch.zeros(2)
    c.add_(a)
    rec("inplace.absorb.repr", c)
    rec("inplace.absorb.is_leaf", c.is_leaf)
    rec("inplace.absorb.graph", graph(c))
    c.sum().backward()
    rec("inplace.absorb.grad", a.grad)

    # dtype and shape rules
    err("inplace.int_add_float", lambda: torch.tensor([1, 2]).add_(1.5))
    err("inplace.int_div", lambda: torch.tensor([1, 2]).div_(2))
    err("inplace.int_mul_float_tensor", lambda: torch.tensor([1, 2]).mul_(torch.tensor([1.5, 2.0])))
    i = torch.tensor([1, 2]); i.add_(3); rec("inplace.int_add_int", i)
    f = torch.tensor([1.0, 2.0]); f.add_(torch.tensor([1, 2])); rec("inplace.float_add_int", f)
    err("inplace.output_shape", lambda: torch.zeros(1).add_(torch.ones(3)))
    err("inplace.broadcast", lambda: torch.zeros(2).add_(torch.ones(3)))
    z = torch.zeros(2, 3); z.add_(torch.tensor([1.0, 2.0, 3.0])); rec("inplace.broadcast_ok", z)

    # Note [Saved tensors]: modifying what a node saved breaks its backward
    a = leaf(); b = a * 1; c = b.exp(); b.mul_(2)
    err("inplace.saved.exp_input_mul", lambda: c.sum().backward())
    rec("inplace.saved.exp_input_mul.grad", a.grad)
    a = leaf(); b = a * 1; c = b.sin(); b.mul_(2)
    err("inplace.saved.sin_input_mul", lambda: c.sum().backward())
    a = leaf(); b = a * 1; c = b.sin(); b.add_(1)
    err("inplace.saved.sin_input_add", lambda: c.sum().backward())
    a = leaf(); b = a * 1; c = b.sin(); b.add_(1); b.add_(1)
    err("inplace.saved.version2", lambda: c.sum().backward())
    a = leaf(); b = a * 1; c = b.exp(); c.add_(1)
    err("inplace.saved.exp_output", lambda: c.sum().backward())
    a = leaf(); c = a.sin()
    with torch.no_grad():
        a.mul_(2)
    err("inplace.saved.leaf", lambda: c.sum().backward())
    a = torch.ones(2, 2, dtype=torch.float64, requires_grad=True); b = a * 1; c = b ** 2; b.add_(1)
    err("inplace.saved.float64", lambda: c.sum().backward())


def promotion():
    def case(key, a, b, t):
        """t = op(a, b); also torch.result_type(a, b), the dtype before true division's float."""
        rec(f"promo.{key}", t)
        rec(f"promo.{key}.dtype", t.dtype)
        rec(f"promo.{key}.result_type", torch.result_type(a, b))

    i3, i2 = torch.tensor([1, 2, 3]), torch.tensor([1, 2])
    case("int_mul_float", i3, 2.5, i3 * 2.5)
    case("int_mul_int", i3, 2, i3 * 2)
    f3, d0 = torch.tensor([1.0, 2.0, 3.0]), torch.tensor(2.0, dtype=torch.float64)
    case("f32_mul_f64_0d", f3, d0, f3 * d0)
    d0b = torch.tensor(1.5, dtype=torch.float64)
    case("f64_0d_mul_int", d0b, i2, d0b * i2)
    twos = torch.tensor([2, 2, 2])
    case("int_div_int", i3, twos, i3 / twos)
    case("int_div_scalar", i3, 2, i3 / 2)
    case("int_pow_2", i3, 2, i3 ** 2)
    half = torch.tensor(0.5)
    case("int_add_f32_0d", i2, half, i2 + half)
    i0, f1 = torch.tensor(2), torch.tensor([1.5])
    case("int_0d_mul_f32", i0, f1, i0 * f1)
    o2, o2d = torch.ones(2), torch.ones(2, dtype=torch.float64)
    case("f32_add_f64", o2, o2d, o2 + o2d)
    d1 = torch.tensor([1.0], dtype=torch.float64)
    case("f64_mul_float", d1, 2.5, d1 * 2.5)
    dh = torch.tensor([0.5, 0.5], dtype=torch.float64)
    case("int_sub_f64", i2, dh, i2 - dh)
    x = RG([1.0, 2.0])
    w = torch.tensor([3.0, 4.0], dtype=torch.float64)
    y = (x * w).sum()
    rec("promo.grad_mixed.y", y)
    y.backward()
    rec("promo.grad_mixed.x_grad", x.grad)


def long_chain():
    x = RG(1.0)
    y = x
    for _ in range(100000):
        y = y * 1.00001
    rec("chain.y", y)
    y.backward()
    rec("chain.x_grad", x.grad)


def graph_json():
    x = RG(4.0)
    y = x ** 2
    y.backward()
    rec("graph.y_label", type(y.grad_fn).__name__)
    rec("graph.leaf_label", type(y.grad_fn.next_functions[0][0]).__name__)
    rec("graph.x_grad_data", x.grad.tolist())
    rec("graph.y_data", y.tolist())


# Exact float32 results (shortest repr of each value, as .item() and .tolist() print them) of the
# element-wise ops, forward and backward: 19 inputs, so ATen's 8-wide vector loops and their tails
# both run, and an upstream gradient of varied values (a gradient of ones hides the order of the
# products in a backward formula). Matrix products and reductions are left out: their rounding
# depends on the BLAS build.
BITS_X = [-3.7, -2.0, -1.3, -0.5, -0.05, 0.0, 0.05, 0.3, 0.5, 0.77, 1.0, 1.5, 2.0, 3.3, 5.0, 9.0, -0.1, 0.1, 0.7]
BITS_P = [abs(v) + 0.1 for v in BITS_X]
BITS_G = [0.7, -1.3, 0.3, 2.5, -0.1, 1.7, 0.9, -2.2, 0.05, 1.1, -0.6, 3.3, 0.45, -0.8, 1.9, 0.15, -1.05, 0.66, 2.2]


def bits():
    def case(key, data, fn):
        x = RG(data)
        y = fn(x)
        rec(f"bits.{key}.y", repr(y.tolist()))
        y.backward(torch.tensor(BITS_G))
        rec(f"bits.{key}.grad", repr(x.grad.tolist()))

    case("exp", BITS_X, torch.exp)
    case("log", BITS_P, torch.log)
    case("sqrt", BITS_P, torch.sqrt)
    case("sin", BITS_X, torch.sin)
    case("cos", BITS_X, torch.cos)
    case("sigmoid", BITS_X, torch.sigmoid)
    case("tanh", BITS_X, torch.tanh)
    case("relu", BITS_X, torch.relu)
    case("abs", BITS_X, torch.abs)
    case("pow2", BITS_X, lambda x: x ** 2)
    case("pow3", BITS_X, lambda x: x ** 3)
    case("pow_half", BITS_P, lambda x: x ** 0.5)
    case("pow_neg1", BITS_P, lambda x: x ** -1)
    case("pow_neg2", BITS_P, lambda x: x ** -2)
    case("pow_1_7", BITS_P, lambda x: x ** 1.7)
    case("rpow", BITS_X, lambda x: torch.pow(2, x))
    case("rdiv", BITS_P, lambda x: 1 / x)
    case("div", BITS_X, lambda x: x / 3)
    case("mul_square", BITS_X, lambda x: x * x * 0.1)


for section in (node_names, errors, second_backward, grad_lifecycle, retain_grad, requires_grad_flag,
                detach, no_grad, inplace, promotion, long_chain, graph_json, bits):
    section()


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


with open(OUT, "w") as f:
    f.write(f"# written by gen_autograd_cases.py with torch {torch.__version__}; do not edit\n")
    for k, v in cases.items():
        f.write(f"{k}\t{esc(v)}\n")
print(f"wrote {len(cases)} cases to {OUT}")
