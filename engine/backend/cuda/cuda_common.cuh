// Shared pieces of the CUDA backend: error checks that turn CUDA failures into gradlab's
// RuntimeError, launch sizing, and vector types. The strided index math the kernels share
// lives in strided_meta.h (plain C++, tested on the host).
//
// Only the backend's .cu files include this; the rest of the engine sees the plain
// `Backend` interface from backend.h and never a CUDA header.
#pragma once
#include <cuda_runtime.h>

#include <cstdint>
#include <string>

#include "engine/backend/backend.h"
#include "engine/backend/cuda/strided_meta.h"
#include "engine/error.h"

namespace gradlab::cuda {

// Every kernel runs 256-thread blocks: a multiple of the warp size that keeps 8 blocks resident
// per SM on every architecture we build for, so grid-stride loops can size grids from SM count.
inline constexpr int kThreads = 256;

// Throws RuntimeError("CUDA error: <text>") — PyTorch's wording — for any failed runtime call.
// Clears the error first so a recoverable failure (e.g. out of memory) does not stick.
inline void check_cuda(cudaError_t status) {
  if (status == cudaSuccess) return;
  cudaGetLastError();
  runtime_error(std::string("CUDA error: ") + cudaGetErrorString(status));
}

// After a <<<...>>> launch: launch-configuration errors are reported here, execution errors
// surface at the next synchronising call (copy_to_host) with the same wording.
inline void check_launch() { check_cuda(cudaGetLastError()); }

// Blocks for `work` independent items, capped at `max_blocks` (grid-stride loops cover the rest).
inline unsigned grid_for(int64_t work, int64_t max_blocks) {
  int64_t blocks = (work + kThreads - 1) / kThreads;
  if (blocks > max_blocks) blocks = max_blocks;
  return static_cast<unsigned>(blocks < 1 ? 1 : blocks);
}

// Aligned vector of W elements: one 16-byte load/store (float4 / double2 width) per thread.
template <class T, int W>
struct alignas(sizeof(T) * W) Vec {
  T v[W];
};
template <class T>
inline constexpr int kVecWidth = 16 / static_cast<int>(sizeof(T));

inline bool aligned16(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 15u) == 0; }

}  // namespace gradlab::cuda
