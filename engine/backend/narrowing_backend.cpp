// The narrow dtypes on any backend (Note [Narrow dtypes] in dtype.h): backend_for() hands out
// this wrapper around the device's backend. It passes each call on with the storage dtype (so
// the kernels only ever see float32, float64 and int64) and then narrows what the call wrote
// when the dtype is narrow: one pass over the output, nothing at all for the wide dtypes.
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/backend/backend.h"
#include "engine/error.h"
#include "engine/narrow_values.h"

namespace gradlab {

Backend& cpu_backend();

namespace {

bool takes_scalar_operand(UnaryOp op) {
  switch (op) {
    case UnaryOp::AddScalar: case UnaryOp::MulScalar: case UnaryOp::RSubScalar: case UnaryOp::RDivScalar:
    case UnaryOp::PowScalar: case UnaryOp::RPowScalar:
      return true;
    default:
      return false;
  }
}

// A number as an element of narrow dtype t holds it; NaN and infinities (clamp's missing
// bounds) pass unchanged to integer dtypes.
double narrow_scalar(double v, DType t) {
  if (is_floating(t)) return narrow_float(static_cast<float>(v), t);
  return std::isfinite(v) ? static_cast<double>(wrap_integer(static_cast<int64_t>(v), t)) : v;
}

class NarrowingBackend final : public Backend {
 public:
  explicit NarrowingBackend(Backend& inner) : inner_(inner) {}

  Device device() const override { return inner_.device(); }
  void* allocate(size_t bytes) override { return inner_.allocate(bytes); }
  void deallocate(void* ptr, size_t bytes) override { inner_.deallocate(ptr, bytes); }
  void copy_from_host(void* dst, const void* host_src, size_t bytes) override { inner_.copy_from_host(dst, host_src, bytes); }
  void copy_to_host(void* host_dst, const void* src, size_t bytes) override { inner_.copy_to_host(host_dst, src, bytes); }
  void copy(void* dst, const void* src, size_t bytes) override { inner_.copy(dst, src, bytes); }

  void fill(DType t, void* dst, int64_t n, double value) override {
    if (is_narrow(t)) value = narrow_scalar(value, t);  // the one value instead of n elements
    inner_.fill(storage_dtype(t), dst, n, value);
  }
  void cast(DType from, const void* src, DType to, void* dst, int64_t n) override {
    inner_.cast(storage_dtype(from), src, storage_dtype(to), dst, n);
    narrow(to, dst, n);
  }
  void unary(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) override {
    // PyTorch makes a Python number operand an element of the tensor's dtype first (x * 0.1 on
    // float16 multiplies by 0.0999756).
    if (is_narrow(t) && is_floating(t) && takes_scalar_operand(op)) a = narrow_float(static_cast<float>(a), t);
    if (is_narrow(t) && (op == UnaryOp::Clamp || op == UnaryOp::ClampMask)) {  // clamp(-5, 100) on uint8 clamps to 251..100
      a = narrow_scalar(a, t);
      b = narrow_scalar(b, t);
    }
    inner_.unary(op, storage_dtype(t), x, out, n, a, b);
    narrow(t, out, n);
  }
  void binary(BinaryOp op, DType t, const StridedView& x, const StridedView& y, void* out, const Shape& out_shape,
              double a) override {
    inner_.binary(op, storage_dtype(t), x, y, out, out_shape, a);
    narrow(t, out, shape_numel(out_shape));
  }
  void binary_same_shape(BinaryOp op, DType t, const void* x, const void* y, void* out, const Shape& shape,
                         double a) override {
    inner_.binary_same_shape(op, storage_dtype(t), x, y, out, shape, a);
    narrow(t, out, shape_numel(shape));
  }
  // Movements copy elements that are narrow already.
  void strided_copy(DType t, const StridedView& src, void* dst) override { inner_.strided_copy(storage_dtype(t), src, dst); }
  void strided_write(DType t, const void* src, void* dst_base, const StridedView& dst) override {
    inner_.strided_write(storage_dtype(t), src, dst_base, dst);
  }
  void reduce(ReduceOp op, DType t, const void* x, const Shape& in_shape, void* out, const Shape& out_shape) override {
    inner_.reduce(op, storage_dtype(t), x, in_shape, out, out_shape);
    if (op != ReduceOp::ArgMax) narrow(t, out, shape_numel(out_shape));  // ArgMax writes int64 indices
  }
  void reduce_sum_view(DType t, const void* x, const Shape& in_shape, const std::vector<int64_t>& strides, void* out,
                       const Shape& out_shape) override {
    inner_.reduce_sum_view(storage_dtype(t), x, in_shape, strides, out, out_shape);
    narrow(t, out, shape_numel(out_shape));
  }
  // Programs are only built for wide dtypes (deferred::can_defer).
  void eval_program(const ElementwiseProgram& p, void* out) override { inner_.eval_program(p, out); }
  void sum_program(const ElementwiseProgram& p, void* out) override { inner_.sum_program(p, out); }
  void matmul(DType t, const void* a, const void* b, void* c, int64_t m, int64_t n, int64_t k, bool trans_a,
              bool trans_b, bool accumulate) override {
    inner_.matmul(storage_dtype(t), a, b, c, m, n, k, trans_a, trans_b, accumulate);
    narrow(t, c, m * n);
  }
  void gemv(DType t, const void* a, const void* x, void* y, int64_t rows, int64_t cols, const GemvCall& call) override {
    inner_.gemv(storage_dtype(t), a, x, y, rows, cols, call);
    narrow(t, y, rows);
  }
  void dot(DType t, const void* x, const void* y, void* out, int64_t n, bool unit_strides) override {
    inner_.dot(storage_dtype(t), x, y, out, n, unit_strides);
    narrow(t, out, 1);
  }

 private:
  void narrow(DType t, void* data, int64_t n) {
    if (!is_narrow(t) || n == 0) return;
    if (inner_.device().type == DeviceType::CPU) return narrow_values(t, data, n);
    std::vector<unsigned char> host(static_cast<size_t>(n) * dtype_size(t));  // other devices: via the host
    inner_.copy_to_host(host.data(), data, host.size());
    narrow_values(t, host.data(), n);
    inner_.copy_from_host(data, host.data(), host.size());
  }

  Backend& inner_;
};

}  // namespace

// Finds the backend for a device. CPU always exists; CUDA only when compiled in and a GPU
// answers, otherwise a RuntimeError naming the reason (no crash, no hang).
Backend& backend_for(Device device) {
  if (device.type == DeviceType::CPU) {
    static NarrowingBackend cpu(cpu_backend());
    return cpu;
  }
  if (!cuda_compiled_in()) runtime_error("Torch not compiled with CUDA enabled");
  int count = cuda_device_count();
  if (count == 0) runtime_error("Found no NVIDIA driver on your system or no CUDA device: " + cuda_unavailable_reason());
  if (device.index >= count) runtime_error("CUDA error: invalid device ordinal");
  Backend* b = cuda_backend_or_null(device.index);
  if (!b) runtime_error("CUDA backend unavailable: " + cuda_unavailable_reason());
  static std::mutex mutex;
  static std::map<Backend*, std::unique_ptr<NarrowingBackend>> wrappers;  // never destroyed before exit
  std::lock_guard<std::mutex> lock(mutex);
  auto& w = wrappers[b];
  if (!w) w = std::make_unique<NarrowingBackend>(*b);
  return *w;
}

}  // namespace gradlab
