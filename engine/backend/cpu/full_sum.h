// Note [Float sum order]
// The sum of all elements, in exactly the order PyTorch 1.13's CPU kernel produces for the
// digits learners see: fewer than 8 elements are added one by one in the tensor's dtype;
// longer runs go to eight independent accumulators (element i to accumulator i % 8; float32
// accumulates in double, which reproduces PyTorch's cascaded float sum and vectorises), which
// are then combined pairwise, and the last n % 8 elements are added to that total one by one.
//
// FullSum takes the elements in pieces, so a fused evaluation (cpu/program.cpp) can feed it
// chunk by chunk without materialising the tensor: every piece but the last must be a multiple
// of 8 elements long, and then the result has the same bits as one call over the whole run.
#pragma once
#include <cstdint>
#include <type_traits>

namespace gradlab::cpu {

template <class T>
class FullSum {
 public:
  using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;

  explicit FullSum(int64_t total) : total_(total) {}

  void add(const T* x, int64_t len) {
    if (total_ < 8) {
      for (int64_t i = 0; i < len; ++i) small_ += x[i];
      return;
    }
    Acc acc[8];  // a local copy keeps the accumulators in registers
    for (int k = 0; k < 8; ++k) acc[k] = acc_[k];
    int64_t i = 0;
    for (; i + 8 <= len; i += 8)
      for (int k = 0; k < 8; ++k) acc[k] += x[i + k];
    for (int k = 0; k < 8; ++k) acc_[k] = acc[k];
    for (; i < len; ++i) tail_[tail_len_++] = x[i];  // only in the last piece
  }

  T result() const {
    if (total_ < 8) return small_;
    Acc s = ((acc_[0] + acc_[1]) + (acc_[2] + acc_[3])) + ((acc_[4] + acc_[5]) + (acc_[6] + acc_[7]));
    for (int j = 0; j < tail_len_; ++j) s += tail_[j];
    return static_cast<T>(s);
  }

 private:
  int64_t total_;
  T small_ = 0;
  Acc acc_[8] = {};
  T tail_[8] = {};
  int tail_len_ = 0;
};

}  // namespace gradlab::cpu
