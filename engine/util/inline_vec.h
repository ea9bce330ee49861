// A vector with fixed inline capacity and no heap allocation. Autograd nodes have at most a
// few inputs and saved tensors; keeping them inline saves several mallocs per op, which is
// most of the cost of an op on a 0-d tensor (the W5 benchmark).
#pragma once
#include <cassert>
#include <cstddef>
#include <stdexcept>
#include <utility>

namespace gradlab {

template <class T, size_t N>
class InlineVec {
 public:
  InlineVec() = default;
  InlineVec(std::initializer_list<T> items) {
    for (const T& x : items) push_back(x);
  }

  void push_back(T value) {
    if (size_ == N) throw std::length_error("InlineVec capacity exceeded");
    items_[size_++] = std::move(value);
  }
  void clear() {
    for (size_t i = 0; i < size_; ++i) items_[i] = T();
    size_ = 0;
  }
  void reserve(size_t) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return items_[i]; }
  const T& operator[](size_t i) const { return items_[i]; }
  T* begin() { return items_; }
  T* end() { return items_ + size_; }
  const T* begin() const { return items_; }
  const T* end() const { return items_ + size_; }

 private:
  T items_[N] = {};
  size_t size_ = 0;
};

}  // namespace gradlab
