// Tensor: the engine's one user-facing type, modelled on torch.Tensor.
//
// A Tensor is a shared handle to a TensorImpl (copying a Tensor aliases it, like Python
// references). The impl owns a contiguous Storage on some device plus autograd metadata:
// `requires_grad`, the accumulated `.grad`, and `grad_fn`, the graph Node that produced it.
// Leaves (created by the user) have no grad_fn; their gradients arrive through an
// AccumulateGrad node (see autograd/node.h).
//
// Ops live in ops/*.cpp, one table row each (ops/op_list.h); this header only declares them.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/device.h"
#include "engine/dtype.h"
#include "engine/error.h"
#include "engine/shape.h"
#include "engine/storage.h"
#include "engine/view_copy.h"

namespace gradlab {

struct Node;
struct TensorImpl;
class Tensor;

// A gradient hook (x.register_hook): called with the gradient flowing into the tensor during
// backward; an undefined result keeps the gradient, a defined one replaces it.
using TensorHook = std::function<Tensor(const Tensor& grad)>;

// A Python number: int or float. Operations with a Scalar keep the tensor's dtype unless the
// scalar is a float and the tensor integral (then the result is the default float dtype).
struct Scalar {
  Scalar(double v) : value(v), is_integral(false) {}
  Scalar(int v) : value(v), is_integral(true), int_value(v) {}
  Scalar(int64_t v) : value(static_cast<double>(v)), is_integral(true), int_value(v) {}
  static Scalar boolean(bool v) {  // a Python bool: promotes like a bool tensor (Note [Type promotion])
    Scalar s(int64_t{v});
    s.is_bool = true;
    return s;
  }
  double value;
  bool is_integral;
  int64_t int_value = 0;  // exact when built from an int64 (value is rounded past 2^53)
  bool is_bool = false;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  bool is_same(const Tensor& o) const { return impl_ == o.impl_; }

  // ---- metadata ----
  const Shape& shape() const;
  int64_t dim() const;
  int64_t numel() const;
  int64_t size(int64_t dim) const;  // negative dims wrap, like PyTorch
  DType dtype() const;
  Device device() const;

  // ---- autograd ----
  bool requires_grad() const;
  Tensor& requires_grad_(bool flag = true);  // errors like PyTorch on non-leaf / integer tensors
  Tensor grad() const;                       // undefined Tensor == None
  void set_grad(const Tensor& g);            // `x.grad = g` / `x.grad = None`
  bool is_leaf() const;
  const std::shared_ptr<Node>& grad_fn() const;
  void backward(const Tensor& gradient = Tensor(), bool retain_graph = false) const;
  void retain_grad() const;
  bool retains_grad() const;
  int64_t register_hook(TensorHook hook) const;  // returns an id for remove_hook
  void remove_hook(int64_t id) const;
  Tensor detach() const;  // shares storage, no history

  // ---- data ----
  Scalar item() const;                  // one element → Python number
  std::vector<double> to_doubles() const;  // host copy, row-major (for printing and tolist)
  std::vector<int64_t> to_int64s() const;  // the same, exact for int64 tensors past 2^53
  const void* data() const;             // device pointer of the first element
  void* mutable_data() const;
  Storage& storage() const;
  Tensor contiguous_clone() const;      // a fresh copy with its own storage, no history
  Tensor to(DType dtype) const;         // differentiable cast (ToCopyBackward0)
  Tensor to(Device device) const;       // differentiable copy to another device

  // ---- in place (Note [In-place ops]) ----
  Tensor& zero_();
  Tensor& fill_(Scalar value);
  Tensor& add_(const Tensor& other, Scalar alpha = Scalar(1));
  Tensor& sub_(const Tensor& other, Scalar alpha = Scalar(1));
  Tensor& mul_(const Tensor& other);
  Tensor& div_(const Tensor& other);
  Tensor& add_(Scalar other);
  Tensor& sub_(Scalar other);
  Tensor& mul_(Scalar other);
  Tensor& div_(Scalar other);

 private:
  std::shared_ptr<TensorImpl> impl_;
};

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  Shape shape;
  int64_t numel = 0;
  DType dtype = kDefaultFloat;
  bool requires_grad = false;
  bool retains_grad = false;
  uint32_t output_nr = 0;                      // which output of grad_fn (multi-output custom functions)
  bool is_inference = false;                   // made under torch.inference_mode()
  Tensor grad;
  std::shared_ptr<Node> grad_fn;               // null for leaves
  std::weak_ptr<Node> grad_accumulator;        // AccumulateGrad sink of a leaf, made on demand
  std::string name;                            // optional label for the page's graph picture
  std::vector<std::pair<int64_t, TensorHook>> hooks;  // register_hook, run in this order
  // retain_grad() is a hook too, in PyTorch: .grad keeps the gradient as the hooks registered
  // before it left it. The id of the last hook at that time (0: none).
  int64_t retain_after_hook = 0;
  // PyTorch returns t()/transpose/expand/some slices as strided views; gradlab copies them into
  // contiguous storage but remembers, so that view() errors and reshape() names its node
  // (UnsafeViewBackward0) exactly as PyTorch does for a non-contiguous input.
  bool noncontiguous = false;
  // Of those, a 2-D transpose of a contiguous matrix: PyTorch's strides (1, rows), "column-major",
  // for which its mm backward computes the gradient the other way round (Note [Matmul rounding]).
  bool column_major = false;
  // Made by nn.Parameter: scripts see its type as torch.nn.parameter.Parameter (repr
  // "Parameter containing:"); ops on it give plain tensors, as PyTorch's Parameter does.
  bool is_parameter = false;
  // Set on the copies gradlab makes where PyTorch returns a view (Note [Views are copies]).
  std::shared_ptr<ViewCopy> view_copy;
};

// ---- creation ------------------------------------------------------------------------------
struct TensorOptions {
  std::optional<DType> dtype;
  std::optional<Device> device;
  bool requires_grad = false;
};

// Nested Python data for torch.tensor(): a number or a list of NestedData.
struct NestedData {
  std::variant<double, int64_t, bool, std::vector<NestedData>> value;
};

// ---- inline accessors (hot: called several times per op) -----------------------------------
inline const Shape& Tensor::shape() const { return impl_->shape; }
inline int64_t Tensor::dim() const { return static_cast<int64_t>(impl_->shape.size()); }
inline int64_t Tensor::numel() const { return impl_->numel; }
inline DType Tensor::dtype() const { return impl_->dtype; }
inline Device Tensor::device() const { return impl_->storage->device; }
// Both compute deferred values first (Note [Deferred element-wise ops], engine/deferred.h).
// A view's copy first catches up with its base (Note [Views are copies]).
inline const void* Tensor::data() const {
  if (impl_->view_copy) [[unlikely]] sync_view_copy(*impl_);
  return impl_->storage->ready_data();
}
inline void* Tensor::mutable_data() const {
  if (impl_->view_copy) [[unlikely]] sync_view_copy(*impl_);
  return impl_->storage->writable_data();
}
inline Storage& Tensor::storage() const { return *impl_->storage; }
inline bool Tensor::requires_grad() const { return impl_->requires_grad; }
inline bool Tensor::is_leaf() const { return impl_->grad_fn == nullptr; }
inline const std::shared_ptr<Node>& Tensor::grad_fn() const { return impl_->grad_fn; }

Tensor tensor(const NestedData& data, const TensorOptions& options = {});
Tensor from_vector(const std::vector<double>& values, const Shape& shape, const TensorOptions& options = {});
Tensor empty(const Shape& shape, const TensorOptions& options = {});
Tensor zeros(const Shape& shape, const TensorOptions& options = {});
Tensor ones(const Shape& shape, const TensorOptions& options = {});
Tensor full(const Shape& shape, Scalar value, const TensorOptions& options = {});
Tensor arange(Scalar start, Scalar end, Scalar step, const TensorOptions& options = {});
Tensor linspace(double start, double end, int64_t steps, const TensorOptions& options = {});
Tensor zeros_like(const Tensor& t, const TensorOptions& options = {});
Tensor ones_like(const Tensor& t, const TensorOptions& options = {});
Tensor full_like(const Tensor& t, Scalar value, const TensorOptions& options = {});
Tensor scalar_tensor(Scalar value, DType dtype, Device device);

// The device used when a factory is given none (`gradlab run --device cuda` changes it).
Device default_device();
void set_default_device(Device device);

// ---- differentiable ops (ops/*.cpp; node names in ops/op_list.h) -------------------------------
Tensor add(const Tensor& a, const Tensor& b, Scalar alpha = Scalar(1));
Tensor add(const Tensor& a, Scalar b);
Tensor sub(const Tensor& a, const Tensor& b, Scalar alpha = Scalar(1));
Tensor sub(const Tensor& a, Scalar b);
Tensor rsub(const Tensor& a, Scalar b);  // b - a
// ATen's add/sub(Tensor, Scalar) overloads (AddBackward1, SubBackward1): what ATen's composites
// record for `t + 1e-6` in C++, where Python's `t + 1e-6` wraps the number (AddBackward0).
Tensor add_scalar_overload(const Tensor& a, Scalar b);
Tensor sub_scalar_overload(const Tensor& a, Scalar b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, Scalar b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, Scalar b);
Tensor rdiv(const Tensor& a, Scalar b);  // b / a
// a % b and a // b with Python's signs (the result of % takes b's sign; // rounds down).
Tensor remainder(const Tensor& a, const Tensor& b);
Tensor remainder(const Tensor& a, Scalar b);
Tensor floor_divide(const Tensor& a, const Tensor& b);
Tensor floor_divide(const Tensor& a, Scalar b);
Tensor neg(const Tensor& a);
Tensor reciprocal(const Tensor& a);
Tensor pow(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, Scalar exponent);
Tensor pow(Scalar base, const Tensor& exponent);  // torch.pow(2, x): PowBackward2
// Note: Python's `2 ** x` is PowBackward1 in PyTorch (it builds a tensor from 2 first):
// call pow(scalar_tensor(2, result_type(x, 2), x.device()), x) for that spelling.

Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor sin(const Tensor& a);
Tensor cos(const Tensor& a);
Tensor sigmoid(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor relu(const Tensor& a);
// Their gradients as ops of their own, recorded under create_graph (Note [Higher-order
// gradients]): σ'·g from σ's output y, tanh'·g from tanh's output y, g where relu's output y > 0.
Tensor sigmoid_backward(const Tensor& grad, const Tensor& output);
Tensor tanh_backward(const Tensor& grad, const Tensor& output);
Tensor threshold_backward(const Tensor& grad, const Tensor& output);  // threshold 0: relu's
// Pointwise math (ops/pointwise_math.cpp). Rounding keeps an integer tensor's dtype (a copy).
Tensor floor(const Tensor& a);
Tensor ceil(const Tensor& a);
Tensor round(const Tensor& a);
Tensor round(const Tensor& a, int64_t decimals);  // RoundBackward1
Tensor trunc(const Tensor& a);
Tensor frac(const Tensor& a);
Tensor sign(const Tensor& a);
Tensor sgn(const Tensor& a);  // sign for real tensors, with SgnBackward0 (abs's gradient under create_graph)
Tensor rsqrt(const Tensor& a);
Tensor exp2(const Tensor& a);
Tensor expm1(const Tensor& a);
Tensor log1p(const Tensor& a);
Tensor erf(const Tensor& a);
Tensor log2(const Tensor& a);
Tensor log10(const Tensor& a);
Tensor sinh(const Tensor& a);
Tensor cosh(const Tensor& a);
Tensor asinh(const Tensor& a);
Tensor acosh(const Tensor& a);
Tensor atanh(const Tensor& a);
// Trigonometry and erfc (ops/trig.cpp); the `_` forms write in place, without history.
Tensor tan(const Tensor& a);
Tensor asin(const Tensor& a);
Tensor acos(const Tensor& a);
Tensor atan(const Tensor& a);
Tensor erfc(const Tensor& a);
Tensor atan2(const Tensor& y, const Tensor& x);
Tensor hypot(const Tensor& a, const Tensor& b);
Tensor& tan_(Tensor& self);
Tensor& asin_(Tensor& self);
Tensor& acos_(Tensor& self);
Tensor& atan_(Tensor& self);
Tensor& erfc_(Tensor& self);
Tensor& atan2_(Tensor& self, const Tensor& other);
Tensor& hypot_(Tensor& self, const Tensor& other);
// x·log(y), 0 where x is 0 (ops/special.cpp): XlogyBackward0, 1 (a number x), 2 (a number y).
Tensor xlogy(const Tensor& self, const Tensor& other);
Tensor xlogy(Scalar self, const Tensor& other);
Tensor xlogy(const Tensor& self, Scalar other);
Tensor& xlogy_(Tensor& self, const Tensor& other);
Tensor& xlogy_(Tensor& self, Scalar other);
// NaN, +inf and -inf replaced, by default with 0 and the dtype's largest and lowest finite values
// (ops/special.cpp): NanToNumBackward0.
Tensor nan_to_num(const Tensor& self, std::optional<double> nan = std::nullopt, std::optional<double> posinf = std::nullopt,
                  std::optional<double> neginf = std::nullopt);
Tensor& nan_to_num_(Tensor& self, std::optional<double> nan = std::nullopt, std::optional<double> posinf = std::nullopt,
                    std::optional<double> neginf = std::nullopt);
Tensor clamp(const Tensor& a, std::optional<Scalar> min, std::optional<Scalar> max);

Tensor sum(const Tensor& a, std::optional<DType> dtype = std::nullopt);
Tensor sum(const Tensor& a, const std::vector<int64_t>& dims, bool keepdim = false);
Tensor mean(const Tensor& a);
Tensor mean(const Tensor& a, const std::vector<int64_t>& dims, bool keepdim = false);
Tensor max(const Tensor& a);                         // MaxBackward1
std::pair<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim = false);  // values, indices
Tensor min(const Tensor& a);                         // MinBackward1
std::pair<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim = false);  // MinBackward0
// The extremum over dims, all of them when none are given: AmaxBackward0 / AminBackward0.
Tensor amax(const Tensor& a, const std::vector<int64_t>& dims = {}, bool keepdim = false);
Tensor amin(const Tensor& a, const std::vector<int64_t>& dims = {}, bool keepdim = false);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor norm(const Tensor& a);  // 2-norm of all elements (NormBackward1)
// The p-norm (p = 1, 2 or inf) along one dim or of all elements: NormBackward1, or
// LinalgVectorNormBackward0 for torch.linalg's forms.
Tensor norm(const Tensor& a, double p, std::optional<int64_t> dim, bool keepdim, bool linalg = false);

Tensor matmul(const Tensor& a, const Tensor& b);  // mm, mv or dot by rank
Tensor mm(const Tensor& a, const Tensor& b);
// beta·bias + alpha·(a·b), rounded as ATen's CPU addmm (bias copied into C, then gemm with beta=1)
Tensor addmm(const Tensor& bias, const Tensor& a, const Tensor& b, Scalar beta = Scalar(1), Scalar alpha = Scalar(1));
Tensor mv(const Tensor& a, const Tensor& v);   // matrix · vector
Tensor dot(const Tensor& a, const Tensor& b);  // vector · vector

Tensor t(const Tensor& a);
Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1);
Tensor reshape(const Tensor& a, const Shape& shape);  // -1 infers one dim
Tensor view(const Tensor& a, const Shape& shape);
Tensor flatten(const Tensor& a, int64_t start_dim = 0, int64_t end_dim = -1);
Tensor unsqueeze(const Tensor& a, int64_t dim);
Tensor squeeze(const Tensor& a);
Tensor squeeze(const Tensor& a, int64_t dim);
Tensor expand(const Tensor& a, const Shape& shape);
Tensor permute(const Tensor& a, const std::vector<int64_t>& dims);
Tensor clone(const Tensor& a);
Tensor select(const Tensor& a, int64_t dim, int64_t index);  // a[i]
Tensor slice(const Tensor& a, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
             int64_t step = 1);                              // a[start:end:step]

// Reduces a broadcast gradient back to `shape` (Note [Broadcast grads]); no history.
Tensor sum_to(const Tensor& grad, const Shape& shape);

// ---- grad mode -----------------------------------------------------------------------------
bool grad_mode_enabled();
class NoGradGuard {
 public:
  NoGradGuard();
  ~NoGradGuard();
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};
void set_grad_mode(bool enabled);
// torch.inference_mode(): grad mode off, and the tensors made are inference tensors, which
// autograd refuses to save or to make require grad outside inference mode.
bool inference_mode_enabled();
void set_inference_mode(bool enabled);

// Type promotion of a binary op's operands (Note [Type promotion]).
// c10's "value cannot be converted to type int8_t without overflow" for a number stored into a
// narrow dtype (torch.tensor's literals name the type "int8").
void check_narrow_value(double value, DType dtype, bool tensor_literal);
// PyTorch's dtype lattice (torch.promote_types) and casting rule (torch.can_cast).
DType promote_types(DType a, DType b);
bool can_cast(DType from, DType to);
DType result_type(const Tensor& a, const Tensor& b);
DType result_type(const Tensor& a, Scalar b);

}  // namespace gradlab
