// Reductions on the GPU: Sum, Max and ArgMax of a contiguous tensor to a keep-dims shape.
//
// plan_reduce() (reduce_plan.h) collapses the shape into one of a few problems:
//   nothing reduced        a copy (ArgMax: zeros)
//   [rows, R]              reduced dims innermost. One row: cub::DeviceReduce over the whole
//                          buffer (ArgMax: the row kernels, split into chunks). Short rows: a
//                          warp per row. Long rows: CTAs per row, split into chunks when there
//                          are few rows, partials combined by a second pass.
//   [outer, R, inner]      reduced dims in the middle (e.g. the bias gradient, sum over dim 0):
//                          a thread per output column walks R, so a warp reads consecutive
//                          addresses; R is split over grid.y when there are few columns
//   separate reduced runs  (sum over dims 0 and 2) gathered so the reduced dims are innermost,
//                          then reduced as rows
//
// Each reduction is a "reducer" (identity, element -> accumulator, associative combine,
// accumulator -> output) so the same kernels (built on cub::WarpReduce / cub::BlockReduce)
// and cub::DeviceReduce calls serve all three ops. float sums accumulate in double like the
// CPU backend's, so the two agree closely.
#include <cub/block/block_reduce.cuh>
#include <cub/device/device_reduce.cuh>
#include <cub/warp/warp_reduce.cuh>
#include <cuda/std/limits>

#include <algorithm>
#include <type_traits>

#include "engine/backend/cuda/cuda_backend.cuh"
#include "engine/backend/cuda/reduce_plan.h"
#include "engine/backend/elementwise_program.h"

namespace gradlab::cuda {

namespace {

template <class T>
__host__ __device__ T lowest_value() {
  if constexpr (std::is_floating_point_v<T>) {
    return -::cuda::std::numeric_limits<T>::infinity();
  } else {
    return ::cuda::std::numeric_limits<T>::lowest();
  }
}

template <class T>
struct SumReducer {
  using Value = T;
  using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;
  using Out = T;
  __host__ __device__ static Acc identity() { return Acc(0); }
  __host__ __device__ static Acc make(T x, int64_t) { return Acc(x); }
  __host__ __device__ Acc operator()(Acc a, Acc b) const { return a + b; }
  __host__ __device__ static Out finish(Acc a) { return static_cast<Out>(a); }
};

template <class T>
struct MaxReducer {
  using Value = T;
  using Acc = T;
  using Out = T;
  __host__ __device__ static Acc identity() { return lowest_value<T>(); }
  __host__ __device__ static Acc make(T x, int64_t) { return x; }
  // The shared binary Max functor: NaN wins, as in torch.max.
  __host__ __device__ Acc operator()(Acc a, Acc b) const { return BinaryFn<BinaryOp::Max>{0}(a, b); }
  __host__ __device__ static Out finish(Acc a) { return a; }
};

template <class T>
struct ArgAcc {
  T value;
  int64_t index;
};

template <class T>
struct ArgMaxReducer {
  using Value = T;
  using Acc = ArgAcc<T>;
  using Out = int64_t;
  __host__ __device__ static Acc identity() { return {lowest_value<T>(), ::cuda::std::numeric_limits<int64_t>::max()}; }
  __host__ __device__ static Acc make(T x, int64_t i) { return {x, i}; }
  // A total order — NaN above everything, then larger value, then smaller index — so the
  // combine is associative and commutative and any tree order gives the first maximum
  // (first NaN if any), as torch.max(dim) does.
  __host__ __device__ Acc operator()(const Acc& a, const Acc& b) const {
    const bool a_nan = a.value != a.value, b_nan = b.value != b.value;
    if (a_nan != b_nan) return a_nan ? a : b;
    if (!a_nan && a.value != b.value) return a.value > b.value ? a : b;
    return a.index <= b.index ? a : b;
  }
  __host__ __device__ static Out finish(const Acc& a) { return a.index; }
};

// Reads element `idx` of a pass's input: raw values (first pass) or accumulators (second pass).
template <class Red, bool FromAcc>
__device__ __forceinline__ typename Red::Acc load(const void* in, int64_t idx, int64_t r) {
  if constexpr (FromAcc) {
    return static_cast<const typename Red::Acc*>(in)[idx];
  } else {
    return Red::make(static_cast<const typename Red::Value*>(in)[idx], r);
  }
}

template <class Red, bool ToAcc>
__device__ __forceinline__ void store(void* out, int64_t idx, const typename Red::Acc& acc) {
  if constexpr (ToAcc) {
    static_cast<typename Red::Acc*>(out)[idx] = acc;
  } else {
    static_cast<typename Red::Out*>(out)[idx] = Red::finish(acc);
  }
}

constexpr int kWarpsPerBlock = kThreads / 32;

// [rows, len] -> [rows]: one warp per row; lanes stride the row so loads coalesce.
template <class Red, bool FromAcc>
__global__ void row_warp_kernel(const void* in, void* out, int64_t rows, int64_t len) {
  using Acc = typename Red::Acc;
  using WarpReduce = cub::WarpReduce<Acc>;
  __shared__ typename WarpReduce::TempStorage temp[kWarpsPerBlock];
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const Red red;
  for (int64_t row = int64_t{blockIdx.x} * kWarpsPerBlock + warp; row < rows;
       row += int64_t{gridDim.x} * kWarpsPerBlock) {
    Acc acc = Red::identity();
    const int64_t base = row * len;
    for (int64_t r = lane; r < len; r += 32) acc = red(acc, load<Red, FromAcc>(in, base + r, r));
    acc = WarpReduce(temp[warp]).Reduce(acc, red);
    if (lane == 0) store<Red, false>(out, row, acc);
    __syncwarp();  // temp[warp] is reused by the next row
  }
}

// [rows, len] -> [rows, chunks]: block (x = row, y = chunk) reduces one chunk of one row.
// With one chunk it writes the final output; otherwise partials for row_warp_kernel<FromAcc>.
template <class Red, bool ToAcc>
__global__ void row_block_kernel(const typename Red::Value* in, void* out, int64_t rows, int64_t len,
                                 int64_t chunk_len) {
  using Acc = typename Red::Acc;
  using BlockReduce = cub::BlockReduce<Acc, kThreads>;
  __shared__ typename BlockReduce::TempStorage temp;
  const Red red;
  const int64_t chunks = gridDim.y, c = blockIdx.y;
  const int64_t begin = c * chunk_len;
  const int64_t end = begin + chunk_len < len ? begin + chunk_len : len;
  for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
    Acc acc = Red::identity();
    const int64_t base = row * len;
    for (int64_t r = begin + threadIdx.x; r < end; r += kThreads) acc = red(acc, Red::make(in[base + r], r));
    acc = BlockReduce(temp).Reduce(acc, red);
    if (threadIdx.x == 0) store<Red, ToAcc>(out, row * chunks + c, acc);
    __syncthreads();  // temp is reused by the next row
  }
}

// [outer, len, inner] -> [outer, inner] (or partials [chunks, outer*inner]): a thread per
// output column walks its chunk of the reduced dim; neighbouring threads read neighbouring
// addresses, so no shared memory is needed to coalesce.
template <class Red, bool FromAcc, bool ToAcc>
__global__ void column_kernel(const void* in, void* out, int64_t outer, int64_t len, int64_t inner,
                              int64_t chunk_len) {
  using Acc = typename Red::Acc;
  const Red red;
  const int64_t total = outer * inner, c = blockIdx.y;
  const int64_t begin = c * chunk_len;
  const int64_t end = begin + chunk_len < len ? begin + chunk_len : len;
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t j = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; j < total; j += stride) {
    const int64_t o = j / inner, k = j - o * inner;
    const int64_t base = o * len * inner + k;
    Acc acc = Red::identity();
    for (int64_t r = begin; r < end; ++r) acc = red(acc, load<Red, FromAcc>(in, base + r * inner, r));
    store<Red, ToAcc>(out, c * total + j, acc);
  }
}

template <class T>
constexpr DType dtype_of() {
  if constexpr (std::is_same_v<T, float>) {
    return DType::Float32;
  } else if constexpr (std::is_same_v<T, double>) {
    return DType::Float64;
  } else {
    return DType::Int64;
  }
}

template <class T, class U>
int64_t ceil_div(T a, U b) {
  return (static_cast<int64_t>(a) + static_cast<int64_t>(b) - 1) / static_cast<int64_t>(b);
}

// ---- the four problem shapes ------------------------------------------------------------------

// Sum or Max of everything: cub::DeviceReduce, two calls (size the temp storage, then run);
// float sums go through the fused-program sum instead (see inside).
// CUB reads the raw buffer (vectorised), accumulates in Acc (double for float sums) and
// converts once when it writes `out`.
template <class Red>
void reduce_all(CudaBackend& be, const typename Red::Value* x, void* out, int64_t n) {
  using T = typename Red::Value;
  if constexpr (std::is_same_v<Red, SumReducer<T>> && std::is_floating_point_v<T>) {
    // A float sum of everything is the one-step program "load x", summed by the same kernel
    // as a deferred expression's sum (cuda_program.cu): so x.sum() has the same bits whether
    // x's values were stored or are still an expression (Note [Deferred element-wise ops]).
    ElementwiseProgram load_x{dtype_of<T>(), n, {ElementwiseStep{}}};
    load_x.steps[0].data = x;
    be.sum_program(load_x, out);
    return;
  }
  auto* o = static_cast<typename Red::Out*>(out);
  size_t temp_bytes = 0;
  check_cuda(cub::DeviceReduce::Reduce(nullptr, temp_bytes, x, o, n, Red{}, Red::identity(), 0));
  Scratch temp(be, temp_bytes);
  check_cuda(cub::DeviceReduce::Reduce(temp.get(), temp_bytes, x, o, n, Red{}, Red::identity(), 0));
}

template <class Red>
void reduce_rows(CudaBackend& be, const typename Red::Value* x, void* out, int64_t rows, int64_t len) {
  // One row = a device-wide reduction. ArgMax needs each element's index, which
  // DeviceReduce::Reduce does not give, so it takes the chunked CTA path below.
  if constexpr (!std::is_same_v<Red, ArgMaxReducer<typename Red::Value>>) {
    if (rows == 1) {
      reduce_all<Red>(be, x, out, len);
      return;
    }
  }
  const int64_t max_blocks = be.max_blocks();
  if (len <= 16 * 32) {  // short rows: a warp each, ≤ 16 loads per lane
    const unsigned grid = static_cast<unsigned>(std::min(ceil_div(rows, kWarpsPerBlock), max_blocks * 4));
    row_warp_kernel<Red, false><<<grid, kThreads>>>(x, out, rows, len);
    check_launch();
    return;
  }
  // Long rows: a CTA per (row, chunk). Few rows would leave SMs idle, so split each row into
  // chunks of at least 16 loads per thread until the grid fills the GPU.
  int64_t chunks = 1;
  if (rows < max_blocks) chunks = std::min({ceil_div(max_blocks, rows), ceil_div(len, kThreads * 16), int64_t{1024}});
  const int64_t chunk_len = ceil_div(len, chunks);
  chunks = ceil_div(len, chunk_len);
  const dim3 grid(static_cast<unsigned>(std::min<int64_t>(rows, 65535)), static_cast<unsigned>(chunks));
  if (chunks == 1) {
    row_block_kernel<Red, false><<<grid, kThreads>>>(x, out, rows, len, chunk_len);
    check_launch();
    return;
  }
  Scratch partial(be, static_cast<size_t>(rows * chunks) * sizeof(typename Red::Acc));
  row_block_kernel<Red, true><<<grid, kThreads>>>(x, partial.get(), rows, len, chunk_len);
  check_launch();
  const unsigned grid2 = static_cast<unsigned>(std::min(ceil_div(rows, kWarpsPerBlock), max_blocks * 4));
  row_warp_kernel<Red, true><<<grid2, kThreads>>>(partial.get(), out, rows, chunks);
  check_launch();
}

template <class Red>
void reduce_columns(CudaBackend& be, const typename Red::Value* x, void* out, int64_t outer, int64_t len,
                    int64_t inner) {
  const int64_t total = outer * inner;
  const int64_t target_threads = be.max_blocks() * kThreads;
  // Few columns and a long reduced dim: split it over grid.y (chunks of ≥ 32 steps) so enough
  // threads run, then combine the per-chunk partials with a second, short column pass.
  int64_t chunks = 1;
  if (total < target_threads) chunks = std::min({ceil_div(target_threads, total), ceil_div(len, 32), int64_t{65535}});
  const int64_t chunk_len = ceil_div(len, chunks);
  chunks = ceil_div(len, chunk_len);
  const unsigned gx = grid_for(total, be.max_blocks());
  if (chunks == 1) {
    column_kernel<Red, false, false><<<gx, kThreads>>>(x, out, outer, len, inner, len);
    check_launch();
    return;
  }
  Scratch partial(be, static_cast<size_t>(chunks * total) * sizeof(typename Red::Acc));
  column_kernel<Red, false, true><<<dim3(gx, static_cast<unsigned>(chunks)), kThreads>>>(x, partial.get(), outer, len,
                                                                                         inner, chunk_len);
  check_launch();
  column_kernel<Red, true, false><<<gx, kThreads>>>(partial.get(), out, 1, chunks, total, chunks);
  check_launch();
}

template <class Red>
void reduce_impl(CudaBackend& be, const typename Red::Value* x, const Shape& in_shape, void* out,
                 const Shape& out_shape) {
  using T = typename Red::Value;
  const ReducePlan plan = plan_reduce(in_shape, out_shape);
  switch (plan.kind) {
    case ReducePlan::Empty:  // a sum over an empty dim is 0 (the CPU backend writes 0 for every op)
      check_cuda(cudaMemsetAsync(out, 0, static_cast<size_t>(shape_numel(out_shape)) * sizeof(typename Red::Out), 0));
      return;
    case ReducePlan::Copy:
      if constexpr (std::is_same_v<Red, ArgMaxReducer<T>>) {
        check_cuda(cudaMemsetAsync(out, 0, static_cast<size_t>(shape_numel(out_shape)) * sizeof(int64_t), 0));
      } else {
        be.copy(out, x, static_cast<size_t>(shape_numel(in_shape)) * sizeof(T));
      }
      return;
    case ReducePlan::Rows:
      reduce_rows<Red>(be, x, out, plan.outer, plan.len);
      return;
    case ReducePlan::Columns:
      reduce_columns<Red>(be, x, out, plan.outer, plan.len, plan.inner);
      return;
    case ReducePlan::GatherRows: {
      Scratch gathered(be, static_cast<size_t>(shape_numel(in_shape)) * sizeof(T));
      be.strided_copy(dtype_of<T>(), StridedView{x, plan.gather_shape, plan.gather_strides, 0}, gathered.get());
      reduce_rows<Red>(be, gathered.as<T>(), out, plan.outer, plan.len);
      return;
    }
  }
}

}  // namespace

void CudaBackend::reduce(ReduceOp op, DType t, const void* x, const Shape& in_shape, void* out,
                         const Shape& out_shape) {
  if (in_shape.size() != out_shape.size())
    runtime_error("reduce: output rank " + std::to_string(out_shape.size()) + " does not match input rank " +
                  std::to_string(in_shape.size()));
  int reduced_dims = 0;
  for (size_t d = 0; d < in_shape.size(); ++d) {
    if (out_shape[d] != in_shape[d] && out_shape[d] != 1)
      runtime_error("reduce: cannot reduce shape " + shape_str(in_shape) + " to " + shape_str(out_shape));
    if (out_shape[d] == 1 && in_shape[d] != 1) ++reduced_dims;
  }
  // Same rule as the CPU backend: an index along one dim is only meaningful for one dim.
  if (op == ReduceOp::ArgMax && reduced_dims > 1) runtime_error("argmax: expected exactly one reduced dimension");
  if (shape_numel(out_shape) == 0) return;
  activate();
  dispatch_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    const T* xp = static_cast<const T*>(x);
    switch (op) {
      case ReduceOp::Sum:
      case ReduceOp::LaneSum: reduce_impl<SumReducer<T>>(*this, xp, in_shape, out, out_shape); break;
      case ReduceOp::Max: reduce_impl<MaxReducer<T>>(*this, xp, in_shape, out, out_shape); break;
      case ReduceOp::ArgMax: reduce_impl<ArgMaxReducer<T>>(*this, xp, in_shape, out, out_shape); break;
    }
  });
}

}  // namespace gradlab::cuda
