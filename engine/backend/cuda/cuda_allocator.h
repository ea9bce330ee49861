// The CUDA caching allocator (Note [Caching allocator], CUDA side). Plain C++: the CUDA calls
// are in cuda_allocator.cu, so the host tests can check the size classes without a GPU.
//
// cudaMalloc/cudaFree are slow (cudaFree also synchronises the device), and a training loop
// allocates and frees the same few sizes every step. So freed blocks are kept in per-size-class
// free lists and handed out again; memory goes back to the driver only when an allocation
// fails (then the whole cache is released and the allocation retried) or on empty_cache().
//
// Reuse is safe without events because every kernel, copy and library call of the backend runs
// on the one legacy default stream: work that reads a freed block is queued before any work
// that writes its next owner (PyTorch's stream-ordered reasoning, with a single stream).
#pragma once
#include <cstddef>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace gradlab::cuda {

class CachingAllocator {
 public:
  explicit CachingAllocator(int device) : device_(device) {}
  CachingAllocator(const CachingAllocator&) = delete;
  CachingAllocator& operator=(const CachingAllocator&) = delete;

  // Returns nullptr for 0 bytes; throws RuntimeError "CUDA out of memory. ..." when even an
  // emptied cache cannot satisfy the request. The caller has made `device` current.
  void* allocate(size_t bytes);
  // Never throws and never calls CUDA: it runs from Storage destructors, possibly at exit
  // after the CUDA runtime has shut down.
  void deallocate(void* ptr) noexcept;
  // Returns every cached (free) block to the driver.
  void empty_cache();

  size_t allocated_bytes() const;  // in live blocks (size-class rounded)
  size_t reserved_bytes() const;   // live + cached

  // The size class a request is rounded up to: 512-byte steps up to 1 MiB, then four steps
  // per power of two (under 25% waste), so a few classes serve the sizes a model uses.
  static size_t size_class(size_t bytes) {
    constexpr size_t kSmallStep = 512;
    constexpr size_t kSmallLimit = size_t{1} << 20;
    if (bytes <= kSmallLimit) return (bytes + kSmallStep - 1) / kSmallStep * kSmallStep;
    size_t pow2 = kSmallLimit;
    while (pow2 < bytes / 2) pow2 <<= 1;  // now bytes/2 <= pow2 < bytes: the step is < bytes/4
    const size_t step = pow2 / 4;
    return (bytes + step - 1) / step * step;
  }

 private:
  void release_cached_locked();

  int device_;
  mutable std::mutex mutex_;
  std::unordered_map<size_t, std::vector<void*>> free_;  // size class -> cached blocks
  std::unordered_map<void*, size_t> live_;               // block -> its size class
  size_t allocated_ = 0;
  size_t cached_ = 0;
};

}  // namespace gradlab::cuda
