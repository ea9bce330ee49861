// The CPU backend: the primitives of backend.h as tight loops over the shared scalar functors
// (scalar_math.h), large ones through the wide-vector builds of program.cpp (Note [Wide vectors
// for fused programs]); strided views are walked by one odometer loop (strided_loop.h),
// sums, full or over dims, keep PyTorch's order (full_sum.h, Note [Float sum order]); max/argmax
// scan one dim (NaN wins). Deferred element-wise programs run fused, chunk by chunk
// (program.cpp). Fills and dtype casts are xtensor assignments over the raw buffers; xtensor
// types never leave this file (the engine sees only raw buffers and shapes).
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>
#include <xtensor/xadapt.hpp>
#include <xtensor/xarray.hpp>

#include "engine/backend/backend.h"
#include "engine/backend/cpu/caching_allocator.h"
#include "engine/backend/cpu/elementwise_loops.h"
#include "engine/backend/cpu/full_sum.h"
#include "engine/backend/cpu/gemm.h"
#include "engine/backend/cpu/gemv.h"
#include "engine/backend/cpu/program.h"
#include "engine/backend/cpu/strided_loop.h"
#include "engine/error.h"

#if GRADLAB_HAS_OPENBLAS
#include <cblas.h>
extern "C" char* openblas_get_corename(void);
#endif

namespace gradlab {

std::string cpu::matmul_summary() {
  const std::string small = "float32 matmul: up to " + std::to_string(cpu::kSmallGemm) +
                            " multiply-adds, gradlab's kernel (the reference PyTorch's digits); larger, ";
#if GRADLAB_HAS_OPENBLAS
  return small + "OpenBLAS with its " + openblas_get_corename() +
         " kernels (the machine's digits; the reference's are Haswell's)";
#else
  const std::string kernel = cpu::sgemm_large_kernel();
  if (kernel == "AVX2 + FMA") return small + "gradlab's AVX2 + FMA kernel (the reference's digits)";
  return "float32 matmul: up to " + std::to_string(cpu::kReferenceOrderGemm) +
         " multiply-adds, gradlab's kernel in the reference order (PyTorch's digits); larger, gradlab's portable kernel "
         "(its own last digits)";
#endif
}

namespace {

// A flat run of n elements at p as an xtensor expression (no copy, no ownership).
template <class T>
auto adapt_flat(T* p, int64_t n) {
  const auto size = static_cast<size_t>(n);
  return xt::adapt(p, size, xt::no_ownership(), std::array<size_t, 1>{size});
}

bool is_contiguous(const StridedView& v) { return v.strides == contiguous_strides(v.shape); }
bool is_single(const StridedView& v) {
  return std::all_of(v.strides.begin(), v.strides.end(), [](int64_t s) { return s == 0; });
}

// The rows a broadcast binary op runs in, as PyTorch's TensorIterator forms them for operands laid
// out row-major (Note [Position in the run]): trailing dims merge into one row while both
// operands step through them evenly (size-1 dims always merge), and a row is vectorised only
// when each operand is contiguous or a single value along it (two broadcast operands: scalar code).
struct RowLayout {
  Shape shape;  // the outer dims, then the row
  std::vector<int64_t> x_strides, y_strides;
  bool vectorized;
};
RowLayout row_layout(const Shape& shape, const std::vector<int64_t>& xs, const std::vector<int64_t>& ys) {
  const size_t rank = shape.size();
  if (rank == 0) return {shape, xs, ys, false};
  size_t first = rank - 1;  // the row spans dims first .. rank-1
  int64_t len = shape[first], sx = xs[first], sy = ys[first];
  while (first > 0) {
    const size_t d = first - 1;
    const bool merges = len == 1 || shape[d] == 1 || (len * sx == xs[d] && len * sy == ys[d]);
    if (!merges) break;
    if (len == 1) {  // a size-1 row takes the next dim's strides
      sx = xs[d];
      sy = ys[d];
    }
    len *= shape[d];
    first = d;
  }
  RowLayout r{Shape(shape.begin(), shape.begin() + static_cast<std::ptrdiff_t>(first)),
              std::vector<int64_t>(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(first)),
              std::vector<int64_t>(ys.begin(), ys.begin() + static_cast<std::ptrdiff_t>(first)), false};
  r.shape.push_back(len);
  r.x_strides.push_back(sx);
  r.y_strides.push_back(sy);
  r.vectorized = (sx == 1 && (sy == 1 || sy == 0)) || (sx == 0 && sy == 1);
  return r;
}

class CpuBackend final : public Backend {
 public:
  Device device() const override { return Device{DeviceType::CPU, 0}; }

  void* allocate(size_t bytes) override { return allocator_.allocate(bytes ? bytes : 1); }
  void deallocate(void* p, size_t bytes) override { allocator_.deallocate(p, bytes ? bytes : 1); }
  // Empty tensors may hand over null host pointers (an empty std::vector): copy nothing.
  void copy_from_host(void* dst, const void* src, size_t bytes) override { copy(dst, src, bytes); }
  void copy_to_host(void* dst, const void* src, size_t bytes) override { copy(dst, src, bytes); }
  void copy(void* dst, const void* src, size_t bytes) override {
    if (bytes) std::memcpy(dst, src, bytes);
  }

  void fill(DType t, void* dst, int64_t n, double value) override {
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      adapt_flat(static_cast<T*>(dst), n).fill(static_cast<T>(value));
    });
  }

  void cast(DType from, const void* src, DType to, void* dst, int64_t n) override {
    dispatch_dtype(from, [&](auto f) {
      using F = decltype(f);
      dispatch_dtype(to, [&](auto t) {
        using T = decltype(t);
        auto out = adapt_flat(static_cast<T*>(dst), n);
        out = xt::cast<T>(adapt_flat(static_cast<const F*>(src), n));
      });
    });
  }

  void unary(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) override {
    if (n >= cpu::kWideMinNumel && is_floating(t)) return cpu::unary_wide(op, t, x, out, n, a, b);
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      dispatch_unary(op, a, b, [&](auto fn) {
        cpu::unary_in_run<T>(fn, static_cast<const T*>(x), static_cast<T*>(out), 0, n, n);
      });
    });
  }

  void binary(BinaryOp op, DType t, const StridedView& x, const StridedView& y, void* out, const Shape& out_shape,
              double a) override {
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      dispatch_binary(op, a, [&](auto fn) { binary_loop<T>(fn, x, y, static_cast<T*>(out), out_shape); });
    });
  }

  void binary_same_shape(BinaryOp op, DType t, const void* x, const void* y, void* out, const Shape& shape,
                         double a) override {
    const int64_t n = shape_numel(shape);
    if (n >= cpu::kWideMinNumel && is_floating(t)) return cpu::binary_wide(op, t, x, y, out, n, a);
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      dispatch_binary(op, a, [&](auto fn) {
        const T* xp = static_cast<const T*>(x);
        const T* yp = static_cast<const T*>(y);
        cpu::binary_in_run<T>(fn, [xp](int64_t i) { return xp[i]; }, [yp](int64_t i) { return yp[i]; },
                              static_cast<T*>(out), 0, n, n);
      });
    });
  }

  void strided_copy(DType t, const StridedView& src, void* dst) override {
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      const T* in = static_cast<const T*>(src.data);
      T* out = static_cast<T*>(dst);
      if (is_single(src)) {  // broadcasting one value (the gradient of a sum): a fill
        std::fill_n(out, shape_numel(src.shape), in[src.offset]);
        return;
      }
      const std::vector<int64_t>* strides[1] = {&src.strides};
      const int64_t base[1] = {src.offset};
      cpu::for_each_row<1>(src.shape, strides, base, [&](int64_t row, const int64_t* off, int64_t len, const int64_t* st) {
        const T* r = in + off[0];
        for (int64_t i = 0; i < len; ++i) out[row + i] = r[i * st[0]];
      });
    });
  }

  void strided_write(DType t, const void* src, void* dst_base, const StridedView& dst) override {
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      const T* in = static_cast<const T*>(src);
      T* out = static_cast<T*>(dst_base);
      const std::vector<int64_t>* strides[1] = {&dst.strides};
      const int64_t base[1] = {dst.offset};
      cpu::for_each_row<1>(dst.shape, strides, base, [&](int64_t row, const int64_t* off, int64_t len, const int64_t* st) {
        T* r = out + off[0];
        for (int64_t i = 0; i < len; ++i) r[i * st[0]] = in[row + i];
      });
    });
  }

  void reduce(ReduceOp op, DType t, const void* x, const Shape& in_shape, void* out, const Shape& out_shape) override {
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      reduce_impl<T>(op, static_cast<const T*>(x), in_shape, out, out_shape);
    });
  }

  void reduce_sum_view(DType t, const void* x, const Shape& in_shape, const std::vector<int64_t>& strides, void* out,
                       const Shape& out_shape) override {
    if (t == DType::Float32) return cpu::sum_over_view(static_cast<const float*>(x), in_shape, strides, static_cast<float*>(out), out_shape);
    if (t == DType::Float64) return cpu::sum_over_view(static_cast<const double*>(x), in_shape, strides, static_cast<double*>(out), out_shape);
    reduce(ReduceOp::Sum, t, x, in_shape, out, out_shape);  // exact or upcast: the order does not show
  }

  void eval_program(const ElementwiseProgram& p, void* out) override { cpu::eval_program(p, out); }
  void sum_program(const ElementwiseProgram& p, void* out) override { cpu::sum_program(p, out); }

  void matmul(DType t, const void* a, const void* b, void* c, int64_t m, int64_t n, int64_t k, bool ta,
              bool tb, bool accumulate) override {
#if GRADLAB_HAS_OPENBLAS
    // Small products stay with gemm, which rounds like the reference PyTorch whatever kernel
    // OpenBLAS would pick on this machine (Note [Matmul rounding]).
    if (t != DType::Int64 && !cpu::is_small_gemm(m, n, k)) {
      auto opa = ta ? CblasTrans : CblasNoTrans, opb = tb ? CblasTrans : CblasNoTrans;
      int lda = static_cast<int>(ta ? m : k), ldb = static_cast<int>(tb ? k : n);
      if (t == DType::Float32) {
        cblas_sgemm(CblasRowMajor, opa, opb, m, n, k, 1.0f, static_cast<const float*>(a), lda,
                    static_cast<const float*>(b), ldb, accumulate ? 1.0f : 0.0f, static_cast<float*>(c), n);
      } else {
        cblas_dgemm(CblasRowMajor, opa, opb, m, n, k, 1.0, static_cast<const double*>(a), lda,
                    static_cast<const double*>(b), ldb, accumulate ? 1.0 : 0.0, static_cast<double*>(c), n);
      }
      return;
    }
#endif
    dispatch_dtype(t, [&](auto zero) {
      using T = decltype(zero);
      cpu::gemm<T>(static_cast<const T*>(a), static_cast<const T*>(b), static_cast<T*>(c), m, n, k, ta, tb, accumulate);
    });
  }

  // Note [Matrix-vector rounding]: float32 and float64 in the reference BLAS's order; the other
  // dtypes (exact or refused before they get here) through gemm.
  void gemv(DType t, const void* a, const void* x, void* y, int64_t rows, int64_t cols, const GemvCall& call) override {
    if (t == DType::Float32) {
      return cpu::gemv(static_cast<const float*>(a), static_cast<const float*>(x), static_cast<float*>(y), rows, cols, call);
    }
    if (t == DType::Float64) {
      return cpu::gemv(static_cast<const double*>(a), static_cast<const double*>(x), static_cast<double*>(y), rows, cols, call);
    }
    Backend::gemv(t, a, x, y, rows, cols, call);
  }
  void dot(DType t, const void* x, const void* y, void* out, int64_t n, bool unit_strides) override {
    if (t == DType::Float32) {
      *static_cast<float*>(out) = cpu::dot(static_cast<const float*>(x), static_cast<const float*>(y), n, unit_strides);
      return;
    }
    if (t == DType::Float64) {
      *static_cast<double*>(out) = cpu::dot(static_cast<const double*>(x), static_cast<const double*>(y), n, unit_strides);
      return;
    }
    Backend::dot(t, x, y, out, n, unit_strides);
  }

 private:
  template <class T, class Fn>
  static void binary_loop(Fn fn, const StridedView& x, const StridedView& y, T* __restrict o, const Shape& shape) {
    const int64_t n = shape_numel(shape);
    const T* xp = static_cast<const T*>(x.data) + x.offset;
    const T* yp = static_cast<const T*>(y.data) + y.offset;
    bool xc = is_contiguous(x), yc = is_contiguous(y);
    // One run when both operands are contiguous or a single broadcast value, one run per row of
    // row_layout otherwise (Note [Position in the run]).
    if (xc && yc) {
      cpu::binary_in_run<T>(fn, [xp](int64_t i) { return xp[i]; }, [yp](int64_t i) { return yp[i]; }, o, 0, n, n);
      return;
    }
    if (xc && is_single(y)) {
      const T yv = *yp;
      cpu::binary_in_run<T>(fn, [xp](int64_t i) { return xp[i]; }, [yv](int64_t) { return yv; }, o, 0, n, n);
      return;
    }
    if (is_single(x) && yc) {
      const T xv = *xp;
      cpu::binary_in_run<T>(fn, [xv](int64_t) { return xv; }, [yp](int64_t i) { return yp[i]; }, o, 0, n, n);
      return;
    }
    const RowLayout rows = row_layout(shape, x.strides, y.strides);
    const std::vector<int64_t>* strides[2] = {&rows.x_strides, &rows.y_strides};
    const int64_t base[2] = {0, 0};
    cpu::for_each_row<2>(rows.shape, strides, base, [&](int64_t row, const int64_t* off, int64_t len, const int64_t* st) {
      const T* xr = xp + off[0];
      const T* yr = yp + off[1];
      const int64_t sx = st[0], sy = st[1];
      cpu::binary_in_run<T>(fn, [xr, sx](int64_t i) { return xr[i * sx]; }, [yr, sy](int64_t i) { return yr[i * sy]; },
                            o + row, 0, len, rows.vectorized ? len : 0);
    });
  }

  // Max over several (not all) dims: one walk over the input in memory order, each element
  // folded into its output slot (the output's strides, 0 along reduced dims). The maximum does
  // not depend on the order; a NaN wins, as in PyTorch.
  template <class T>
  static void max_over_dims(const T* x, const Shape& in_shape, T* out, const Shape& out_shape) {
    const size_t rank = in_shape.size();
    std::vector<int64_t> out_strides(rank, 0), index(rank, 0);
    for (int64_t d = static_cast<int64_t>(rank) - 1, acc = 1; d >= 0; --d) {
      out_strides[d] = out_shape[d] == 1 ? 0 : acc;
      acc *= out_shape[d];
    }
    std::vector<bool> seen(static_cast<size_t>(shape_numel(out_shape)), false);
    const int64_t n = shape_numel(in_shape);
    int64_t o = 0;
    for (int64_t i = 0; i < n; ++i) {
      const T v = x[i];
      if (!seen[o]) {
        out[o] = v;
        seen[o] = true;
      } else if (out[o] == out[o] && (v > out[o] || v != v)) {
        out[o] = v;
      }
      for (int64_t d = static_cast<int64_t>(rank) - 1; d >= 0; --d) {  // next multi-index
        o += out_strides[d];
        if (++index[d] < in_shape[d]) break;
        o -= out_strides[d] * in_shape[d];
        index[d] = 0;
      }
    }
  }

  // Note [Lane sums]: ATen's softmax kernels sum a row with vec::reduce_all (or map_reduce_all):
  // lane i of one AVX2 vector (8 floats, 4 doubles) accumulates elements i, i + 8, ... in order,
  // the row's last partial vector adds into its first lanes only, and then the lanes are
  // combined: float by vec_reduce_all's shuffle tree ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)), double
  // one after another. A row shorter than a vector is summed in order.
  template <class T>
  static T lane_sum(const T* x, int64_t len) {
    constexpr int64_t kLanes = 32 / sizeof(T);
    if (len == 0) return T(0);
    if (len < kLanes) {
      T s = x[0];
      for (int64_t i = 1; i < len; ++i) s = s + x[i];
      return s;
    }
    T acc[kLanes];
    for (int64_t i = 0; i < kLanes; ++i) acc[i] = x[i];
    int64_t d = kLanes;
    for (; d + kLanes <= len; d += kLanes)
      for (int64_t i = 0; i < kLanes; ++i) acc[i] = acc[i] + x[d + i];
    for (int64_t i = 0; d + i < len; ++i) acc[i] = acc[i] + x[d + i];
    if constexpr (kLanes == 8) {
      T w[4];
      for (int i = 0; i < 4; ++i) w[i] = acc[i] + acc[i + 4];
      return (w[0] + w[2]) + (w[1] + w[3]);
    } else {
      T s = acc[0];
      for (int64_t i = 1; i < kLanes; ++i) s = s + acc[i];
      return s;
    }
  }

  template <class T>
  static void reduce_impl(ReduceOp op, const T* x, const Shape& in_shape, void* out, const Shape& out_shape) {
    const int64_t n = shape_numel(in_shape);
    const int64_t out_n = shape_numel(out_shape);
    if (op == ReduceOp::LaneSum) {  // over the last dim (Note [Lane sums])
      const int64_t len = in_shape.empty() ? 1 : in_shape.back();
      T* o = static_cast<T*>(out);
      for (int64_t r = 0; r < out_n; ++r) o[r] = lane_sum(x + r * len, len);
      return;
    }
    if (op == ReduceOp::Sum && out_n == 1) {  // Note [Float sum order]
      cpu::FullSum<T> sum(n);
      sum.add(x, n);
      *static_cast<T*>(out) = sum.result();
      return;
    }
    std::vector<int64_t> reduced;
    for (size_t d = 0; d < in_shape.size(); ++d)
      if (out_shape[d] == 1 && in_shape[d] != 1) reduced.push_back(static_cast<int64_t>(d));
    if (reduced.empty() || n == 0) {
      if (op == ReduceOp::ArgMax) {
        std::fill_n(static_cast<int64_t*>(out), out_n, int64_t{0});
      } else if (n == out_n && op == ReduceOp::Sum) {
        T* o = static_cast<T*>(out);  // a sum over size-1 dims is 0 + x: -0.0 becomes +0.0
        for (int64_t i = 0; i < n; ++i) o[i] = T(0) + x[i];
      } else if (n == out_n) {
        std::copy_n(x, n, static_cast<T*>(out));
      } else {
        std::fill_n(static_cast<T*>(out), out_n, T(0));  // sum over an empty dim
      }
      return;
    }
    if (op == ReduceOp::Sum) {  // Note [Float sum order]
      cpu::sum_over_dims(x, in_shape, static_cast<T*>(out), out_shape);
      return;
    }
    if (op == ReduceOp::Max && reduced.size() > 1 && out_n > 1) {
      max_over_dims(x, in_shape, static_cast<T*>(out), out_shape);
      return;
    }
    // Max / ArgMax reduce one dim (max over all dims comes here as a flat 1-d run).
    int64_t dim = reduced.size() == 1 ? reduced[0] : -1;
    int64_t outer = 1, len = n, inner = 1;
    if (dim >= 0) {
      for (int64_t d = 0; d < dim; ++d) outer *= in_shape[d];
      len = in_shape[dim];
      for (size_t d = dim + 1; d < in_shape.size(); ++d) inner *= in_shape[d];
    } else if (op == ReduceOp::ArgMax) {
      runtime_error("argmax: expected exactly one reduced dimension");
    }
    for (int64_t o = 0; o < outer; ++o) {
      for (int64_t i = 0; i < inner; ++i) {
        const T* p = x + o * len * inner + i;
        int64_t best = 0;
        T best_v = p[0];
        // The first maximum wins; a NaN wins over everything, as in PyTorch.
        for (int64_t j = 1; j < len && best_v == best_v; ++j) {
          T v = p[j * inner];
          if (v > best_v || v != v) {
            best_v = v;
            best = j;
          }
        }
        if (op == ReduceOp::ArgMax) {
          static_cast<int64_t*>(out)[o * inner + i] = best;
        } else {
          static_cast<T*>(out)[o * inner + i] = best_v;
        }
      }
    }
  }

  CachingAllocator allocator_;
};

}  // namespace

Backend& cpu_backend() {
  static CpuBackend backend;
  return backend;
}

}  // namespace gradlab
