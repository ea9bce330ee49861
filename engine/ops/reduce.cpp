// Reductions: sum, mean, max, min. Backward expands the gradient back over the reduced dims.
// Node names follow PyTorch's overloads: all elements → …Backward0 (max: MaxBackward1),
// with `dim` → …Backward1 (max with dim: MaxBackward0).
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "engine/ops/index.h"
#include "engine/ops/op_helpers.h"
#include "engine/ops/pointwise.h"

namespace gradlab {
using namespace ops;

namespace {

// SumBackward's gradient is grad.expand(sizes) in PyTorch: a stride-0 view, not contiguous.
// Marked so, as batch_norm's backward takes another path for such a gradient (ops/norm.cpp);
// a leaf's .grad gets a contiguous copy (autograd/engine.cpp), as in PyTorch.
Tensor expanded_grad(const Tensor& g, const Shape& shape) {
  Tensor e = prim::expand(g, shape);
  if (e.numel() > 1 && e.numel() != g.numel()) e.impl()->noncontiguous = true;
  return e;
}

// Gradient of a reduction: reshape `g` to the keepdim shape, then broadcast to the input.
Tensor expand_back(const Tensor& g, const Node& n) {
  const Shape& in = n.inputs[0].shape;
  Shape keep(n.ints.begin(), n.ints.end());
  return expanded_grad(prim::alias(g, keep), in);
}

// Bool and every integer dtype sum to int64, as in PyTorch: their int64 storage is read as
// int64 (Note [Narrow dtypes]).
Tensor sum_input(const Tensor& a) { return is_integral_storage(a.dtype()) ? prim::retag(a, DType::Int64) : a; }

}  // namespace

// d(Σx)/dx = 1
Tensor sum(const Tensor& a, std::optional<DType> dtype) {
  Tensor x = dtype ? prim::cast(a, *dtype) : sum_input(a);
  Tensor out = prim::alias(prim::sum_values(x, Shape(a.dim(), 1)), {});
  record_op(OpId::Sum, [](const Node& n, const Tensor& g) -> Grads {
    return {expanded_grad(g, n.inputs[0].shape)};
  }, out, {&a});
  return out;
}

Tensor sum(const Tensor& a, const std::vector<int64_t>& dims_in, bool keepdim) {
  std::vector<int64_t> dims = wrap_dims(dims_in, a.dim());
  if (dims_in.empty()) {  // sum(dim=[]) reduces everything, like PyTorch
    for (int64_t d = 0; d < a.dim(); ++d) dims.push_back(d);
  }
  Shape keep = keepdim_shape(a.shape(), dims);
  Tensor r = prim::sum_values(sum_input(a), keep);
  Tensor out = keepdim ? r : prim::alias(r, drop_dims(a.shape(), dims));
  if (Node* n = record_op(OpId::SumDim, [](const Node& n, const Tensor& g) -> Grads { return {expand_back(g, n)}; },
                          out, {&a})) {
    n->ints.assign(keep.begin(), keep.end());
  }
  return out;
}

// Note [Norm summation order]: PyTorch 1.13's CPU 2-norm of all elements (what Tensor.norm()
// and torch.norm(x) reduce with), as its compiled kernel rounds:
//   float32 (norm_kernel_tensor_iterator_impl's fast path): 8 lanes, lane j accumulating
//     fma(x, x, acc) over elements j, j+8, ... of the whole groups of 8; the lanes summed left to
//     right; then the n % 8 tail: its groups of 4 as acc + x·x (product rounded), the last
//     n % 4 as fma(x, x, acc); sqrt in float.
//   float64 (the generic reduction): acc = fma(x, x, acc) in order; sqrt in double.
// (Found by comparing against torch 1.13.1 on thousands of random inputs: the compiler contracts
// the kernel's `acc += x * x` into fmas, except where it vectorised the tail's products.) The
// order is over memory, so a tensor that PyTorch would hold as a strided view is refused. This is
// PyTorch on one thread (as the golden reference runs); on several it splits large inputs.
namespace {
template <class T>
T norm2(const T* x, int64_t n) {
  if constexpr (std::is_same_v<T, float>) {
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t d = 0;
    for (; d < n - n % 8; d += 8)
      for (int j = 0; j < 8; ++j) lanes[j] = scalar_fma(x[d + j], x[d + j], lanes[j]);
    float acc = lanes[0];
    for (int j = 1; j < 8; ++j) acc = acc + lanes[j];
    const int64_t fours = d + (n - d) / 4 * 4;
    for (; d < fours; ++d) {
      const float sq = x[d] * x[d];
      acc = acc + sq;
    }
    for (; d < n; ++d) acc = scalar_fma(x[d], x[d], acc);
    return std::sqrt(acc);
  } else {
    T acc = 0;
    for (int64_t d = 0; d < n; ++d) acc = scalar_fma(x[d], x[d], acc);
    return std::sqrt(acc);
  }
}

// ‖a‖₂ as a 0-d tensor on a's device, computed on the host in PyTorch's order.
Tensor norm_value(const Tensor& a) {
  std::vector<unsigned char> host(static_cast<size_t>(a.numel()) * dtype_size(a.dtype()));
  if (!host.empty()) a.storage().backend->copy_to_host(host.data(), a.data(), host.size());
  Tensor out = prim::empty({}, a.dtype(), a.device());
  dispatch_dtype(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      T r = norm2(reinterpret_cast<const T*>(host.data()), a.numel());
      out.storage().backend->copy_from_host(out.mutable_data(), &r, sizeof r);
    }
  });
  return out;
}

// ATen 1.13's norm_backward for p = 2: g · (x / ‖x‖), the quotient 0 where ‖x‖ = 0 — divided
// first, then multiplied (not x · (g / ‖x‖): other digits; checked against torch 1.13.1).
Tensor norm2_backward(const Tensor& x, const Tensor& norm, const Tensor& g) {
  Tensor unit = prim::binary(BinaryOp::Div, x, norm, x.dtype());
  Tensor zero = prim::binary(BinaryOp::EqualMask, norm, prim::scalar(0, norm.dtype(), norm.device()));
  unit = prim::binary(BinaryOp::FillWhere, unit, zero, x.dtype(), 0.0);  // masked_fill_(norm == 0, 0)
  return prim::binary(BinaryOp::Mul, g, unit, g.dtype());
}

void check_norm_dtype(const Tensor& a) {
  refuse_narrow_float(a, "norm");  // PyTorch accumulates float16/bfloat16 norms its own way
  if (!is_floating(a.dtype()))
    runtime_error(std::string("norm(): input dtype should be either floating point or complex. Got ") +
                  dtype_scalar_name(a.dtype()) + " instead.");
}
}  // namespace

// ‖x‖₂ (Note [Norm summation order]); d/dx = g · (x / ‖x‖), 0 where ‖x‖ = 0 (ATen's norm_backward).
Tensor norm(const Tensor& a) {
  check_norm_dtype(a);
  if (a.numel() > 1 && a.impl()->noncontiguous)
    throw Error("NotImplementedError",
                "norm() of a transposed, sliced or expanded tensor is not supported by gradlab; call .contiguous() first");
  Tensor out = norm_value(a);
  if (Node* n = record_op(OpId::Norm, [](const Node& n, const Tensor& g) -> Grads {
        return {norm2_backward(saved(n, 0), saved(n, 1), g)};
      }, out, {&a})) {
    save_for_backward(*n, a);
    save_for_backward(*n, prim::alias(out, {}));  // the value without its history (no cycle)
    n->a = 2;  // p, as the p-norm form stores it: the rule's {p} (Note [Derivative rules])
  }
  return out;
}

// ATen's dist is norm(a − b, p): the difference (broadcast) gets the norm's summation order.
//   d/da = norm_backward(g, a − b), d/db = −d/da (the engine sums each back to its shape)
Tensor dist(const Tensor& a, const Tensor& b, double p) {
  if (p != 2) not_supported("torch.dist with p other than 2");
  const Tensor diff = prim::binary(BinaryOp::Sub, a, b, result_type(a, b));
  check_norm_dtype(diff);
  Tensor out = norm_value(diff);
  if (Node* n = record_op(OpId::Dist, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor diff = prim::binary(BinaryOp::Sub, saved(n, 0), saved(n, 1), saved(n, 2).dtype());
        const Tensor ga = norm2_backward(diff, saved(n, 2), g);
        return {ga, n.needs_input_grad(1) ? prim::unary(UnaryOp::Neg, ga) : Tensor()};
      }, out, {&a, &b})) {
    save_for_backward(*n, a);
    save_for_backward(*n, b);
    save_for_backward(*n, prim::alias(out, {}));  // the value without its history (no cycle)
  }
  return out;
}

// ---- vector norms along one dim: Tensor.norm(p, dim), torch.linalg.vector_norm ---------------
// Note [Norm summation order] extended: ATen 1.13 reduces a 2-norm with the 8-lane float32
// kernel only when the reduced elements are adjacent in memory (the dim is the last of size > 1,
// after TensorIterator drops the size-1 dims); any other single dim goes through the generic
// reduction, one fma per element in order, as float64 always does. The 1-norm adds |x| in order
// (no fma), the inf-norm keeps the largest |x| (NaN wins). Several dims at once reduce in an
// order gradlab does not model: NotImplementedError (checked against torch 1.13.1 on random shapes).
namespace {
template <class T>
T norm_of_line(const T* x, int64_t n, int64_t stride, double p) {
  if (p == 2) {
    if (stride == 1) return norm2(x, n);
    T acc = 0;
    for (int64_t k = 0; k < n; ++k) acc = scalar_fma(x[k * stride], x[k * stride], acc);
    return std::sqrt(acc);
  }
  T acc = 0;
  for (int64_t k = 0; k < n; ++k) {
    const T v = std::abs(x[k * stride]);
    if (p == 1) acc = acc + v;
    else if (!std::isnan(acc) && (std::isnan(v) || v > acc)) acc = v;  // the largest, NaN once seen
  }
  return acc;
}

// d‖x‖ₚ/dx (ATen's norm_backward), g and the norm with the reduced dim kept:
//   p = 2: g · (x / ‖x‖), 0 where ‖x‖ = 0; p = 1: sgn(x) · g;
//   p = ∞: sgn(x) · (g / count) where |x| is the norm (or NaN), count those per line.
Tensor vector_norm_backward(const Tensor& x, const Tensor& norm, const Tensor& g, double p) {
  if (p == 2) return norm2_backward(x, norm, g);
  const Tensor sgn = prim::unary(UnaryOp::Sign, x);
  if (p == 1) return prim::binary(BinaryOp::Mul, sgn, g, g.dtype());
  const Tensor abs_x = prim::unary(UnaryOp::Abs, x);
  Tensor mask = prim::cast(prim::binary(BinaryOp::EqualMask, abs_x, norm), x.dtype());
  Tensor nan_mask = prim::cast(prim::unary(UnaryOp::IsNan, abs_x), x.dtype());
  mask = prim::binary(BinaryOp::Max, mask, nan_mask, x.dtype());
  const Tensor count = prim::reduce(ReduceOp::Sum, mask, norm.shape());
  const Tensor share = prim::binary(BinaryOp::Mul, prim::binary(BinaryOp::Div, g, count, g.dtype()), mask, g.dtype());
  return prim::binary(BinaryOp::Mul, sgn, share, g.dtype());
}
}  // namespace

Tensor norm(const Tensor& a, double p, std::optional<int64_t> dim_in, bool keepdim, bool linalg) {
  check_norm_dtype(a);
  if (p != 1 && p != 2 && !std::isinf(p)) not_supported("norm with p other than 1, 2 and inf");
  if (p < 0) not_supported("norm with p = -inf");
  if (a.numel() > 1 && a.impl()->noncontiguous)
    throw Error("NotImplementedError",
                "norm() of a transposed, sliced or expanded tensor is not supported by gradlab; call .contiguous() first");
  const OpId op = linalg ? OpId::LinalgVectorNorm : OpId::Norm;
  if (!dim_in && p == 2 && !keepdim && !linalg) return norm(a);
  // all elements: one line of numel elements (the dims coalesce); a 0-d tensor's dim 0 / -1 is
  // its one element
  const bool along_dim = dim_in && a.dim() > 0;
  const Tensor x = along_dim ? a : prim::alias(a, {a.numel()});
  const int64_t dim = dim_in ? wrap_dim(*dim_in, a.dim()) : 0;
  if (linalg && std::isinf(p) && x.numel() == 0 && (!dim_in || (a.dim() > 0 && a.shape()[dim] == 0))) {
    const std::string prefix = "linalg.vector_norm cannot compute the inf norm on ";
    if (!dim_in) runtime_error(prefix + "an empty tensor because the operation does not have an identity");
    runtime_error(prefix + "the dimension " + std::to_string(*dim_in) +  // (sic: no space before "because")
                  "because this dimension is empty and the operation does not have an identity");
  }
  const DimSplit lines = split_at(x.shape(), along_dim ? dim : 0);
  Tensor r = reduce_lines(x, lines, {lines.outer * lines.inner}, [&](const auto* first, int64_t len, int64_t stride) {
    using T = std::decay_t<decltype(*first)>;
    if constexpr (std::is_floating_point_v<T>) return norm_of_line(first, len, stride, p);
    else return T(0);  // (check_norm_dtype refused integer tensors)
  });
  const Shape keep = along_dim ? keepdim_shape(a.shape(), {dim}) : Shape(a.dim(), 1);
  const Shape dropped = along_dim ? drop_dims(a.shape(), {dim}) : Shape{};
  Tensor out = prim::alias(r, keepdim ? keep : dropped);
  if (Node* n = record_op(op, [](const Node& n, const Tensor& g) -> Grads {
        const Tensor& x = saved(n, 0);
        const Shape keep(n.ints.begin(), n.ints.end());
        return {vector_norm_backward(x, prim::alias(saved(n, 1), keep), prim::alias(g, keep), n.a)};
      }, out, {&a})) {
    save_for_backward(*n, a);
    save_for_backward(*n, prim::alias(out, keep));  // the value without its history (no cycle)
    n->ints.assign(keep.begin(), keep.end());
    n->a = p;
  }
  return out;
}

// d(mean x)/dx = 1/n
Tensor mean(const Tensor& a) {
  if (!is_floating(a.dtype())) {
    runtime_error(std::string("mean(): could not infer output dtype. Input dtype must be either a floating point or "
                              "complex dtype. Got: ") + dtype_scalar_name(a.dtype()));
  }
  Tensor s = prim::alias(prim::sum_values(a, Shape(a.dim(), 1)), {});
  Tensor out = prim::binary(BinaryOp::Div, s, prim::scalar(static_cast<double>(a.numel()), a.dtype(), a.device()));
  record_op(OpId::Mean, [](const Node& n, const Tensor& g) -> Grads {
    Tensor count = prim::scalar(static_cast<double>(shape_numel(n.inputs[0].shape)), g.dtype(), g.device());
    return {prim::expand(prim::binary(BinaryOp::Div, g, count), n.inputs[0].shape)};
  }, out, {&a});
  return out;
}

Tensor mean(const Tensor& a, const std::vector<int64_t>& dims_in, bool keepdim) {
  if (!is_floating(a.dtype())) {
    runtime_error(std::string("mean(): could not infer output dtype. Input dtype must be either a floating point or "
                              "complex dtype. Got: ") + dtype_scalar_name(a.dtype()));
  }
  std::vector<int64_t> dims = wrap_dims(dims_in, a.dim());
  if (dims_in.empty())
    for (int64_t d = 0; d < a.dim(); ++d) dims.push_back(d);
  Shape keep = keepdim_shape(a.shape(), dims);
  int64_t count = 1;
  for (int64_t d : dims) count *= a.shape()[d];
  Tensor r = prim::binary(BinaryOp::Div, prim::sum_values(a, keep),
                          prim::scalar(static_cast<double>(count), a.dtype(), a.device()));
  Tensor out = keepdim ? r : prim::alias(r, drop_dims(a.shape(), dims));
  if (Node* n = record_op(OpId::MeanDim, [](const Node& n, const Tensor& g) -> Grads {
        Tensor e = expand_back(g, n);
        return {prim::binary(BinaryOp::Div, e, prim::scalar(n.a, g.dtype(), g.device()))};
      }, out, {&a})) {
    n->ints.assign(keep.begin(), keep.end());
    n->a = static_cast<double>(count);
  }
  return out;
}

namespace {
// d max(x)/dx (and min): the gradient is shared evenly by the elements equal to the result.
Grads extremum_all_backward(const Node& n, const Tensor& g) {
  const Tensor& x = saved(n, 0);
  const Tensor& m = saved(n, 1);
  Tensor mask = prim::binary(BinaryOp::EqualMask, x, m);
  Tensor count = prim::alias(prim::reduce(ReduceOp::Sum, mask, Shape(x.dim(), 1)), {});
  // zeros with grad / count put where the extremum is: +0 elsewhere (Note [Masked grads])
  return {prim::binary(BinaryOp::SelectOrZero, prim::binary(BinaryOp::Div, g, count), mask)};
}

// Along a dim: the gradient goes to the selected (first extremal) index only.
Grads extremum_dim_backward(const Node& n, const Tensor& g) {
  const Shape& in = n.inputs[0].shape;
  if (in.empty()) return {g};
  int64_t dim = n.ints[0];
  Shape keep = in;
  keep[dim] = 1;
  // one_hot[..., j, ...] = (j == index): compare an arange along `dim` with the indices.
  Shape pos_shape(in.size(), 1);
  pos_shape[dim] = in[dim];
  std::vector<double> pos(static_cast<size_t>(in[dim]));
  for (size_t j = 0; j < pos.size(); ++j) pos[j] = static_cast<double>(j);
  Tensor positions = from_vector(pos, pos_shape, TensorOptions{DType::Int64, g.device(), false});
  Tensor one_hot = prim::cast(prim::binary(BinaryOp::EqualMask, positions, prim::alias(saved(n, 0), keep)), g.dtype());
  // zeros with grad scattered to the index: +0 elsewhere (Note [Masked grads])
  return {prim::binary(BinaryOp::SelectOrZero, prim::alias(g, keep), one_hot)};
}

// The backends reduce with Max and ArgMax; min is the negation of the max of the negation, which
// is exact and keeps the first extremal index.
Tensor reduce_extremum(ReduceOp op, const Tensor& a, const Shape& keep, bool is_min) {
  if (!is_min) return prim::reduce(op, a, keep);
  Tensor r = prim::reduce(op, prim::unary(UnaryOp::Neg, a), keep);
  return op == ReduceOp::Max ? prim::unary(UnaryOp::Neg, r) : r;
}

Tensor extremum_all(const Tensor& a, bool is_min) {
  const char* name = is_min ? "min" : "max";
  if (a.numel() == 0) {
    runtime_error(std::string(name) + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                  "with the 'dim' argument.");
  }
  Tensor out = prim::alias(reduce_extremum(ReduceOp::Max, a, Shape(a.dim(), 1), is_min), {});
  if (Node* n = record_op(is_min ? OpId::MinAll : OpId::MaxAll, extremum_all_backward, out, {&a})) {
    save_for_backward(*n, a);
    save_for_backward(*n, out);
  }
  return out;
}

std::pair<Tensor, Tensor> extremum_dim(const Tensor& a, int64_t dim_in, bool keepdim, bool is_min) {
  int64_t dim = wrap_dim(dim_in, a.dim());
  if (a.dim() > 0 && a.shape()[dim] == 0) {
    index_error(std::string(is_min ? "min" : "max") + "(): Expected reduction dim " + std::to_string(dim) +
                " to have non-zero size.");
  }
  Shape keep = a.dim() == 0 ? Shape{} : keepdim_shape(a.shape(), {dim});
  Tensor values = reduce_extremum(ReduceOp::Max, a, keep, is_min);
  Tensor indices = a.dim() == 0 ? prim::scalar(0, DType::Int64, a.device()) : reduce_extremum(ReduceOp::ArgMax, a, keep, is_min);
  Shape out_shape = keepdim || a.dim() == 0 ? keep : drop_dims(a.shape(), {dim});
  Tensor out = prim::alias(values, out_shape);
  Tensor idx = prim::alias(indices, out_shape);
  if (Node* n = record_op(is_min ? OpId::MinDim : OpId::MaxDim, extremum_dim_backward, out, {&a})) {
    n->ints = {dim};
    save_for_backward(*n, idx);
  }
  return {out, idx};
}
// argmax / argmin (index.h): the ArgMax reduction, over the flattened tensor when no dim is given.
Tensor arg_extremum(const Tensor& a, std::optional<int64_t> dim_in, bool keepdim, bool is_min) {
  const std::string name = is_min ? "argmin" : "argmax";
  if (a.dtype() == DType::Bool)
    runtime_error("\"" + name + (a.device().is_cuda() ? "_cuda" : "_cpu") + "\" not implemented for 'Bool'");
  if (!dim_in) {
    if (a.numel() == 0) index_error(name + "(): Expected reduction dim to be specified for input.numel() == 0.");
    Tensor flat = prim::alias(a, {a.numel()});
    Tensor r = reduce_extremum(ReduceOp::ArgMax, flat, {1}, is_min);
    return prim::alias(r, keepdim ? Shape(a.dim(), 1) : Shape{});
  }
  const int64_t dim = wrap_dim(*dim_in, a.dim());
  if (a.dim() == 0) return prim::scalar(0, DType::Int64, a.device());
  if (a.shape()[dim] == 0)
    index_error(name + "(): Expected reduction dim " + std::to_string(dim) + " to have non-zero size.");
  Shape keep = keepdim_shape(a.shape(), {dim});
  Tensor r = reduce_extremum(ReduceOp::ArgMax, a, keep, is_min);
  return keepdim ? r : prim::alias(r, drop_dims(a.shape(), {dim}));
}

}  // namespace

// ---- amax / amin: the extremum over dims (all of them for none); the gradient is shared evenly
// by the elements equal to it, as derivatives.yaml's scale_grad_by_count: (grad / count) · mask, a
// product, so a masked-off element of a negative grad gets -0 ------------------------------------
namespace {
Tensor extremum_over_dims(const Tensor& a, const std::vector<int64_t>& dims_in, bool keepdim, bool is_min) {
  const std::string name = is_min ? "amin" : "amax";
  std::vector<int64_t> dims = wrap_dims(dims_in, a.dim());
  if (dims_in.empty()) {
    if (a.numel() == 0)
      runtime_error(name + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                           "with the 'dim' argument.");
    for (int64_t d = 0; d < a.dim(); ++d) dims.push_back(d);
  }
  if (a.dim() == 0) dims.clear();  // a 0-dim tensor's dim 0 (or -1) is the tensor itself
  for (int64_t d : dims)
    if (a.shape()[d] == 0) index_error(name + "(): Expected reduction dim " + std::to_string(d) + " to have non-zero size.");
  const Shape keep = keepdim_shape(a.shape(), dims);
  Tensor extremum = reduce_extremum(ReduceOp::Max, a, keep, is_min);
  Tensor out = keepdim ? extremum : prim::alias(extremum, drop_dims(a.shape(), dims));
  if (Node* n = record_op(is_min ? OpId::Amin : OpId::Amax, [](const Node& n, const Tensor& g) -> Grads {
        const Shape keep(n.ints.begin(), n.ints.end());
        const Tensor mask = prim::binary(BinaryOp::EqualMask, saved(n, 0), saved(n, 1), g.dtype());
        const Tensor count = prim::reduce(ReduceOp::Sum, mask, keep);
        return {prim::binary(BinaryOp::Mul, prim::binary(BinaryOp::Div, prim::alias(g, keep), count), mask)};
      }, out, {&a})) {
    n->ints.assign(keep.begin(), keep.end());
    save_for_backward(*n, a);
    save_for_backward(*n, extremum);
  }
  return out;
}
}  // namespace

Tensor amax(const Tensor& a, const std::vector<int64_t>& dims, bool keepdim) { return extremum_over_dims(a, dims, keepdim, false); }
Tensor amin(const Tensor& a, const std::vector<int64_t>& dims, bool keepdim) { return extremum_over_dims(a, dims, keepdim, true); }

Tensor argmax(const Tensor& a, std::optional<int64_t> dim, bool keepdim) { return arg_extremum(a, dim, keepdim, false); }
Tensor argmin(const Tensor& a, std::optional<int64_t> dim, bool keepdim) { return arg_extremum(a, dim, keepdim, true); }
Tensor max(const Tensor& a) { return extremum_all(a, false); }
Tensor min(const Tensor& a) { return extremum_all(a, true); }
std::pair<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim) { return extremum_dim(a, dim, keepdim, false); }
std::pair<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim) { return extremum_dim(a, dim, keepdim, true); }

}  // namespace gradlab
