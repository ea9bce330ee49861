// See cumulative.h (Note [Cumulative accumulation]). The scans run on the host: one line at a
// time, which is how PyTorch orders them.
#include "engine/ops/cumulative.h"

#include "engine/ops/op_helpers.h"

namespace gradlab {
using namespace ops;

namespace {

enum class Scan { Sum, Prod };

// The accumulate type of T: double for floating point, int64 for integers.
template <class T>
using Acc = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;

// Runs the scan over every line of `x` along `dim`, backwards when `reversed`.
Tensor scan(const Tensor& x, int64_t dim, Scan kind, bool reversed) {
  std::vector<unsigned char> bytes = host_bytes(x);
  const Shape& shape = x.shape();
  const DimSplit lines = split_at(shape, dim);
  const int64_t outer = lines.outer, len = lines.dim_size, inner = lines.inner;
  dispatch_dtype(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    T* p = reinterpret_cast<T*>(bytes.data());
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        T* line = p + o * len * inner + i;
        Acc<T> acc = kind == Scan::Sum ? 0 : 1;
        for (int64_t k = 0; k < len; ++k) {
          T& v = line[(reversed ? len - 1 - k : k) * inner];
          if (kind == Scan::Sum) acc += v;
          else acc *= v;
          v = static_cast<T>(acc);
        }
      }
  });
  return from_host_bytes(bytes, shape, x.dtype(), x.device());
}

Tensor scan_input(const Tensor& a, std::optional<DType> dtype) {
  if (dtype) return prim::cast(a, *dtype);
  if (!is_floating(a.dtype())) return prim::cast(a, DType::Int64);  // bool and every integer dtype scan in int64
  refuse_narrow_float(a, "cumsum and cumprod");  // float16 has no kernel in PyTorch 1.13, bfloat16 is not reproduced
  return a;
}

// A line of one element (or a tensor of at most one) scans to itself: its gradient passes through.
bool trivial_line(const Node& n) {
  const Shape& in = n.inputs[0].shape;
  return shape_numel(in) <= 1 || in.empty() || in[static_cast<size_t>(n.ints[0])] == 1;
}

}  // namespace

// d cumsum / dx: the reversed cumsum of the gradient.
Tensor cumsum(const Tensor& a, int64_t dim_in, std::optional<DType> dtype) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  Tensor out = scan(scan_input(a, dtype), dim, Scan::Sum, false);
  if (Node* n = record_op(OpId::Cumsum, [](const Node& n, const Tensor& g) -> Grads {
        if (trivial_line(n)) return {g};
        return {scan(g, n.ints[0], Scan::Sum, true)};
      }, out, {&a})) {
    n->ints = {dim};
  }
  return out;
}

// d cumprod / dx (no zero in x): reversed_cumsum(out · g) / x. With zeros, PyTorch takes another
// formula, which gradlab does not have.
Tensor cumprod(const Tensor& a, int64_t dim_in, std::optional<DType> dtype) {
  const int64_t dim = wrap_dim(dim_in, a.dim());
  Tensor x = scan_input(a, dtype);
  Tensor out = scan(x, dim, Scan::Prod, false);
  if (Node* n = record_op(OpId::Cumprod, [](const Node& n, const Tensor& g) -> Grads {
        if (trivial_line(n)) return {g};
        const Tensor& input = saved(n, 0);
        const Tensor& output = saved(n, 1);
        Tensor zero = prim::binary(BinaryOp::EqualMask, input, prim::scalar(0, input.dtype(), input.device()));
        if (prim::reduce(ReduceOp::Max, zero, Shape(zero.dim(), 1)).item().value != 0)
          not_supported("the gradient of cumprod of a tensor holding zeros");
        Tensor w = prim::binary(BinaryOp::Mul, output, g, g.dtype());
        return {prim::binary(BinaryOp::Div, scan(w, n.ints[0], Scan::Sum, true), input, g.dtype())};
      }, out, {&a})) {
    n->ints = {dim};
    save_for_backward(*n, x);
    save_for_backward(*n, prim::alias(out, out.shape()));  // the value without its history (no cycle)
  }
  return out;
}

}  // namespace gradlab
