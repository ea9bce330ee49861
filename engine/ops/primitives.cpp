// See primitives.h. Element-wise primitives on large CPU tensors are deferred and fused
// (Note [Deferred element-wise ops]).
#include "engine/ops/primitives.h"

#include "engine/allocation_limit.h"
#include "engine/deferred.h"
#include "engine/util/pool_allocator.h"

namespace gradlab::prim {
namespace {
// The buffer of an output this file has just made: never deferred and read by nobody yet, so
// it skips the checks of Tensor::mutable_data() (Note [Deferred element-wise ops]), which the
// scalar-heavy workloads (W5) measure.
void* fresh_data(const Tensor& out) { return out.impl()->storage->data; }

// PyTorch 1.13's CPU kernel names for the element-wise ops it does not build for float16; the
// others (arithmetic, abs, sign, comparisons) compute in float and round, as here (Note [Narrow
// dtypes]).
const char* half_missing_kernel(UnaryOp op) {
  switch (op) {
    case UnaryOp::Exp: return "exp_vml_cpu";
    case UnaryOp::Log: return "log_vml_cpu";
    case UnaryOp::Sqrt: return "sqrt_vml_cpu";
    case UnaryOp::Sin: return "sin_vml_cpu";
    case UnaryOp::Cos: return "cos_vml_cpu";
    case UnaryOp::Tanh: return "tanh_vml_cpu";
    case UnaryOp::Sigmoid: return "sigmoid_cpu";
    case UnaryOp::Relu: return "clamp_min_cpu";
    case UnaryOp::Clamp: case UnaryOp::ClampMask: case UnaryOp::HardtanhMask: return "clamp_scalar_cpu";
    case UnaryOp::Floor: return "floor_vml_cpu";
    case UnaryOp::Ceil: return "ceil_vml_cpu";
    case UnaryOp::Trunc: return "trunc_vml_cpu";
    case UnaryOp::Round: return "round_vml_cpu";
    case UnaryOp::RoundDecimals: return "round_cpu";
    case UnaryOp::Rsqrt: return "rsqrt_cpu";
    case UnaryOp::Expm1: return "expm1_vml_cpu";
    case UnaryOp::Log1p: return "log1p_vml_cpu";
    case UnaryOp::Erf: return "erf_vml_cpu";
    case UnaryOp::Log2: return "log2_vml_cpu";
    case UnaryOp::Log10: return "log10_vml_cpu";
    case UnaryOp::Sinh: return "sinh_cpu";
    case UnaryOp::Cosh: return "cosh_cpu";
    case UnaryOp::Asinh: return "asinh_cpu";
    case UnaryOp::Acosh: return "acosh_cpu";
    case UnaryOp::Atanh: return "atanh_cpu";
    case UnaryOp::Tan: return "tan_vml_cpu";
    case UnaryOp::Asin: return "asin_vml_cpu";
    case UnaryOp::Acos: return "acos_vml_cpu";
    case UnaryOp::Atan: return "atan_vml_cpu";
    case UnaryOp::Erfc: return "erfc_vml_cpu";
    case UnaryOp::LeakyRelu: return "leaky_relu_cpu";
    case UnaryOp::Silu: return "silu_cpu";
    case UnaryOp::Elu: case UnaryOp::Selu: case UnaryOp::Celu: return "elu_cpu";
    case UnaryOp::Softplus: case UnaryOp::SoftplusAboveThreshold: return "softplus_cpu";
    case UnaryOp::GeluErf: case UnaryOp::GeluErfOneDnn: case UnaryOp::GeluTanh: return "GeluKernelImpl";
    default: return nullptr;
  }
}
}  // namespace

Tensor empty(const Shape& shape, DType dtype, Device device) {
  Backend& be = backend_for(device);
  auto impl = make_pooled<TensorImpl>();
  impl->numel = shape_numel(shape);
  impl->storage = make_pooled<Storage>(be, storage_bytes(impl->numel, dtype_size(dtype)));
  impl->shape = shape;
  impl->dtype = dtype;
  impl->is_inference = inference_mode_enabled();
  return Tensor(std::move(impl));
}

Tensor alias(const Tensor& t, const Shape& shape) {
  auto impl = make_pooled<TensorImpl>();
  impl->storage = t.impl()->storage;
  impl->shape = shape;
  impl->numel = t.numel();
  impl->dtype = t.dtype();
  impl->is_inference = t.impl()->is_inference || inference_mode_enabled();  // a view of an inference tensor is one
  impl->view_copy = t.impl()->view_copy;  // same storage, so the same window (Note [Views are copies])
  return Tensor(std::move(impl));
}

Tensor retag(const Tensor& t, DType dtype) {
  Tensor out = alias(t, t.shape());
  out.impl()->dtype = dtype;
  return out;
}

Tensor mask_to_bool(const Tensor& t) {
  if (is_integral_storage(t.dtype())) return retag(t, DType::Bool);
  Tensor out = empty(t.shape(), DType::Int64, t.device());
  t.storage().backend->cast(t.dtype(), t.data(), DType::Int64, fresh_data(out), t.numel());
  return retag(out, DType::Bool);
}

Tensor cast(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  // To bool: nonzero (nan too) is True; the 0/1 become int64 storage (Note [Bool storage]).
  if (dtype == DType::Bool) return mask_to_bool(unary(UnaryOp::NonZero, t));
  Tensor out = empty(t.shape(), dtype, t.device());
  t.storage().backend->cast(t.dtype(), t.data(), dtype, fresh_data(out), t.numel());
  return out;
}

Tensor unary(UnaryOp op, const Tensor& x, double a, double b) {
  if (x.dtype() == DType::Float16) [[unlikely]] {
    if (const char* kernel = half_missing_kernel(op)) runtime_error(std::string("\"") + kernel + "\" not implemented for 'Half'");
  }
  if (deferred::can_defer(x)) [[unlikely]] return deferred::unary(op, x, a, b);
  Tensor out = empty(x.shape(), x.dtype(), x.device());
  x.storage().backend->unary(op, x.dtype(), x.data(), fresh_data(out), x.numel(), a, b);
  return out;
}

void check_same_device(const Tensor& a, const Tensor& b) {
  if (a.device() != b.device()) {
    // PyTorch names the non-CPU device first.
    std::string first = a.device().is_cuda() ? a.device().str() : b.device().str();
    std::string second = a.device().is_cuda() ? b.device().str() : a.device().str();
    runtime_error("Expected all tensors to be on the same device, but found at least two devices, " + first +
                  " and " + second + "!");
  }
}

Tensor binary(BinaryOp op, const Tensor& x_in, const Tensor& y_in, DType dtype, double a) {
  check_same_device(x_in, y_in);
  if (x_in.dtype() == dtype && y_in.dtype() == dtype && x_in.shape() == y_in.shape()) {
    if (deferred::can_defer(x_in)) [[unlikely]] return deferred::binary(op, x_in, y_in, a);
    Tensor out = empty(x_in.shape(), dtype, x_in.device());
    x_in.storage().backend->binary_same_shape(op, dtype, x_in.data(), y_in.data(), fresh_data(out), x_in.shape(), a);
    return out;
  }
  Tensor x = cast(x_in, dtype), y = cast(y_in, dtype);
  Shape shape = broadcast_shapes(x.shape(), y.shape());
  Tensor out = empty(shape, dtype, x.device());
  StridedView xv{x.data(), shape, broadcast_strides(x.shape(), shape), 0};
  StridedView yv{y.data(), shape, broadcast_strides(y.shape(), shape), 0};
  x.storage().backend->binary(op, dtype, xv, yv, fresh_data(out), shape, a);
  return out;
}

Tensor reduce(ReduceOp op, const Tensor& x, const Shape& out_shape) {
  Tensor out = empty(out_shape, op == ReduceOp::ArgMax ? DType::Int64 : x.dtype(), x.device());
  if (deferred::is_deferred(x) && op == ReduceOp::Sum && shape_numel(out_shape) == 1) {
    deferred::sum_all(x, fresh_data(out));  // fused: x is never materialised
    return out;
  }
  x.storage().backend->reduce(op, x.dtype(), x.data(), x.shape(), fresh_data(out), out_shape);
  return out;
}

Tensor sum_values(const Tensor& x, const Shape& out_shape) {
  if (x.impl()->noncontiguous && x.impl()->view_copy) {
    std::optional<std::vector<int64_t>> strides = pytorch_view_strides(*x.impl()->view_copy, x.shape());
    if (strides) {
      Tensor out = empty(out_shape, x.dtype(), x.device());
      x.storage().backend->reduce_sum_view(x.dtype(), x.data(), x.shape(), *strides, fresh_data(out), out_shape);
      return out;
    }
  }
  return reduce(ReduceOp::Sum, x, out_shape);
}

Tensor gather_view(const Tensor& x, const Shape& shape, const std::vector<int64_t>& strides, int64_t offset) {
  Tensor out = empty(shape, x.dtype(), x.device());
  StridedView v{x.data(), shape, strides, offset};
  x.storage().backend->strided_copy(x.dtype(), v, fresh_data(out));
  return out;
}

Tensor expand(const Tensor& x, const Shape& shape) {
  if (x.shape() == shape) return x;
  if (x.numel() == 1 && deferred::can_defer(shape_numel(shape), x.dtype(), x.device())) {
    return deferred::broadcast(x, shape);
  }
  return gather_view(x, shape, broadcast_strides(x.shape(), shape), 0);
}

Tensor matmul(const Tensor& a, const Tensor& b, int64_t m, int64_t n, int64_t k, bool trans_a, bool trans_b) {
  check_same_device(a, b);
  Tensor out = empty({m, n}, a.dtype(), a.device());
  a.storage().backend->matmul(a.dtype(), a.data(), b.data(), fresh_data(out), m, n, k, trans_a, trans_b, false);
  return out;
}

void matmul_accumulate(const Tensor& c, const Tensor& a, const Tensor& b, int64_t m, int64_t n, int64_t k, bool trans_a,
                       bool trans_b) {
  check_same_device(a, b);
  check_same_device(c, a);
  a.storage().backend->matmul(a.dtype(), a.data(), b.data(), c.mutable_data(), m, n, k, trans_a, trans_b, true);
}

Tensor gemv(const Tensor& a, const Tensor& x, const GemvCall& call) {
  check_same_device(a, x);
  const int64_t rows = a.shape()[0], cols = a.shape()[1];
  Tensor out = empty({rows}, a.dtype(), a.device());
  a.storage().backend->gemv(a.dtype(), a.data(), x.data(), fresh_data(out), rows, cols, call);
  return out;
}

Tensor dot(const Tensor& a, const Tensor& b, bool unit_strides) {
  check_same_device(a, b);
  Tensor out = empty({}, a.dtype(), a.device());
  a.storage().backend->dot(a.dtype(), a.data(), b.data(), fresh_data(out), a.numel(), unit_strides);
  return out;
}

Tensor scalar(double value, DType dtype, Device device) {
  Tensor out = empty({}, dtype, device);
  out.storage().backend->fill(dtype, fresh_data(out), 1, value);
  return out;
}

}  // namespace gradlab::prim
