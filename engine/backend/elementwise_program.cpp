// The generic evaluation of an element-wise program (elementwise_program.h): one backend
// primitive per step over whole buffers — exactly the unfused computation. Backends without a
// fused evaluator use it, and the tests compare fused evaluators against it bit for bit.
#include <vector>

#include "engine/backend/backend.h"

namespace gradlab {
namespace {

// Device buffers that are given back however the evaluation ends.
class Buffers {
 public:
  explicit Buffers(Backend& b) : backend_(b) {}
  ~Buffers() {
    for (auto& [p, bytes] : owned_) backend_.deallocate(p, bytes);
  }
  void* make(size_t bytes) {
    owned_.emplace_back(backend_.allocate(bytes), bytes);
    return owned_.back().first;
  }

 private:
  Backend& backend_;
  std::vector<std::pair<void*, size_t>> owned_;
};

}  // namespace

void Backend::eval_program(const ElementwiseProgram& p, void* out) {
  using Kind = ElementwiseStep::Kind;
  const size_t bytes = static_cast<size_t>(p.numel) * dtype_size(p.dtype);
  const Shape shape{p.numel};
  Buffers buffers(*this);
  std::vector<const void*> value(p.steps.size());
  for (size_t s = 0; s < p.steps.size(); ++s) {
    const ElementwiseStep& st = p.steps[s];
    if (st.kind == Kind::Load) {
      value[s] = st.data;
      continue;
    }
    void* buf = s + 1 == p.steps.size() ? out : buffers.make(bytes);
    if (st.kind == Kind::Broadcast) {
      strided_copy(p.dtype, StridedView{st.data, shape, {0}, 0}, buf);
    } else if (st.kind == Kind::Unary) {
      unary(st.unary_op, p.dtype, value[st.x], buf, p.numel, st.a, st.b);
    } else {
      binary_same_shape(st.binary_op, p.dtype, value[st.x], value[st.y], buf, shape, st.a);
    }
    value[s] = buf;
  }
  if (value.back() != out) copy(out, value.back(), bytes);  // the result is a Load
}

void Backend::sum_program(const ElementwiseProgram& p, void* out) {
  Buffers buffers(*this);
  void* values = buffers.make(static_cast<size_t>(p.numel) * dtype_size(p.dtype));
  eval_program(p, values);
  reduce(ReduceOp::Sum, p.dtype, values, Shape{p.numel}, out, Shape{1});
}

}  // namespace gradlab
