// Element-wise primitives on the GPU: fill, cast, unary, binary (with broadcasting), the
// strided gather behind transpose/slice/expand and its inverse scatter (strided_write).
//
// The math is not here: each kernel template is instantiated with a functor from
// engine/scalar_math.h (UnaryFn<Op>, BinaryFn<Op>), the same inline functions the CPU loops
// call, chosen at run time by dispatch_unary / dispatch_binary. So a new primitive row in the
// X-macro list is a new GPU kernel with no edit here.
//
// Two shapes of loop:
//   contiguous  grid-stride over 16-byte vectors (float4 / double2) with a scalar tail —
//               memory-bound ops then run near the card's bandwidth
//   strided     one linear index per element, decomposed through the collapsed shape
//               (Note [Dim collapsing]) into per-operand offsets; handles broadcast (stride 0),
//               transposes, slices, and any view the engine builds
#include "engine/backend/cuda/cuda_backend.cuh"

namespace gradlab::cuda {

namespace {

// ---- kernels --------------------------------------------------------------------------------

// out[i] = f(x[i]). `vectorised` is decided on the host (both pointers 16-byte aligned); one
// kernel covers both cases so each (op, dtype) pair is instantiated once, not twice.
template <class T, class F>
__global__ void unary_kernel(const T* x, T* out, int64_t n, F f, bool vectorised) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x;
  int64_t done = 0;
  if (vectorised) {
    constexpr int W = kVecWidth<T>;
    using V = Vec<T, W>;
    const int64_t nv = n / W;
    for (int64_t j = i; j < nv; j += stride) {
      V v = reinterpret_cast<const V*>(x)[j];
#pragma unroll
      for (int k = 0; k < W; ++k) v.v[k] = f(v.v[k]);
      reinterpret_cast<V*>(out)[j] = v;
    }
    done = nv * W;
  }
  for (int64_t j = done + i; j < n; j += stride) out[j] = f(x[j]);
}

// out[i] = f(x[i], y[i]) for contiguous operands of equal shape.
template <class T, class F>
__global__ void binary_contiguous_kernel(const T* x, const T* y, T* out, int64_t n, F f, bool vectorised) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x;
  int64_t done = 0;
  if (vectorised) {
    constexpr int W = kVecWidth<T>;
    using V = Vec<T, W>;
    const int64_t nv = n / W;
    for (int64_t j = i; j < nv; j += stride) {
      const V a = reinterpret_cast<const V*>(x)[j];
      const V b = reinterpret_cast<const V*>(y)[j];
      V r;
#pragma unroll
      for (int k = 0; k < W; ++k) r.v[k] = f(a.v[k], b.v[k]);
      reinterpret_cast<V*>(out)[j] = r;
    }
    done = nv * W;
  }
  for (int64_t j = done + i; j < n; j += stride) out[j] = f(x[j], y[j]);
}

// out[i] = f(x[off_x(i)], y[off_y(i)]): broadcasting and arbitrary views.
template <class T, class F>
__global__ void binary_strided_kernel(const T* x, const T* y, T* out, int64_t n, StridedMeta<2> meta, F f) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; i < n; i += stride) {
    int64_t off[2];
    strided_offsets(meta, i, off);
    out[i] = f(x[off[0]], y[off[1]]);
  }
}

// dst[i] = src[off(i)]; instantiated per element size, since a gather only moves bytes.
template <class U>
__global__ void gather_kernel(const U* src, U* dst, int64_t n, StridedMeta<1> meta) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; i < n; i += stride) {
    int64_t off[1];
    strided_offsets(meta, i, off);
    dst[i] = src[off[0]];
  }
}

// dst[off(i)] = src[i]: the inverse of the gather, for placing a gradient into a window.
template <class U>
__global__ void scatter_kernel(const U* src, U* dst, int64_t n, StridedMeta<1> meta) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; i < n; i += stride) {
    int64_t off[1];
    strided_offsets(meta, i, off);
    dst[off[0]] = src[i];
  }
}

template <class T>
__global__ void fill_kernel(T* dst, int64_t n, T value) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; i < n; i += stride) dst[i] = value;
}

template <class From, class To>
__global__ void cast_kernel(const From* src, To* dst, int64_t n) {
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t i = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; i < n; i += stride)
    dst[i] = static_cast<To>(src[i]);
}

// Pointer to a view's first element.
template <class T>
const T* view_base(const StridedView& v) {
  return static_cast<const T*>(v.data) + v.offset;
}

// The strides that read `v` as shape `out` (right-aligned). The engine passes views already
// broadcast (stride 0 on expanded dims); a size-1 dim that still carries a stride, or a view
// given without strides (contiguous), is read the same way instead of running off the buffer.
std::vector<int64_t> effective_strides(const StridedView& v, const Shape& out) {
  std::vector<int64_t> st = v.strides.empty() ? contiguous_strides(v.shape) : v.strides;
  const size_t shift = out.size() >= st.size() ? out.size() - st.size() : 0;
  std::vector<int64_t> r(out.size(), 0);
  for (size_t d = shift; d < out.size(); ++d) {
    const size_t vd = d - shift;
    const bool broadcast = vd < v.shape.size() && v.shape[vd] == 1 && out[d] != 1;
    r[d] = broadcast ? 0 : st[vd];
  }
  return r;
}

}  // namespace

// ---- Backend methods ------------------------------------------------------------------------------

void CudaBackend::fill(DType t, void* dst, int64_t n, double value) {
  if (n <= 0) return;
  activate();
  if (value == 0.0 && !std::signbit(value)) {
    // All-zero bits are 0 for every dtype we have; memset is the fastest fill there is.
    check_cuda(cudaMemsetAsync(dst, 0, static_cast<size_t>(n) * dtype_size(t), 0));
    return;
  }
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    fill_kernel<T><<<grid_for(n, max_blocks()), kThreads>>>(static_cast<T*>(dst), n, static_cast<T>(value));
  });
  check_launch();
}

void CudaBackend::cast(DType from, const void* src, DType to, void* dst, int64_t n) {
  if (n <= 0) return;
  if (from == to) {
    copy(dst, src, static_cast<size_t>(n) * dtype_size(from));
    return;
  }
  activate();
  dispatch_dtype(from, [&](auto from_tag) {
    using From = decltype(from_tag);
    dispatch_dtype(to, [&](auto to_tag) {
      using To = decltype(to_tag);
      cast_kernel<From, To><<<grid_for(n, max_blocks()), kThreads>>>(static_cast<const From*>(src),
                                                                      static_cast<To*>(dst), n);
    });
  });
  check_launch();
}

void CudaBackend::unary(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) {
  if (n <= 0) return;
  activate();
  const bool vectorised = aligned16(x) && aligned16(out);
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    const int64_t work = vectorised ? (n + kVecWidth<T> - 1) / kVecWidth<T> : n;
    dispatch_unary(op, a, b, [&](auto fn) {
      unary_kernel<<<grid_for(work, max_blocks()), kThreads>>>(static_cast<const T*>(x), static_cast<T*>(out), n,
                                                                fn, vectorised);
    });
  });
  check_launch();
}

void CudaBackend::binary(BinaryOp op, DType t, const StridedView& x, const StridedView& y, void* out,
                         const Shape& out_shape, double a) {
  const int64_t n = shape_numel(out_shape);
  if (n <= 0) return;
  activate();
  const std::vector<int64_t> xs = effective_strides(x, out_shape), ys = effective_strides(y, out_shape);
  const auto meta = make_meta<2>(out_shape, {&xs, &ys});
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    const T* xp = view_base<T>(x);
    const T* yp = view_base<T>(y);
    T* op_out = static_cast<T*>(out);
    dispatch_binary(op, a, [&](auto fn) {
      if (meta.contiguous()) {
        const bool vectorised = aligned16(xp) && aligned16(yp) && aligned16(op_out);
        const int64_t work = vectorised ? (n + kVecWidth<T> - 1) / kVecWidth<T> : n;
        binary_contiguous_kernel<<<grid_for(work, max_blocks()), kThreads>>>(xp, yp, op_out, n, fn, vectorised);
      } else {
        binary_strided_kernel<<<grid_for(n, max_blocks()), kThreads>>>(xp, yp, op_out, n, meta, fn);
      }
    });
  });
  check_launch();
}

void CudaBackend::strided_copy(DType t, const StridedView& src, void* dst) {
  const int64_t n = shape_numel(src.shape);
  if (n <= 0) return;
  const size_t elem = dtype_size(t);
  const std::vector<int64_t> ss = effective_strides(src, src.shape);
  const auto meta = make_meta<1>(src.shape, {&ss});
  const char* base = static_cast<const char*>(src.data) + src.offset * static_cast<int64_t>(elem);
  if (meta.contiguous()) {
    copy(dst, base, static_cast<size_t>(n) * elem);
    return;
  }
  activate();
  if (elem == 4) {
    gather_kernel<<<grid_for(n, max_blocks()), kThreads>>>(reinterpret_cast<const uint32_t*>(base),
                                                           static_cast<uint32_t*>(dst), n, meta);
  } else {
    gather_kernel<<<grid_for(n, max_blocks()), kThreads>>>(reinterpret_cast<const uint64_t*>(base),
                                                           static_cast<uint64_t*>(dst), n, meta);
  }
  check_launch();
}

void CudaBackend::strided_write(DType t, const void* src, void* dst_base, const StridedView& dst) {
  const int64_t n = shape_numel(dst.shape);
  if (n <= 0) return;
  const size_t elem = dtype_size(t);
  const std::vector<int64_t> ds = effective_strides(dst, dst.shape);
  const auto meta = make_meta<1>(dst.shape, {&ds});
  char* base = static_cast<char*>(dst_base) + dst.offset * static_cast<int64_t>(elem);
  if (meta.contiguous()) {
    copy(base, src, static_cast<size_t>(n) * elem);
    return;
  }
  activate();
  if (elem == 4) {
    scatter_kernel<<<grid_for(n, max_blocks()), kThreads>>>(static_cast<const uint32_t*>(src),
                                                            reinterpret_cast<uint32_t*>(base), n, meta);
  } else {
    scatter_kernel<<<grid_for(n, max_blocks()), kThreads>>>(static_cast<const uint64_t*>(src),
                                                            reinterpret_cast<uint64_t*>(base), n, meta);
  }
  check_launch();
}

}  // namespace gradlab::cuda
