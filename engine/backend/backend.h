// The backend interface: the few primitives every device implements (tinygrad's small surface).
// Every differentiable op in engine/ops is written only in terms of these, so gradients are
// written once for all devices. Calls are per tensor, never per element: one virtual call, then
// a tight loop or a kernel launch.
//
// All buffers are contiguous row-major. Inputs that must be read with other strides (broadcast,
// transpose, slice) come as StridedView; outputs are always contiguous.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/backend/elementwise_program.h"
#include "engine/device.h"
#include "engine/dtype.h"
#include "engine/scalar_math.h"
#include "engine/shape.h"

namespace gradlab {

// LaneSum: the sum over the last dim in the order of ATen's vec::reduce_all (softmax's sums,
// Note [Lane sums] in cpu_backend.cpp); other backends may treat it as Sum.
enum class ReduceOp : uint8_t { Sum, Max, ArgMax, LaneSum };

// How PyTorch's addmv calls BLAS for A·x (Note [Matrix-vector rounding]): gemv('t') on a
// row-major A, gemv('n') on a column-major one, or its own loop (a vector of stride 0); with the
// lda and vector stride it passes.
struct GemvCall {
  enum Kind : uint8_t { RowMajor, ColumnMajor, Loop } kind = RowMajor;
  int64_t lda = 0;
  int64_t incx = 1;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Device device() const = 0;

  // Memory. Implementations cache freed blocks (Note [Caching allocator]).
  virtual void* allocate(size_t bytes) = 0;
  virtual void deallocate(void* ptr, size_t bytes) = 0;
  virtual void copy_from_host(void* dst, const void* host_src, size_t bytes) = 0;
  virtual void copy_to_host(void* host_dst, const void* src, size_t bytes) = 0;
  virtual void copy(void* dst, const void* src, size_t bytes) = 0;

  // Element-wise.
  virtual void fill(DType t, void* dst, int64_t n, double value) = 0;
  virtual void cast(DType from, const void* src, DType to, void* dst, int64_t n) = 0;
  virtual void unary(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) = 0;
  // out has shape `out_shape`; x and y are views already broadcast to it.
  virtual void binary(BinaryOp op, DType t, const StridedView& x, const StridedView& y, void* out,
                      const Shape& out_shape, double a) = 0;

  // The common case of equal shapes: flat element-wise loop. The default goes through binary().
  virtual void binary_same_shape(BinaryOp op, DType t, const void* x, const void* y, void* out, const Shape& shape,
                                 double a) {
    std::vector<int64_t> st = contiguous_strides(shape);
    binary(op, t, StridedView{x, shape, st, 0}, StridedView{y, shape, st, 0}, out, shape, a);
  }

  // Movement: gathers any strided view into a contiguous buffer (transpose, slice, expand).
  virtual void strided_copy(DType t, const StridedView& src, void* dst) = 0;
  // The inverse: writes contiguous `src` into the strided window `dst` (shape, strides, offset
  // into `dst_base`). Used by the backward of indexing (select/slice) to place a gradient.
  virtual void strided_write(DType t, const void* src, void* dst_base, const StridedView& dst) = 0;

  // Reduction of `x` (shape `in_shape`) to `out_shape`, which has the same rank with each dim
  // either equal to the input's or 1 (reduced). ArgMax writes int64 indices along the single
  // reduced dim.
  virtual void reduce(ReduceOp op, DType t, const void* x, const Shape& in_shape, void* out,
                      const Shape& out_shape) = 0;
  // reduce(Sum) of the values of a tensor PyTorch holds as a strided view with `strides` (in
  // elements), whose float sum PyTorch adds in the view's memory order (Note [Sums of views]).
  // The default ignores the strides.
  virtual void reduce_sum_view(DType t, const void* x, const Shape& in_shape, const std::vector<int64_t>& strides,
                               void* out, const Shape& out_shape) {
    reduce(ReduceOp::Sum, t, x, in_shape, out, out_shape);
  }

  // Fused element-wise programs (deferred tensors, Note [Deferred element-wise ops]): the values
  // of `p` into `out`, or their full sum into one element with the bits of reduce(Sum) over the
  // materialised values. The defaults run one primitive per step over whole buffers; a backend
  // overrides them to evaluate in one pass (the CPU's goes chunk by chunk through cache).
  virtual void eval_program(const ElementwiseProgram& p, void* out);
  virtual void sum_program(const ElementwiseProgram& p, void* out);

  // C[M×N] = op(A)·op(B), op = transpose when the flag is set; A is M×K (or K×M), B is K×N (or N×K).
  // With `accumulate`, C += op(A)·op(B) (BLAS's beta = 1) onto the values C holds: addmm's bias.
  virtual void matmul(DType t, const void* a, const void* b, void* c, int64_t m, int64_t n, int64_t k,
                      bool trans_a, bool trans_b, bool accumulate) = 0;

  // y[rows] = A·x (mv) and Σ x·y (dot), contiguous A (rows × cols), x, y: the CPU rounds them as
  // PyTorch's BLAS level 2 and 1 calls do (Note [Matrix-vector rounding], cpu/gemv_order.h),
  // told how PyTorch would call gemv (`call`) or whether its dot runs with unit strides. The
  // defaults are matmul's products, in the device's own order.
  virtual void gemv(DType t, const void* a, const void* x, void* y, int64_t rows, int64_t cols, const GemvCall& call) {
    (void)call;
    matmul(t, a, x, y, rows, 1, cols, false, false, false);
  }
  virtual void dot(DType t, const void* x, const void* y, void* out, int64_t n, bool unit_strides) {
    (void)unit_strides;
    matmul(t, x, y, out, 1, 1, n, false, false, false);
  }
};

// The backend for a device; throws RuntimeError (PyTorch's wording) when unavailable.
Backend& backend_for(Device device);

// Registration hook for optional backends (CUDA); returns nullptr when not compiled in.
Backend* cuda_backend_or_null(int index);
bool cuda_compiled_in();
int cuda_device_count();          // 0 when no driver/GPU; never throws
std::string cuda_unavailable_reason();  // why cuda_device_count() is 0, for messages and `gradlab info`
// For `gradlab info`: "runtime 13.0, driver 13.0, built for 75-real;...", and one line per GPU
// ("NVIDIA H100 80GB HBM3, sm_90, 79.1 GiB"); empty when CUDA is not compiled in.
std::string cuda_runtime_summary();
std::vector<std::string> cuda_device_summaries();

}  // namespace gradlab
