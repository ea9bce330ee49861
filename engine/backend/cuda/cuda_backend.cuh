// CudaBackend: the `Backend` primitives for one GPU (engine/backend/backend.h).
//
// One instance per device, created on first use by cuda_backend_or_null() and never destroyed
// (tensors may outlive static destructors; at exit the CUDA runtime may already be gone).
// All work is queued on the legacy default stream, so kernels, copies, cuBLAS and CUB calls run
// in program order and the caching allocator can reuse blocks at once.
//
// The methods are spread over a few translation units so nvcc builds them in parallel:
//   cuda_backend.cu      memory, copies, device discovery and the backend.h hooks
//   cuda_elementwise.cu  fill, cast, unary, binary, strided_copy/_write (one kernel template each)
//   cuda_reduce.cu       Sum / Max / ArgMax (CUB device-wide + block/warp kernels)
//   cuda_program.cu      fused element-wise programs (deferred tensors): one kernel each
//   cuda_matmul.cu       cuBLAS SGEMM/DGEMM (loaded on first use), a tiled kernel for int64
//   cuda_allocator.*     the caching allocator
// and two plain C++ headers the host tests check without a GPU: strided_meta.h (the index
// math of the strided kernels) and reduce_plan.h (how a reduction is laid out).
#pragma once
#include <cublas_v2.h>

#include <mutex>

#include "engine/backend/backend.h"
#include "engine/backend/cuda/cuda_allocator.h"
#include "engine/backend/cuda/cuda_common.cuh"

namespace gradlab::cuda {

class CudaBackend final : public Backend {
 public:
  explicit CudaBackend(int index);  // throws RuntimeError when the GPU cannot run our kernels
  CudaBackend(const CudaBackend&) = delete;
  CudaBackend& operator=(const CudaBackend&) = delete;

  Device device() const override { return Device{DeviceType::CUDA, index_}; }

  void* allocate(size_t bytes) override;
  void deallocate(void* ptr, size_t bytes) override;
  void copy_from_host(void* dst, const void* host_src, size_t bytes) override;
  void copy_to_host(void* host_dst, const void* src, size_t bytes) override;
  void copy(void* dst, const void* src, size_t bytes) override;

  void fill(DType t, void* dst, int64_t n, double value) override;
  void cast(DType from, const void* src, DType to, void* dst, int64_t n) override;
  void unary(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) override;
  void binary(BinaryOp op, DType t, const StridedView& x, const StridedView& y, void* out,
              const Shape& out_shape, double a) override;
  void strided_copy(DType t, const StridedView& src, void* dst) override;
  void strided_write(DType t, const void* src, void* dst_base, const StridedView& dst) override;
  void reduce(ReduceOp op, DType t, const void* x, const Shape& in_shape, void* out,
              const Shape& out_shape) override;
  void matmul(DType t, const void* a, const void* b, void* c, int64_t m, int64_t n, int64_t k,
              bool trans_a, bool trans_b, bool accumulate) override;
  void eval_program(const ElementwiseProgram& p, void* out) override;
  void sum_program(const ElementwiseProgram& p, void* out) override;

  // Beyond the interface: give cached blocks back to the driver; memory statistics.
  void empty_cache();
  size_t allocated_bytes() const { return allocator_.allocated_bytes(); }
  size_t reserved_bytes() const { return allocator_.reserved_bytes(); }

  // Makes this backend's GPU current for the calling thread (cheap when it already is).
  void activate() const;
  // Grid cap for grid-stride kernels: enough blocks to fill every SM twice over.
  int64_t max_blocks() const { return max_blocks_; }
  int sm_count() const { return sm_count_; }

 private:
  cublasHandle_t cublas();  // loads cuBLAS and creates the handle on the first float matmul

  int index_;
  int sm_count_ = 1;
  int64_t max_blocks_ = 1;
  CachingAllocator allocator_;
  std::mutex cublas_mutex_;
  cublasHandle_t cublas_ = nullptr;
};

// Scratch device memory for one call (CUB temp storage, reduction partials), returned to the
// caching allocator when the call ends; stream order makes the early return safe.
class Scratch {
 public:
  Scratch(CudaBackend& backend, size_t bytes) : backend_(backend), bytes_(bytes), ptr_(backend.allocate(bytes)) {}
  ~Scratch() { backend_.deallocate(ptr_, bytes_); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  void* get() const { return ptr_; }
  template <class T>
  T* as() const { return static_cast<T*>(ptr_); }

 private:
  CudaBackend& backend_;
  size_t bytes_;
  void* ptr_;
};

}  // namespace gradlab::cuda
