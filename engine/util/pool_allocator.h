// Note [Small-object pool]
// Every op allocates a TensorImpl, a Storage and (with grad) a Node, each through
// std::allocate_shared. For tiny tensors malloc/free of these dominates the run time, so they
// come from per-size free lists instead: freed blocks are kept and reused, never returned to
// the system. Thread-local, so no locking (the engine is single-threaded per thread).
// Under AddressSanitizer the pool is off: a block on a free list still looks reachable to the
// leak checker, which would hide a leaked tensor or node (the fuzzer relies on seeing them).
#pragma once
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define GRADLAB_POOL_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADLAB_POOL_ENABLED 0
#endif
#endif
#ifndef GRADLAB_POOL_ENABLED
#define GRADLAB_POOL_ENABLED 1
#endif

namespace gradlab {

namespace detail {
// Free lists for blocks of `Size` bytes.
// A free list that returns its blocks to the system when its thread ends.
struct FreeList : std::vector<void*> {
  ~FreeList() {
    for (void* p : *this) ::operator delete(p);
  }
};

template <size_t Size>
struct BlockPool {
  static FreeList& free_list() {
    thread_local FreeList list;
    return list;
  }
  static void* take() {
    if constexpr (!GRADLAB_POOL_ENABLED) return ::operator new(Size);
    auto& list = free_list();
    if (!list.empty()) {
      void* p = list.back();
      list.pop_back();
      return p;
    }
    return ::operator new(Size);
  }
  static void give(void* p) {
    if constexpr (!GRADLAB_POOL_ENABLED) {
      ::operator delete(p);
      return;
    }
    auto& list = free_list();
    if (list.size() < 1 << 16) {
      list.push_back(p);
    } else {
      ::operator delete(p);
    }
  }
};
}  // namespace detail

template <class T>
struct PoolAllocator {
  using value_type = T;
  PoolAllocator() = default;
  template <class U>
  PoolAllocator(const PoolAllocator<U>&) {}

  T* allocate(size_t n) {
    if (n != 1) return static_cast<T*>(::operator new(n * sizeof(T)));
    return static_cast<T*>(detail::BlockPool<sizeof(T)>::take());
  }
  void deallocate(T* p, size_t n) {
    if (n != 1) {
      ::operator delete(p);
      return;
    }
    detail::BlockPool<sizeof(T)>::give(p);
  }
  template <class U>
  bool operator==(const PoolAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const PoolAllocator<U>&) const { return false; }
};

template <class T, class... Args>
std::shared_ptr<T> make_pooled(Args&&... args) {
  return std::allocate_shared<T>(PoolAllocator<T>(), std::forward<Args>(args)...);
}

}  // namespace gradlab
