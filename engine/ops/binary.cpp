// Binary ops: forward and backward side by side. Each backward returns gradients in the
// output's (broadcast) shape; the engine sums them back to each input (Note [Broadcast grads]).
// A Python number on either side keeps PyTorch's node name (it wraps the number into a
// 0-d tensor), but we skip that allocation and use the scalar primitives instead.
#include "engine/autograd/custom_node.h"
#include "engine/ops/compare.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {
// Casts both operands to the promoted dtype (Note [Type promotion]).
DType compute_type(const Tensor& a, const Tensor& b) { return result_type(a, b); }
DType compute_type(const Tensor& a, Scalar b) { return result_type(a, b); }
}  // namespace

// ---- add: d(a + α·b)/da = 1, d/db = α ---------------------------------------------------------
Tensor add(const Tensor& a, const Tensor& b, Scalar alpha) {
  DType t = compute_type(a, b);
  if (t == DType::Bool) return logical_or(a, b);  // True + True is True
  Tensor out = alpha.value == 1 ? prim::binary(BinaryOp::Add, a, b, t)
                                : prim::binary(BinaryOp::AddScaled, a, b, t, alpha.value);
  if (Node* n = record_op(OpId::Add, [](const Node& n, const Tensor& g) -> Grads {
        return {n.needs_input_grad(0) ? g : Tensor(), n.needs_input_grad(1) ? (n.a == 1 ? g : mul_scalar(g, n.a)) : Tensor()};
      }, out, {&a, &b})) {
    n->a = alpha.value;
  }
  return out;
}

Tensor add(const Tensor& a, Scalar b) {
  if (compute_type(a, b) == DType::Bool) return logical_or(a, scalar_tensor(b, DType::Bool, a.device()));
  Tensor out = prim::unary(UnaryOp::AddScalar, prim::cast(a, compute_type(a, b)), b.value);
  add_number_operand(record_op(OpId::Add, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a}));
  return out;
}

// ---- sub: d(a − α·b)/da = 1, d/db = −α --------------------------------------------------------
Tensor sub(const Tensor& a, const Tensor& b, Scalar alpha) {
  check_bool_sub(a.dtype(), b.dtype());
  DType t = compute_type(a, b);
  Tensor out = prim::binary(alpha.value == 1 ? BinaryOp::Sub : BinaryOp::AddScaled, a, b, t,
                            alpha.value == 1 ? 0 : -alpha.value);
  if (Node* n = record_op(OpId::Sub, [](const Node& n, const Tensor& g) -> Grads {
        return {n.needs_input_grad(0) ? g : Tensor(), n.needs_input_grad(1) ? mul_scalar(g, -n.a) : Tensor()};
      }, out, {&a, &b})) {
    n->a = alpha.value;
  }
  return out;
}

Tensor sub(const Tensor& a, Scalar b) {
  check_bool_sub(a.dtype(), b.is_bool ? DType::Bool : DType::Int64);
  Tensor out = prim::unary(UnaryOp::AddScalar, prim::cast(a, compute_type(a, b)), -b.value);
  add_number_operand(record_op(OpId::Sub, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a}));
  return out;
}

// ---- ATen's Scalar overloads: the same sums, recorded as AddBackward1 / SubBackward1 ----------
// ATen's own composites (pairwise_distance's `+ eps`, the embedding losses) call add/sub with a
// C++ Scalar, which is a different overload, so a different node name, from the wrapped number
// that Python's `t + eps` passes.
namespace {
// The wrapped-number form's result, untracked, recorded as the Scalar overload's node `op`.
Tensor as_scalar_overload(OpId op, Tensor (*form)(const Tensor&, Scalar), const Tensor& a, Scalar b) {
  Tensor out;
  {
    NoGradGuard wrapped_form_unrecorded;
    out = form(a, b);
  }
  record_op(op, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a});
  return out;
}
}  // namespace

Tensor add_scalar_overload(const Tensor& a, Scalar b) {
  return as_scalar_overload(OpId::AddScalar, static_cast<Tensor (*)(const Tensor&, Scalar)>(add), a, b);
}
Tensor sub_scalar_overload(const Tensor& a, Scalar b) {
  return as_scalar_overload(OpId::SubScalar, static_cast<Tensor (*)(const Tensor&, Scalar)>(sub), a, b);
}

// ---- rsub: b − a (for `1 - x`); d/da = −1 ----------------------------------------------------
Tensor rsub(const Tensor& a, Scalar b) {
  check_bool_sub(a.dtype(), b.is_bool ? DType::Bool : DType::Int64);
  Tensor out = prim::unary(UnaryOp::RSubScalar, prim::cast(a, compute_type(a, b)), b.value);
  record_op(OpId::RSub, [](const Node&, const Tensor& g) -> Grads { return {prim::unary(UnaryOp::Neg, g)}; }, out, {&a});
  return out;
}

// ---- mul: d(a·b)/da = b, d/db = a --------------------------------------------------------------
Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = prim::binary(BinaryOp::Mul, a, b, compute_type(a, b));
  if (Node* n = record_op(OpId::Mul, [](const Node& n, const Tensor& g) -> Grads {
        // saved: [a if b needs grad] [b if a needs grad], in that order.
        size_t i = 0;
        Tensor sa = n.needs_input_grad(1) ? saved(n, i++) : Tensor();
        Tensor sb = n.needs_input_grad(0) ? saved(n, i++) : Tensor();
        return {sb.defined() ? prim::binary(BinaryOp::Mul, g, sb, g.dtype()) : Tensor(),
                sa.defined() ? prim::binary(BinaryOp::Mul, g, sa, g.dtype()) : Tensor()};
      }, out, {&a, &b})) {
    if (n->needs_input_grad(1)) save_for_backward(*n, a);
    if (n->needs_input_grad(0)) save_for_backward(*n, b);
  }
  return out;
}

Tensor mul(const Tensor& a, Scalar b) {
  Tensor out = prim::unary(UnaryOp::MulScalar, prim::cast(a, compute_type(a, b)), b.value);
  if (Node* n = record_op(OpId::Mul, [](const Node& n, const Tensor& g) -> Grads { return {mul_scalar(g, n.a)}; }, out,
                          {&a})) {
    n->a = b.value;
    n->saved_scalar = true;
    add_number_operand(n);
  }
  return out;
}

// ---- div: d(a/b)/da = 1/b, d/db = −a/b² ------------------------------------------------------
Tensor div(const Tensor& a, const Tensor& b) {
  DType t = is_floating(compute_type(a, b)) ? compute_type(a, b) : kDefaultFloat;  // true division
  Tensor out = prim::binary(BinaryOp::Div, a, b, t);
  if (Node* n = record_op(OpId::Div, [](const Node& n, const Tensor& g) -> Grads {
        // saved: [b] [a if b needs grad]
        const Tensor& sb = saved(n, 0);
        Tensor sa = n.needs_input_grad(1) ? saved(n, 1) : Tensor();
        Tensor ga, gb;
        if (n.needs_input_grad(0)) ga = prim::binary(BinaryOp::Div, g, sb, g.dtype());
        if (n.needs_input_grad(1)) {
          // ATen's div_tensor_other_backward: -grad * ((a / b) / b). Not -(grad·a)/(b·b): that
          // rounds differently (b.grad of a / (b**2 + 1) was one digit off, golden case
          // grad_div_broadcast_mm).
          Tensor q = prim::binary(BinaryOp::Div, prim::binary(BinaryOp::Div, sa, sb, g.dtype()), sb, g.dtype());
          gb = prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Neg, g), q, g.dtype());
        }
        return {ga, gb};
      }, out, {&a, &b})) {
    save_for_backward(*n, b);
    if (n->needs_input_grad(1)) save_for_backward(*n, a);
  }
  return out;
}

Tensor div(const Tensor& a, Scalar b) {
  DType t = is_floating(a.dtype()) ? a.dtype() : kDefaultFloat;  // true division
  Tensor out = prim::binary(BinaryOp::Div, a, prim::scalar(b.value, t, a.device()), t);
  if (Node* n = record_op(OpId::Div, [](const Node& n, const Tensor& g) -> Grads {
        Tensor bt = prim::scalar(n.a, g.dtype(), g.device());
        return {prim::binary(BinaryOp::Div, g, bt, g.dtype())};
      }, out, {&a})) {
    n->a = b.value;
    n->saved_scalar = true;
    add_number_operand(n);
  }
  return out;
}

// `2 / x` is `reciprocal(x) * 2` in PyTorch, hence MulBackward0 over ReciprocalBackward0.
Tensor rdiv(const Tensor& a, Scalar b) { return mul(reciprocal(a), b); }

// ---- pow with a tensor exponent: d(a^b)/da = b·a^(b−1), d/db = a^b·log a ---------------------------
namespace {
Grads pow_tensor_backward(const Node& n, const Tensor& g) {
  const Tensor& base = saved(n, 0);
  const Tensor& expo = saved(n, 1);
  const Tensor& out = saved(n, 2);
  Tensor gb, ge;
  if (n.needs_input_grad(0)) {
    Tensor em1 = prim::unary(UnaryOp::AddScalar, expo, -1.0);
    Tensor d = prim::binary(BinaryOp::Mul, expo, prim::binary(BinaryOp::Pow, base, em1, g.dtype()), g.dtype());
    gb = prim::binary(BinaryOp::Mul, g, d, g.dtype());
  }
  if (n.needs_input_grad(1)) {
    Tensor lg = prim::binary(BinaryOp::PowExponentGrad, base, expo, g.dtype());
    ge = prim::binary(BinaryOp::Mul, g, prim::binary(BinaryOp::Mul, out, lg, g.dtype()), g.dtype());
  }
  return {gb, ge};
}
}  // namespace

Tensor pow(const Tensor& a, const Tensor& b) {
  DType t = compute_type(a, b);
  if (t == DType::Bool) runtime_error("\"pow\" not implemented for 'Bool'");
  if (!is_floating(t)) {
    for (double e : b.to_doubles())
      if (e < 0) runtime_error("Integers to negative integer powers are not allowed.");
  }
  Tensor out = prim::binary(BinaryOp::Pow, a, b, t);
  if (Node* n = record_op(OpId::PowTensor, pow_tensor_backward, out, {&a, &b})) {
    save_for_backward(*n, prim::cast(a, t));
    save_for_backward(*n, prim::cast(b, t));
    save_for_backward(*n, out);
  }
  return out;
}

// torch.pow(2, x): d(c^x)/dx = c^x·log c.
Tensor pow(Scalar base, const Tensor& exponent) {
  DType t = result_type(exponent, base);
  if (t == DType::Bool) runtime_error("\"pow\" not implemented for 'Bool'");
  Tensor e = prim::cast(exponent, t);
  Tensor out = prim::unary(UnaryOp::RPowScalar, e, base.value);
  if (Node* n = record_op(OpId::PowScalarBase, [](const Node& n, const Tensor& g) -> Grads {
        double log_base = n.a == 0 ? 0.0 : std::log(n.a);
        return {prim::binary(BinaryOp::Mul, g, mul_scalar(saved(n, 0), log_base))};  // g·(c^x·log c)
      }, out, {&exponent})) {
    n->a = base.value;
    save_for_backward(*n, out);
  }
  return out;
}

// ---- maximum, minimum: the gradient to the larger (smaller) input, split evenly on ties ----------
namespace {
Tensor extremum_of_two(OpId id, BinaryOp kernel, const Tensor& a, const Tensor& b) {
  DType t = compute_type(a, b);
  Tensor out = prim::binary(kernel, a, b, t);
  if (Node* n = record_op(id, [](const Node& n, const Tensor& g) -> Grads {
        // the winner is the larger input for maximum, the smaller for minimum
        const bool is_max = n.op == OpId::Maximum;
        const Tensor& sa = saved(n, 0);
        const Tensor& sb = saved(n, 1);
        // grad, grad / 2 on ties, and +0 (never -0) where the other input wins (Note [Masked grads])
        auto share = [&](const Tensor& mine, const Tensor& other) {
          Tensor mask = is_max ? prim::binary(BinaryOp::MaximumGradMask, mine, other, g.dtype())
                               : prim::binary(BinaryOp::MaximumGradMask, other, mine, g.dtype());
          return prim::binary(BinaryOp::SelectOrZero, prim::binary(BinaryOp::Mul, g, mask), mask);
        };
        Tensor ga, gb;
        if (n.needs_input_grad(0)) ga = share(sa, sb);
        if (n.needs_input_grad(1)) gb = share(sb, sa);
        return {ga, gb};
      }, out, {&a, &b})) {
    save_for_backward(*n, prim::cast(a, t));
    save_for_backward(*n, prim::cast(b, t));
  }
  return out;
}
}  // namespace

Tensor maximum(const Tensor& a, const Tensor& b) { return extremum_of_two(OpId::Maximum, BinaryOp::Max, a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return extremum_of_two(OpId::Minimum, BinaryOp::Min, a, b); }

}  // namespace gradlab

namespace gradlab {
using namespace ops;

// ---- remainder: d(a % b)/da = 1, d/db = −floor(a / b) ------------------------------------------
namespace {
// PyTorch's integer % and // by zero raise; the float ones give IEEE results.
void check_int_divisor(const Tensor& divisor, DType t) {
  if (is_floating(t)) return;
  for (double v : divisor.to_doubles())
    if (v == 0) runtime_error("ZeroDivisionError");
}
}  // namespace

Tensor remainder(const Tensor& a, const Tensor& b) {
  DType t = compute_type(a, b);
  check_int_divisor(b, t);
  Tensor out = prim::binary(BinaryOp::Remainder, a, b, t);
  if (Node* n = record_op(OpId::RemainderTensor, [](const Node& n, const Tensor& g) -> Grads {
        Tensor gb;
        if (n.needs_input_grad(1)) {
          Tensor q = prim::binary(BinaryOp::FloorDivide, saved(n, 0), saved(n, 1), g.dtype());
          gb = prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Neg, g), q, g.dtype());
        }
        return {n.needs_input_grad(0) ? g : Tensor(), gb};
      }, out, {&a, &b})) {
    if (n->needs_input_grad(1)) {
      save_for_backward(*n, a);
      save_for_backward(*n, b);
    }
  }
  return out;
}

Tensor remainder(const Tensor& a, Scalar b) {
  DType t = compute_type(a, b);
  if (!is_floating(t) && b.value == 0) runtime_error("ZeroDivisionError");
  Tensor out = prim::binary(BinaryOp::Remainder, a, prim::scalar(b.value, t, a.device()), t);
  add_number_operand(record_op(OpId::RemainderScalar, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a}));
  return out;
}

// ---- fmod: d fmod(a, b)/da = 1, d/db = −trunc(a / b) ------------------------------------------
// C's fmod is exact, so computing it on the host in the storage type gives ATen's bits; integer
// fmod by zero raises as % does. (float16/bfloat16 would round the backward's quotient first.)
namespace {
// Applies f elementwise to a and b broadcast to one shape, in dtype t, on the host.
template <class F>
Tensor host_binary(const Tensor& a, const Tensor& b, DType t, F f) {
  const Shape shape = broadcast_shapes(a.shape(), b.shape());
  const Tensor x = prim::expand(prim::cast(a, t), shape).contiguous_clone();
  const Tensor y = prim::expand(prim::cast(b, t), shape).contiguous_clone();
  return dispatch_dtype(t, [&](auto zero) {
    using T = decltype(zero);
    const std::vector<T> xs = host_values<T>(x), ys = host_values<T>(y);
    std::vector<T> out(xs.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = f(xs[i], ys[i]);
    return from_host(out, shape, t, a.device());
  });
}

Tensor fmod_values(const Tensor& a, const Tensor& b, DType t) {
  if (t == DType::Bool) not_supported("fmod of bool tensors");
  refuse_narrow_float(a, "fmod");
  refuse_narrow_float(b, "fmod");
  check_int_divisor(b, t);
  return host_binary(a, b, t, [](auto x, auto y) -> decltype(x) {
    if constexpr (std::is_floating_point_v<decltype(x)>) return std::fmod(x, y);
    else return y == -1 ? 0 : x % y;  // (-1 is the one divisor that can overflow: INT64_MIN % -1)
  });
}

// −g · trunc(a / b), the quotient rounded to the dtype before truncation as ATen's div "trunc".
Grads fmod_backward(const Node& n, const Tensor& g) {
  Tensor gb;
  if (n.needs_input_grad(1)) {
    Tensor q = host_binary(saved(n, 0), saved(n, 1), g.dtype(), [](auto x, auto y) -> decltype(x) {
      const decltype(x) quotient = x / y;
      return std::trunc(quotient);
    });
    gb = prim::binary(BinaryOp::Mul, prim::unary(UnaryOp::Neg, g), q, g.dtype());
  }
  return {n.needs_input_grad(0) ? g : Tensor(), gb};
}
}  // namespace

Tensor fmod(const Tensor& a, const Tensor& b) {
  const DType t = compute_type(a, b);
  Tensor out = fmod_values(a, b, t);
  if (Node* n = record_op(OpId::FmodTensor, fmod_backward, out, {&a, &b})) {
    if (n->needs_input_grad(1)) {
      save_for_backward(*n, a);
      save_for_backward(*n, b);
    }
  }
  return out;
}

Tensor fmod(const Tensor& a, Scalar b) {
  const DType t = compute_type(a, b);
  Tensor out = fmod_values(a, prim::scalar(b.value, t, a.device()), t);
  // (fmod.Scalar keeps the number as a number: the node has one edge, unlike remainder's)
  record_op(OpId::FmodScalar, [](const Node&, const Tensor& g) -> Grads { return {g}; }, out, {&a});
  return out;
}

// floor_divide has no derivative in PyTorch 1.13: its result's grad_fn is a node named
// NotImplemented, which raises only when a backward reaches it.
namespace {
struct FloorDivideBackward : CustomBackward {
  std::vector<Tensor> apply(std::vector<Tensor>) override {
    runtime_error("derivative for aten::floor_divide is not implemented");
  }
};
void record_floor_divide(Tensor& out, std::initializer_list<const Tensor*> inputs) {
  if (!grad_mode_enabled() || std::none_of(inputs.begin(), inputs.end(), [](const Tensor* t) { return t->requires_grad(); }))
    return;
  auto node = std::make_unique<FloorDivideBackward>();
  node->name = "NotImplemented";
  for (const Tensor* t : inputs)  // an edge for each input that requires grad only (its next_functions)
    if (t->requires_grad()) {
      node->edges.push_back(gradient_edge(*t));
      node->inputs.push_back(InputMeta{t->shape(), t->dtype(), t->device()});
    }
  node->outputs.push_back(InputMeta{out.shape(), out.dtype(), out.device()});
  node->output_impls.resize(1);
  attach_custom_output(make_custom_node(std::move(node)), out, 0);
}
// PyTorch's float16/bfloat16 floor division rounds each step of its formula to the dtype.
void check_floor_divide_dtype(DType t) {
  if (is_narrow(t) && is_floating(t)) not_supported(std::string("floor_divide (//) on ") + dtype_name(t) + " tensors");
}
}  // namespace

Tensor floor_divide(const Tensor& a, const Tensor& b) {
  DType t = compute_type(a, b);
  check_floor_divide_dtype(t);
  check_int_divisor(b, t);
  Tensor out = prim::binary(BinaryOp::FloorDivide, a, b, t);
  record_floor_divide(out, {&a, &b});
  return out;
}

Tensor floor_divide(const Tensor& a, Scalar b) {
  DType t = compute_type(a, b);
  check_floor_divide_dtype(t);
  if (!is_floating(t) && b.value == 0) runtime_error("ZeroDivisionError");
  Tensor out = prim::binary(BinaryOp::FloorDivide, a, prim::scalar(b.value, t, a.device()), t);
  record_floor_divide(out, {&a});
  return out;
}

}  // namespace gradlab
