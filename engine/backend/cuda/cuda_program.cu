// Fused element-wise programs on the GPU (Note [Deferred element-wise ops] in engine/deferred.h):
// eval_program writes a program's values in one kernel, sum_program reduces them without ever
// storing them. So `(x**3 + x**2).sum()` reads x once, and its backward reads x once and
// writes x.grad once, instead of one pass over memory per primitive.
//
// The program travels as a kernel parameter (a fixed-size copy of its steps, at most
// deferred::kMaxSteps of them). Each thread evaluates it for W neighbouring elements at a time
// (one 16-byte load per Load step): per step one switch on the op, then W applications of the
// shared scalar functor (engine/scalar_math.h, the same math as the unfused kernels, so a fused
// value has the bits of the unfused one). The W-wide values of the steps live in shared memory
// (StepValues); interpretation costs a few instructions per step, which memory-bound programs
// hide behind their loads.
//
// Sums accumulate in double for float32 (like the CUB reductions in cuda_reduce.cu): per-thread
// partials, a cub::BlockReduce per block, one block over the partials, in an order fixed by the
// size and the GPU, so repeated runs give the same bits. reduce(Sum) of a whole float tensor
// runs this same kernel as a one-step program, so a sum has the same bits whether its input was
// stored or deferred.
#include <cub/block/block_reduce.cuh>

#include "engine/backend/cuda/cuda_backend.cuh"
#include "engine/backend/elementwise_program.h"

namespace gradlab::cuda {

namespace {

constexpr int kMaxProgramSteps = 16;

struct DeviceStep {
  ElementwiseStep::Kind kind;
  UnaryOp unary_op;
  BinaryOp binary_op;
  uint8_t x, y;
  double a, b;
  const void* data;
};

struct DeviceProgram {
  int steps;
  int64_t numel;
  DeviceStep step[kMaxProgramSteps];
};

DeviceProgram to_device(const ElementwiseProgram& p) {
  DeviceProgram d{};
  d.steps = static_cast<int>(p.steps.size());
  d.numel = p.numel;
  for (int s = 0; s < d.steps; ++s) {
    const ElementwiseStep& st = p.steps[static_cast<size_t>(s)];
    d.step[s] = DeviceStep{st.kind, st.unary_op, st.binary_op, static_cast<uint8_t>(st.x), static_cast<uint8_t>(st.y),
                           st.a, st.b, st.data};
  }
  return d;
}

// The W-wide values of every step, in shared memory laid out [step][k][thread]: each thread
// reads and writes only its own column, consecutive threads hit consecutive banks, and nothing
// spills to local memory (a per-thread array indexed by step at run time would: measured on an
// H100, 3-4 GB of L2 traffic per 100M-element program, 2.5x the kernel's DRAM bytes).
template <class T, int W>
struct StepValues {
  T* base;
  __device__ __forceinline__ T& at(int step, int k) const { return base[(step * W + k) * kThreads + threadIdx.x]; }
};

template <class T, int W>
size_t step_values_bytes(int steps) {
  return static_cast<size_t>(steps) * W * kThreads * sizeof(T);
}

// The runtime op switch, generated from the X-macro lists: one branch per step, then the
// functor over W values.
template <class T, int W>
__device__ __forceinline__ void apply_unary(const DeviceStep& st, const StepValues<T, W>& v, int s) {
  switch (st.unary_op) {
#define GRADLAB_CASE(name, expr)                                                  \
  case UnaryOp::name: {                                                           \
    const UnaryFn<UnaryOp::name> f{st.a, st.b};                                   \
    _Pragma("unroll") for (int k = 0; k < W; ++k) v.at(s, k) = f(v.at(st.x, k));  \
    return;                                                                       \
  }
    GRADLAB_UNARY_PRIMITIVES(GRADLAB_CASE)
#undef GRADLAB_CASE
  }
}

template <class T, int W>
__device__ __forceinline__ void apply_binary(const DeviceStep& st, const StepValues<T, W>& v, int s) {
  switch (st.binary_op) {
#define GRADLAB_CASE(name, expr)                                                                 \
  case BinaryOp::name: {                                                                         \
    const BinaryFn<BinaryOp::name> f{st.a};                                                      \
    _Pragma("unroll") for (int k = 0; k < W; ++k) v.at(s, k) = f(v.at(st.x, k), v.at(st.y, k));  \
    return;                                                                                      \
  }
    GRADLAB_BINARY_PRIMITIVES(GRADLAB_CASE)
#undef GRADLAB_CASE
  }
}

// Evaluates the program for elements [i, i + W) into `result` (W values). `full`: all W are in
// range and Load pointers are 16-byte aligned, so each Load is one vector load.
template <class T, int W>
__device__ __forceinline__ void evaluate(const DeviceProgram& p, int64_t i, bool full, T* result) {
  extern __shared__ unsigned char step_values_raw[];
  const StepValues<T, W> v{reinterpret_cast<T*>(step_values_raw)};
  for (int s = 0; s < p.steps; ++s) {
    const DeviceStep& st = p.step[s];
    switch (st.kind) {
      case ElementwiseStep::Kind::Load: {
        const T* src = static_cast<const T*>(st.data) + i;
        if (full) {
          const Vec<T, W> loaded = *reinterpret_cast<const Vec<T, W>*>(src);
#pragma unroll
          for (int k = 0; k < W; ++k) v.at(s, k) = loaded.v[k];
        } else {
#pragma unroll
          for (int k = 0; k < W; ++k) v.at(s, k) = i + k < p.numel ? src[k] : T(0);
        }
        break;
      }
      case ElementwiseStep::Kind::Broadcast: {
        const T one = *static_cast<const T*>(st.data);
#pragma unroll
        for (int k = 0; k < W; ++k) v.at(s, k) = one;
        break;
      }
      case ElementwiseStep::Kind::Unary: apply_unary<T, W>(st, v, s); break;
      case ElementwiseStep::Kind::Binary: apply_binary<T, W>(st, v, s); break;
    }
  }
#pragma unroll
  for (int k = 0; k < W; ++k) result[k] = v.at(p.steps - 1, k);
}

template <class T, int W>
__global__ void eval_kernel(const DeviceProgram p, T* out, bool aligned) {
  const int64_t groups = (p.numel + W - 1) / W;
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  for (int64_t g = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; g < groups; g += stride) {
    const int64_t i = g * W;
    const bool full = aligned && i + W <= p.numel;
    T r[W];
    evaluate<T, W>(p, i, full, r);
    if (full) {
      Vec<T, W> stored;
#pragma unroll
      for (int k = 0; k < W; ++k) stored.v[k] = r[k];
      *reinterpret_cast<Vec<T, W>*>(out + i) = stored;
    } else {
      for (int k = 0; k < W && i + k < p.numel; ++k) out[i + k] = r[k];
    }
  }
}

template <class T>
using SumAcc = std::conditional_t<std::is_same_v<T, float>, double, T>;

// Pass 1: each block sums its grid-stride share into partials[blockIdx.x].
template <class T, int W>
__global__ void sum_kernel(const DeviceProgram p, SumAcc<T>* partials, bool aligned) {
  using Acc = SumAcc<T>;
  const int64_t groups = (p.numel + W - 1) / W;
  const int64_t stride = int64_t{blockDim.x} * gridDim.x;
  Acc acc = 0;
  for (int64_t g = int64_t{blockIdx.x} * blockDim.x + threadIdx.x; g < groups; g += stride) {
    const int64_t i = g * W;
    T r[W];
    evaluate<T, W>(p, i, aligned && i + W <= p.numel, r);
#pragma unroll
    for (int k = 0; k < W; ++k)
      if (i + k < p.numel) acc += Acc(r[k]);
  }
  using BlockReduce = cub::BlockReduce<Acc, kThreads>;
  __shared__ typename BlockReduce::TempStorage temp;
  const Acc block = BlockReduce(temp).Sum(acc);
  if (threadIdx.x == 0) partials[blockIdx.x] = block;
}

// Pass 2: one block adds the partials (in a fixed order) and rounds once.
template <class T>
__global__ void sum_partials_kernel(const SumAcc<T>* partials, int count, T* out) {
  using Acc = SumAcc<T>;
  Acc acc = 0;
  for (int j = threadIdx.x; j < count; j += blockDim.x) acc += partials[j];
  using BlockReduce = cub::BlockReduce<Acc, kThreads>;
  __shared__ typename BlockReduce::TempStorage temp;
  const Acc total = BlockReduce(temp).Sum(acc);
  if (threadIdx.x == 0) *out = static_cast<T>(total);
}

// Lets `kernel` take `bytes` of dynamic shared memory: beyond the default 48 KB (programs of
// more than 12 float steps) it must be asked for, per device, before the launch.
template <class Kernel>
void allow_shared_memory(Kernel* kernel, size_t bytes) {
  if (bytes > 48 * 1024)
    check_cuda(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)));
}

bool loads_aligned(const ElementwiseProgram& p, const void* out) {
  if (out != nullptr && !aligned16(out)) return false;
  for (const ElementwiseStep& st : p.steps)
    if (st.kind == ElementwiseStep::Kind::Load && !aligned16(st.data)) return false;
  return true;
}

}  // namespace

void CudaBackend::eval_program(const ElementwiseProgram& p, void* out) {
  if (p.steps.size() > static_cast<size_t>(kMaxProgramSteps)) return Backend::eval_program(p, out);
  if (p.numel == 0) return;
  activate();
  const DeviceProgram d = to_device(p);
  const bool aligned = loads_aligned(p, out);
  dispatch_dtype(p.dtype, [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      constexpr int W = kVecWidth<T>;
      const size_t smem = step_values_bytes<T, W>(d.steps);
      allow_shared_memory(eval_kernel<T, W>, smem);
      eval_kernel<T, W><<<grid_for((p.numel + W - 1) / W, max_blocks()), kThreads, smem>>>(d, static_cast<T*>(out), aligned);
      check_launch();
    } else {
      Backend::eval_program(p, out);  // programs are floating-point (deferred::can_defer)
    }
  });
}

void CudaBackend::sum_program(const ElementwiseProgram& p, void* out) {
  if (p.steps.size() > static_cast<size_t>(kMaxProgramSteps) || p.numel == 0) return Backend::sum_program(p, out);
  activate();
  const DeviceProgram d = to_device(p);
  const bool aligned = loads_aligned(p, nullptr);
  dispatch_dtype(p.dtype, [&](auto zero) {
    using T = decltype(zero);
    if constexpr (std::is_floating_point_v<T>) {
      constexpr int W = kVecWidth<T>;
      const unsigned blocks = grid_for((p.numel + W - 1) / W, max_blocks());
      Scratch partials(*this, blocks * sizeof(SumAcc<T>));
      const size_t smem = step_values_bytes<T, W>(d.steps);
      allow_shared_memory(sum_kernel<T, W>, smem);
      sum_kernel<T, W><<<blocks, kThreads, smem>>>(d, partials.as<SumAcc<T>>(), aligned);
      check_launch();
      sum_partials_kernel<T><<<1, kThreads>>>(partials.as<SumAcc<T>>(), static_cast<int>(blocks), static_cast<T*>(out));
      check_launch();
    } else {
      Backend::sum_program(p, out);
    }
  });
}

}  // namespace gradlab::cuda
