// Note [Allocation limit]
// An optional cap on the memory the engine takes for data: on all CPU tensor data alive at once
// (the CPU caching allocator counts it), and on any one buffer made for a script (a list, the
// host copy behind tolist()). Past it the allocation throws std::bad_alloc, which a script sees
// as MemoryError, just as when the system itself refuses. Unlimited by default: a native run may use
// all the memory it likes, and in wasm the 2 GB heap is the limit. The fuzzer sets one
// (tests/fuzz/fuzz_script.cpp), so that a legal but huge request such as torch.zeros(10**9) ends as
// MemoryError instead of taking the machine's memory.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

namespace gradlab {

inline std::atomic<size_t>& allocation_limit() {
  static std::atomic<size_t> limit{SIZE_MAX};
  return limit;
}

inline void set_allocation_limit(size_t bytes) { allocation_limit().store(bytes); }

// Throws std::bad_alloc when `count` items of `size` bytes are over the limit (or overflow).
inline void check_allocation(size_t count, size_t size = 1) {
  if (size != 0 && count > allocation_limit().load(std::memory_order_relaxed) / size) throw std::bad_alloc();
}

}  // namespace gradlab
