// Tensor methods, factories, grad mode and type promotion (declared in tensor.h).
#include "engine/tensor.h"

#include <cmath>

#include "engine/allocation_limit.h"
#include "engine/autograd/node.h"
#include "engine/narrow_values.h"
#include "engine/ops/primitives.h"

namespace gradlab {

// ---- metadata ------------------------------------------------------------------------------
int64_t Tensor::size(int64_t d) const {
  if (dim() == 0) index_error("dimension specified as " + std::to_string(d) + " but tensor has no dimensions");
  return impl_->shape[wrap_dim(d, dim())];
}

// ---- autograd ------------------------------------------------------------------------------
Tensor Tensor::grad() const { return impl_->grad; }
bool Tensor::retains_grad() const { return impl_->retains_grad; }

Tensor& Tensor::requires_grad_(bool flag) {
  if (!is_leaf()) {
    if (!flag) {
      runtime_error(
          "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a "
          "subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    }
    return *this;
  }
  if (flag && !is_floating(dtype())) runtime_error("only Tensors of floating point dtype can require gradients");
  if (flag && impl_->is_inference && !inference_mode_enabled())
    runtime_error("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
  impl_->requires_grad = flag;
  return *this;
}

void Tensor::set_grad(const Tensor& g) {
  if (g.defined()) {
    if (g.shape() != shape()) runtime_error("assigned grad has data of a different size");
    if (g.dtype() != dtype()) runtime_error("assigned grad has data of a different type");
    if (g.device() != device()) runtime_error("assigned grad has data located on a different device");
  }
  impl_->grad = g;
}

void Tensor::backward(const Tensor& gradient, bool retain_graph) const {
  run_backward(*this, gradient, retain_graph);
}

void Tensor::retain_grad() const {
  if (!requires_grad()) runtime_error("can't retain_grad on Tensor that has requires_grad=False");
  if (is_leaf()) return;  // leaves keep their grad anyway
  if (impl_->retains_grad) return;
  impl_->retains_grad = true;
  impl_->retain_after_hook = impl_->hooks.empty() ? 0 : impl_->hooks.back().first;
}

int64_t Tensor::register_hook(TensorHook hook) const {
  if (!requires_grad()) runtime_error("cannot register a hook on a tensor that doesn't require gradient");
  static int64_t next_id = 0;  // ids only grow: retain_after_hook compares them
  impl_->hooks.emplace_back(++next_id, std::move(hook));
  return next_id;
}

void Tensor::remove_hook(int64_t id) const {
  std::erase_if(impl_->hooks, [id](const auto& h) { return h.first == id; });
}

Tensor Tensor::detach() const {
  Tensor out = prim::alias(*this, shape());
  out.impl()->name = impl_->name;
  return out;
}

// ---- data ----------------------------------------------------------------------------------
std::vector<double> Tensor::to_doubles() const {
  check_allocation(static_cast<size_t>(numel()), sizeof(double) + dtype_size(dtype()));  // Note [Allocation limit]
  std::vector<double> out(static_cast<size_t>(numel()));
  if (out.empty()) return out;
  std::vector<unsigned char> host(static_cast<size_t>(numel()) * dtype_size(dtype()));
  storage().backend->copy_to_host(host.data(), data(), host.size());
  dispatch_dtype(dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = reinterpret_cast<const T*>(host.data());
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(p[i]);
  });
  return out;
}

std::vector<int64_t> Tensor::to_int64s() const {
  if (!is_integral_storage(dtype())) {  // integers and bool: int64 storage (Note [Narrow dtypes])
    std::vector<double> d = to_doubles();
    return std::vector<int64_t>(d.begin(), d.end());
  }
  check_allocation(static_cast<size_t>(numel()), 2 * sizeof(int64_t));  // Note [Allocation limit]
  std::vector<int64_t> out(static_cast<size_t>(numel()));
  if (!out.empty()) storage().backend->copy_to_host(out.data(), data(), out.size() * sizeof(int64_t));
  return out;
}

Scalar Tensor::item() const {
  if (numel() != 1) value_error("only one element tensors can be converted to Python scalars");
  if (is_integral_storage(dtype())) {
    int64_t v = 0;
    storage().backend->copy_to_host(&v, data(), sizeof v);
    return Scalar(v);
  }
  return Scalar(to_doubles()[0]);
}

Tensor Tensor::contiguous_clone() const {
  Tensor out = prim::empty(shape(), dtype(), device());
  storage().backend->copy(out.mutable_data(), data(), static_cast<size_t>(numel()) * dtype_size(dtype()));
  return out;
}

// ---- grad mode -----------------------------------------------------------------------------
namespace {
thread_local bool g_grad_enabled = true;
thread_local bool g_inference_mode = false;
Device g_default_device{};
}  // namespace

bool grad_mode_enabled() { return g_grad_enabled; }
bool inference_mode_enabled() { return g_inference_mode; }
void set_inference_mode(bool enabled) { g_inference_mode = enabled; }
void set_grad_mode(bool enabled) { g_grad_enabled = enabled; }
NoGradGuard::NoGradGuard() : previous_(g_grad_enabled) { g_grad_enabled = false; }
NoGradGuard::~NoGradGuard() { g_grad_enabled = previous_; }
Device default_device() { return g_default_device; }
void set_default_device(Device device) { g_default_device = device; }

// ---- Note [Type promotion] -----------------------------------------------------------------
// PyTorch ranks operands in three groups: tensors with dims, zero-dim tensors, Python numbers.
// Within a group dtypes promote by promote_types. A lower group only matters when it is of a
// higher *category* (bool < integer < float): then a zero-dim tensor brings its own dtype, a
// Python int int64 and a Python float the default float dtype. So float32[3] * float64 0-d stays
// float32, int64[3] * 2.5 becomes float32, int8[3] + 1000 stays int8, bool[3] + 1 int64.
DType promote_types(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  const bool fa = is_floating(a), fb = is_floating(b);
  if (fa != fb) return fa ? a : b;  // integer with float: the float
  if (fa) {  // float16 with bfloat16 meet in float32; otherwise the wider one
    if (dtype_itemsize(a) == dtype_itemsize(b)) return DType::Float32;
    return dtype_itemsize(a) > dtype_itemsize(b) ? a : b;
  }
  // Integers: the wider; uint8 with a signed type needs one that holds both (int8 -> int16).
  if (a == DType::UInt8 || b == DType::UInt8) {
    DType other = a == DType::UInt8 ? b : a;
    return other == DType::Int8 ? DType::Int16 : other;
  }
  return dtype_itemsize(a) >= dtype_itemsize(b) ? a : b;
}

bool can_cast(DType from, DType to) {
  if (is_floating(from) && !is_floating(to)) return false;
  return !(from != DType::Bool && to == DType::Bool);
}

namespace {
DType combine_categories(DType higher, DType lower) {
  if (is_floating(higher)) return higher;
  if (higher == DType::Bool || is_floating(lower)) return promote_types(higher, lower);
  return higher;
}
}  // namespace

DType result_type(const Tensor& a, const Tensor& b) {
  if (a.dtype() == b.dtype()) return a.dtype();
  bool a0 = a.dim() == 0, b0 = b.dim() == 0;
  if (a0 == b0) return promote_types(a.dtype(), b.dtype());
  return a0 ? combine_categories(b.dtype(), a.dtype()) : combine_categories(a.dtype(), b.dtype());
}

DType result_type(const Tensor& a, Scalar b) {
  if (is_floating(a.dtype())) return a.dtype();
  if (b.is_bool) return a.dtype();
  if (b.is_integral) return a.dtype() == DType::Bool ? DType::Int64 : a.dtype();
  return kDefaultFloat;
}

// ---- creation ------------------------------------------------------------------------------
namespace {

DType resolve_dtype(const TensorOptions& o, DType inferred) { return o.dtype.value_or(inferred); }
Device resolve_device(const TensorOptions& o) { return o.device.value_or(default_device()); }

void apply_requires_grad(Tensor& t, const TensorOptions& o) {
  if (!o.requires_grad) return;
  if (!is_floating(t.dtype())) runtime_error("Only Tensors of floating point and complex dtype can require gradients");
  t.impl()->requires_grad = true;
}

// Flattens nested lists, checking they are rectangular (PyTorch's ValueError otherwise).
// `ints` keeps the exact integers beside the doubles (which round past 2^53).
void flatten_nested(const NestedData& d, size_t depth, Shape& shape, std::vector<double>& values, std::vector<int64_t>& ints,
                    bool& any_float, bool& any_number) {
  if (auto* list = std::get_if<std::vector<NestedData>>(&d.value)) {
    int64_t n = static_cast<int64_t>(list->size());
    if (depth == shape.size()) {
      if (!values.empty()) value_error("expected sequence of length " + std::to_string(shape.back()) + " at dim " +
                                       std::to_string(depth) + " (got " + std::to_string(n) + ")");
      shape.push_back(n);
    } else if (shape[depth] != n) {
      value_error("expected sequence of length " + std::to_string(shape[depth]) + " at dim " + std::to_string(depth) +
                  " (got " + std::to_string(n) + ")");
    }
    for (const auto& item : *list) flatten_nested(item, depth + 1, shape, values, ints, any_float, any_number);
    return;
  }
  if (depth < shape.size()) type_error("not a sequence");
  if (!std::holds_alternative<bool>(d.value)) any_number = true;
  if (auto* f = std::get_if<double>(&d.value)) {
    any_float = true;
    values.push_back(*f);
    ints.push_back(0);
  } else if (auto* i = std::get_if<int64_t>(&d.value)) {
    values.push_back(static_cast<double>(*i));
    ints.push_back(*i);
  } else {
    values.push_back(std::get<bool>(d.value) ? 1.0 : 0.0);
    ints.push_back(std::get<bool>(d.value) ? 1 : 0);
  }
}

}  // namespace

Tensor from_vector(const std::vector<double>& values, const Shape& shape, const TensorOptions& options) {
  DType dtype = resolve_dtype(options, kDefaultFloat);
  Device device = resolve_device(options);
  Tensor out = prim::empty(shape, dtype, device);
  dispatch_dtype(dtype, [&](auto zero) {
    using T = decltype(zero);
    std::vector<T> host(values.size());
    for (size_t i = 0; i < values.size(); ++i) host[i] = static_cast<T>(values[i]);
    if (dtype == DType::Bool)  // nonzero is True (Note [Bool storage])
      for (size_t i = 0; i < values.size(); ++i) host[i] = values[i] != 0 ? T(1) : T(0);
    narrow_values(dtype, host.data(), static_cast<int64_t>(host.size()));  // Note [Narrow dtypes]
    out.storage().backend->copy_from_host(out.mutable_data(), host.data(), host.size() * sizeof(T));
  });
  apply_requires_grad(out, options);
  return out;
}

void check_narrow_value(double v, DType t, bool tensor_literal) {
  if (narrow_overflows(v, t))
    runtime_error(std::string("value cannot be converted to type ") + narrow_c10_name(t, tensor_literal) + " without overflow");
}

Tensor tensor(const NestedData& data, const TensorOptions& options) {
  Shape shape;
  std::vector<double> values;
  std::vector<int64_t> ints;
  bool any_float = false, any_number = false;
  flatten_nested(data, 0, shape, values, ints, any_float, any_number);
  // An empty list is a float tensor, like torch.tensor([]); only bools make a bool tensor.
  bool is_float = any_float || values.empty();
  TensorOptions o = options;
  if (!o.dtype) o.dtype = is_float ? kDefaultFloat : any_number ? DType::Int64 : DType::Bool;
  if (is_narrow(*o.dtype) && !is_floating(*o.dtype)) {  // float16/bfloat16 literals may round to inf
    for (double v : values) check_narrow_value(v, *o.dtype, true);
  }
  Tensor out = from_vector(values, shape, o);
  if (is_integral_storage(*o.dtype) && *o.dtype != DType::Bool && !any_float && !ints.empty()) {  // exact past 2^53
    narrow_values(*o.dtype, ints.data(), static_cast<int64_t>(ints.size()));
    out.storage().backend->copy_from_host(out.mutable_data(), ints.data(), ints.size() * sizeof(int64_t));
  }
  return out;
}

Tensor empty(const Shape& shape, const TensorOptions& options) {
  for (auto d : shape)
    if (d < 0) runtime_error("Trying to create tensor with negative dimension " + std::to_string(d) + ": " + shape_str(shape));
  Tensor t = prim::empty(shape, resolve_dtype(options, kDefaultFloat), resolve_device(options));
  apply_requires_grad(t, options);
  return t;
}

Tensor full(const Shape& shape, Scalar value, const TensorOptions& options) {
  TensorOptions o = options;
  if (!o.dtype) o.dtype = value.is_integral ? DType::Int64 : kDefaultFloat;
  Tensor t = empty(shape, o);
  double v = t.dtype() == DType::Bool ? (value.value != 0 ? 1.0 : 0.0) : value.value;  // Note [Bool storage]
  check_narrow_value(v, t.dtype(), false);
  t.storage().backend->fill(t.dtype(), t.mutable_data(), t.numel(), v);
  return t;
}

Tensor zeros(const Shape& shape, const TensorOptions& options) {
  TensorOptions o = options;
  if (!o.dtype) o.dtype = kDefaultFloat;
  return full(shape, Scalar(0.0), o);
}
Tensor ones(const Shape& shape, const TensorOptions& options) {
  TensorOptions o = options;
  if (!o.dtype) o.dtype = kDefaultFloat;
  return full(shape, Scalar(1.0), o);
}

static TensorOptions like_options(const Tensor& t, const TensorOptions& options) {
  TensorOptions o = options;
  if (!o.dtype) o.dtype = t.dtype();
  if (!o.device) o.device = t.device();
  return o;
}
Tensor zeros_like(const Tensor& t, const TensorOptions& options) { return zeros(t.shape(), like_options(t, options)); }
Tensor ones_like(const Tensor& t, const TensorOptions& options) { return ones(t.shape(), like_options(t, options)); }
Tensor full_like(const Tensor& t, Scalar value, const TensorOptions& options) {
  return full(t.shape(), value, like_options(t, options));
}

Tensor scalar_tensor(Scalar value, DType dtype, Device device) { return prim::scalar(value.value, dtype, device); }

}  // namespace gradlab
