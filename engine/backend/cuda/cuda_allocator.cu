// The caching allocator's implementation (see cuda_allocator.h for why blocks are cached).
#include "engine/backend/cuda/cuda_allocator.h"

#include <cuda_runtime.h>

#include <cstdio>
#include <string>

#include "engine/error.h"

namespace gradlab::cuda {

namespace {

// PyTorch's format_size: "512 bytes", "20.00 MiB", "1.50 GiB".
std::string format_size(size_t bytes) {
  char buf[64];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  } else if (bytes < (size_t{1} << 20)) {
    std::snprintf(buf, sizeof buf, "%.2f KiB", bytes / 1024.0);
  } else if (bytes < (size_t{1} << 30)) {
    std::snprintf(buf, sizeof buf, "%.2f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / 1073741824.0);
  }
  return buf;
}

}  // namespace

void* CachingAllocator::allocate(size_t bytes) {
  if (bytes == 0) return nullptr;
  // Larger than any device memory (and large enough that rounding would overflow).
  constexpr size_t kImpossible = size_t{1} << 56;
  const size_t cls = bytes >= kImpossible ? kImpossible : size_class(bytes);

  std::lock_guard<std::mutex> lock(mutex_);
  if (cls < kImpossible) {
    auto it = free_.find(cls);
    if (it != free_.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      cached_ -= cls;
      live_.emplace(p, cls);
      allocated_ += cls;
      return p;
    }
  }

  void* p = nullptr;
  cudaError_t status = cls < kImpossible ? cudaMalloc(&p, cls) : cudaErrorMemoryAllocation;
  if (status == cudaErrorMemoryAllocation && cached_ > 0) {
    // Fragmented by cached blocks of other sizes: give them back and try once more.
    cudaGetLastError();
    release_cached_locked();
    status = cudaMalloc(&p, cls);
  }
  if (status != cudaSuccess) {
    cudaGetLastError();  // an allocation failure must not poison later calls
    if (status != cudaErrorMemoryAllocation)
      runtime_error(std::string("CUDA error: ") + cudaGetErrorString(status));
    size_t free_mem = 0, total_mem = 0;
    cudaMemGetInfo(&free_mem, &total_mem);
    cudaGetLastError();
    // PyTorch's message shape, so learners recognise it.
    runtime_error("CUDA out of memory. Tried to allocate " + format_size(bytes) + " (GPU " +
                  std::to_string(device_) + "; " + format_size(total_mem) + " total capacity; " +
                  format_size(allocated_) + " already allocated; " + format_size(free_mem) +
                  " free; " + format_size(allocated_ + cached_) + " reserved in total by gradlab)");
  }
  live_.emplace(p, cls);
  allocated_ += cls;
  return p;
}

void CachingAllocator::deallocate(void* ptr) noexcept {
  if (ptr == nullptr) return;
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = live_.find(ptr);
    if (it == live_.end()) return;  // not ours: ignore rather than corrupt the cache
    const size_t cls = it->second;
    live_.erase(it);
    allocated_ -= cls;
    free_[cls].push_back(ptr);
    cached_ += cls;
  } catch (...) {
    // Only bad_alloc from the free list can land here; losing one block beats terminating.
  }
}

void CachingAllocator::empty_cache() {
  std::lock_guard<std::mutex> lock(mutex_);
  release_cached_locked();
}

void CachingAllocator::release_cached_locked() {
  // cudaFree synchronises the device, so pending kernels that still read a block finish first.
  for (auto& [cls, blocks] : free_) {
    for (void* p : blocks) cudaFree(p);
    blocks.clear();
  }
  free_.clear();
  cached_ = 0;
  cudaGetLastError();
}

size_t CachingAllocator::allocated_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return allocated_;
}

size_t CachingAllocator::reserved_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return allocated_ + cached_;
}

}  // namespace gradlab::cuda
