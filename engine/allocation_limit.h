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
#include <string>

#include "engine/error.h"

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

// Note [Allocation failure]
// When the system itself refuses tensor memory — natively malloc fails; in wasm the heap cannot
// grow past gradlab's maximum (-sMAXIMUM_MEMORY), or the size does not even fit wasm's 32-bit
// size_t — a script sees what PyTorch's CPU allocator raises, a RuntimeError naming the bytes
// asked (the line number is that of Debian's PyTorch 1.13.1 build). Only the cap above is
// MemoryError, so the fuzzer's huge requests still end there (golden cases alloc_failure*).
[[noreturn]] inline void cpu_allocation_failed(uint64_t bytes) {
  throw Error("RuntimeError",
              "[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to "
              "allocate " + std::to_string(bytes) + " bytes. Error code 12 (Cannot allocate memory)");
}

// The bytes of a tensor's storage, counted in 64 bits: in wasm a size past size_t is a request
// the system refuses (Note [Allocation failure]), not a silently truncated one.
inline size_t storage_bytes(int64_t numel, size_t item_size) {
  const uint64_t bytes = static_cast<uint64_t>(numel) * item_size;
  if (bytes > SIZE_MAX) {
    check_allocation(SIZE_MAX);  // past a cap, MemoryError (Note [Allocation limit])
    cpu_allocation_failed(bytes);
  }
  return static_cast<size_t>(bytes);
}

}  // namespace gradlab
