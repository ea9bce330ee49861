// libstdc++'s std::sort, std::partial_sort and std::nth_element, re-implemented so that every
// build orders equal elements the way PyTorch's CPU sort and topk do (Note [Sort tie order] in
// engine/ops/sort.h): the WebAssembly build links libc++, whose algorithms leave ties in other
// orders. The algorithms (introsort: median-of-three pivot moved to the front, unguarded
// partition, depth limit 2·floor(log2 n) then heapsort, and insertion sort of runs of 16;
// introselect; heap select) are those of libstdc++ since GCC 4, unchanged through GCC 12.
// tests/cpp/test_gnu_sort.cpp checks them against the native std:: calls on tie-heavy input.
#pragma once
#include <algorithm>  // std::iter_swap, std::move_backward
#include <cstddef>
#include <utility>

namespace gradlab::gnu_sort {

namespace detail {

constexpr std::ptrdiff_t kInsertionThreshold = 16;

inline int floor_log2(std::ptrdiff_t n) {
  int lg = 0;
  while (n > 1) {
    n >>= 1;
    ++lg;
  }
  return lg;
}

// Fills the hole at `hole` from its ancestors down to `top` (libstdc++'s __push_heap).
template <class It, class V, class Less>
void heap_sift_up(It first, std::ptrdiff_t hole, std::ptrdiff_t top, V value, Less& less) {
  std::ptrdiff_t parent = (hole - 1) / 2;
  while (hole > top && less(first[parent], value)) {
    first[hole] = std::move(first[parent]);
    hole = parent;
    parent = (hole - 1) / 2;
  }
  first[hole] = std::move(value);
}

// Sifts the hole down to a leaf along the larger children, then pushes `value` back up.
template <class It, class V, class Less>
void heap_adjust(It first, std::ptrdiff_t hole, std::ptrdiff_t len, V value, Less& less) {
  const std::ptrdiff_t top = hole;
  std::ptrdiff_t child = hole;
  while (child < (len - 1) / 2) {
    child = 2 * (child + 1);
    if (less(first[child], first[child - 1])) --child;
    first[hole] = std::move(first[child]);
    hole = child;
  }
  if ((len & 1) == 0 && child == (len - 2) / 2) {
    child = 2 * (child + 1);
    first[hole] = std::move(first[child - 1]);
    hole = child - 1;
  }
  heap_sift_up(first, hole, top, std::move(value), less);
}

template <class It, class Less>
void heap_build(It first, It last, Less& less) {
  const std::ptrdiff_t len = last - first;
  if (len < 2) return;
  for (std::ptrdiff_t parent = (len - 2) / 2;; --parent) {
    auto value = std::move(first[parent]);
    heap_adjust(first, parent, len, std::move(value), less);
    if (parent == 0) return;
  }
}

// Moves the heap's top to `result` and re-heaps with the element that was at `result`.
template <class It, class Less>
void heap_pop(It first, It last, It result, Less& less) {
  auto value = std::move(*result);
  *result = std::move(*first);
  heap_adjust(first, std::ptrdiff_t{0}, last - first, std::move(value), less);
}

// Leaves the smallest `middle - first` elements in [first, middle), as a max-heap.
template <class It, class Less>
void heap_select(It first, It middle, It last, Less& less) {
  heap_build(first, middle, less);
  for (It i = middle; i < last; ++i)
    if (less(*i, *first)) heap_pop(first, middle, i, less);
}

template <class It, class Less>
void heap_sort_all(It first, It last, Less& less) {
  while (last - first > 1) {
    --last;
    heap_pop(first, last, last, less);
  }
}

template <class It, class Less>
void unguarded_linear_insert(It last, Less& less) {
  auto value = std::move(*last);
  It next = last;
  --next;
  while (less(value, *next)) {
    *last = std::move(*next);
    last = next;
    --next;
  }
  *last = std::move(value);
}

template <class It, class Less>
void insertion_sort(It first, It last, Less& less) {
  if (first == last) return;
  for (It i = first + 1; i != last; ++i) {
    if (less(*i, *first)) {
      auto value = std::move(*i);
      std::move_backward(first, i, i + 1);
      *first = std::move(value);
    } else {
      unguarded_linear_insert(i, less);
    }
  }
}

template <class It, class Less>
void final_insertion_sort(It first, It last, Less& less) {
  if (last - first > kInsertionThreshold) {
    insertion_sort(first, first + kInsertionThreshold, less);
    for (It i = first + kInsertionThreshold; i != last; ++i) unguarded_linear_insert(i, less);
  } else {
    insertion_sort(first, last, less);
  }
}

// Swaps the median of *a, *b, *c into *result.
template <class It, class Less>
void move_median_to_first(It result, It a, It b, It c, Less& less) {
  if (less(*a, *b)) {
    if (less(*b, *c)) std::iter_swap(result, b);
    else if (less(*a, *c)) std::iter_swap(result, c);
    else std::iter_swap(result, a);
  } else if (less(*a, *c)) {
    std::iter_swap(result, a);
  } else if (less(*b, *c)) {
    std::iter_swap(result, c);
  } else {
    std::iter_swap(result, b);
  }
}

template <class It, class Less>
It unguarded_partition(It first, It last, It pivot, Less& less) {
  while (true) {
    while (less(*first, *pivot)) ++first;
    --last;
    while (less(*pivot, *last)) --last;
    if (!(first < last)) return first;
    std::iter_swap(first, last);
    ++first;
  }
}

template <class It, class Less>
It unguarded_partition_pivot(It first, It last, Less& less) {
  It mid = first + (last - first) / 2;
  move_median_to_first(first, first + 1, mid, last - 1, less);
  return unguarded_partition(first + 1, last, first, less);
}

template <class It, class Less>
void introsort_loop(It first, It last, int depth_limit, Less& less) {
  while (last - first > kInsertionThreshold) {
    if (depth_limit == 0) {
      heap_select(first, last, last, less);
      heap_sort_all(first, last, less);
      return;
    }
    --depth_limit;
    It cut = unguarded_partition_pivot(first, last, less);
    introsort_loop(cut, last, depth_limit, less);
    last = cut;
  }
}

}  // namespace detail

// std::sort as libstdc++ implements it.
template <class It, class Less>
void sort(It first, It last, Less less) {
  if (first == last) return;
  detail::introsort_loop(first, last, 2 * detail::floor_log2(last - first), less);
  detail::final_insertion_sort(first, last, less);
}

// std::partial_sort as libstdc++ implements it.
template <class It, class Less>
void partial_sort(It first, It middle, It last, Less less) {
  detail::heap_select(first, middle, last, less);
  detail::heap_sort_all(first, middle, less);
}

// std::nth_element as libstdc++ implements it.
template <class It, class Less>
void nth_element(It first, It nth, It last, Less less) {
  if (first == last || nth == last) return;
  int depth_limit = 2 * detail::floor_log2(last - first);
  while (last - first > 3) {
    if (depth_limit == 0) {
      detail::heap_select(first, nth + 1, last, less);
      std::iter_swap(first, nth);  // the nth element to its place
      return;
    }
    --depth_limit;
    It cut = detail::unguarded_partition_pivot(first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  detail::insertion_sort(first, last, less);
}

}  // namespace gradlab::gnu_sort
