// Note [Caching allocator]
// Autograd makes and drops many same-sized buffers (every op output, every gradient). Asking
// malloc each time costs more than the arithmetic for small tensors, so freed blocks are kept
// in per-size free lists and handed out again. Sizes are rounded up to a size class so that
// nearby sizes share a list. The cache is bounded; beyond it blocks go back to the system.
#pragma once
#include <cstddef>
#include <cstdlib>
#include <vector>

#include "engine/allocation_limit.h"

namespace gradlab {

class CachingAllocator {
 public:
  ~CachingAllocator() { release_all(); }

  void* allocate(size_t bytes) {
    if (bytes > SIZE_MAX / 2) {
      check_allocation(bytes);  // past a cap, MemoryError (Note [Allocation limit])
      cpu_allocation_failed(bytes);
    }
    check_allocation(live_bytes_ + bytes);  // Note [Allocation limit]: all live tensor data
    live_bytes_ += bytes;
    size_t cls = size_class(bytes);
    if (cls < kClasses && !free_[cls].empty()) {
      void* p = free_[cls].back();
      free_[cls].pop_back();
      cached_bytes_ -= class_bytes(cls);
      return p;
    }
    size_t n = cls < kClasses ? class_bytes(cls) : round_up(bytes);
    void* p = std::aligned_alloc(kAlign, n);
    if (!p) {
      live_bytes_ -= bytes;
      cpu_allocation_failed(bytes);  // Note [Allocation failure]
    }
    return p;
  }

  void deallocate(void* p, size_t bytes) {
    live_bytes_ -= bytes;
    size_t cls = size_class(bytes);
    if (cls < kClasses && cached_bytes_ + class_bytes(cls) <= kMaxCachedBytes) {
      free_[cls].push_back(p);
      cached_bytes_ += class_bytes(cls);
      return;
    }
    std::free(p);
  }

  void release_all() {
    for (auto& list : free_) {
      for (void* p : list) std::free(p);
      list.clear();
    }
    cached_bytes_ = 0;
  }

 private:
  static constexpr size_t kAlign = 64;
  static constexpr size_t kClasses = 40;                 // powers of two up to 2^(6+39)
  static constexpr size_t kMaxCachedBytes = size_t(1) << 30;

  static size_t round_up(size_t bytes) { return (bytes + kAlign - 1) / kAlign * kAlign; }
  // Class c holds blocks of 64·2^c bytes.
  static size_t class_bytes(size_t cls) { return kAlign << cls; }
  static size_t size_class(size_t bytes) {
    size_t cls = 0;
    while (class_bytes(cls) < bytes && cls < kClasses) ++cls;
    return cls;
  }

  std::vector<void*> free_[kClasses];
  size_t cached_bytes_ = 0;
  size_t live_bytes_ = 0;  // handed out and not yet given back
};

}  // namespace gradlab
