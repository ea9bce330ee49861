// See deferred.h (Note [Deferred element-wise ops]). Also the members of Storage that handle
// deferred values (storage.h), which need Deferred complete.
#include "engine/deferred.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/allocation_limit.h"
#include "engine/util/pool_allocator.h"

namespace gradlab {
namespace {

// The registry: every live Deferred, in a doubly-linked list. Like the rest of the engine's
// state (e.g. autograd's sequence numbers), it assumes one thread uses the engine at a time.
Deferred* g_registry = nullptr;
size_t g_live = 0;

void link(Deferred* d) {
  d->next = g_registry;
  if (g_registry) g_registry->prev = d;
  g_registry = d;
  ++g_live;
}

void unlink(Deferred* d) {
  if (d->prev) d->prev->next = d->next;
  else if (g_registry == d) g_registry = d->next;
  if (d->next) d->next->prev = d->prev;
  --g_live;
}

uint32_t steps_of(const std::shared_ptr<Storage>& s) { return s->deferred ? s->pending->steps : 1; }

// Appends the steps computing `s` to `p` and returns the index of its value. A storage met
// twice (x in x**3 + x**2) is loaded or computed once. Deferred inputs computed on the way are
// marked `fused` (they have been computed once; Note [Deferred element-wise ops]).
uint32_t emit(Storage& s, ElementwiseProgram& p, std::vector<std::pair<const Storage*, uint32_t>>& done) {
  for (const auto& [storage, index] : done)
    if (storage == &s) return index;
  ElementwiseStep step;
  if (!s.deferred) {
    step.kind = ElementwiseStep::Kind::Load;
    step.data = s.data;
  } else {
    const Deferred& d = *s.pending;
    step = d.step;
    if (step.kind == ElementwiseStep::Kind::Broadcast) {
      step.data = d.inputs[0]->ready_data();
    } else {
      for (int i = 0; i < (step.kind == ElementwiseStep::Kind::Binary ? 2 : 1); ++i) {
        Storage& in = *d.inputs[i];
        (i == 0 ? step.x : step.y) = emit(in, p, done);
        if (in.deferred) in.pending->fused = true;
      }
    }
  }
  const auto index = static_cast<uint32_t>(p.steps.size());
  p.steps.push_back(step);
  done.emplace_back(&s, index);
  return index;
}

ElementwiseProgram compile(Storage& root, DType dtype) {
  ElementwiseProgram p;
  p.dtype = dtype;
  p.numel = static_cast<int64_t>(root.bytes / dtype_size(dtype));
  std::vector<std::pair<const Storage*, uint32_t>> done;
  emit(root, p, done);
  return p;
}

// A tensor of `shape` whose storage is `expr`, not yet computed.
Tensor make_deferred(const Shape& shape, DType dtype, Device device, std::unique_ptr<Deferred> expr) {
  auto impl = make_pooled<TensorImpl>();
  impl->numel = shape_numel(shape);
  impl->storage = make_pooled<Storage>(backend_for(device), storage_bytes(impl->numel, dtype_size(dtype)),
                                       std::move(expr));
  impl->shape = shape;
  impl->dtype = dtype;
  impl->is_inference = inference_mode_enabled();
  return Tensor(std::move(impl));
}

bool repeatable(const Storage& s) { return s.pending->step.kind == ElementwiseStep::Kind::Broadcast; }

// Decides which deferred inputs a new expression may fuse; the others are materialised first.
// An input already read by another expression, or already computed once as part of one, is
// shared: fusing it again would compute it again (broadcasts, which cost nothing, excepted).
// And the new expression must stay within kMaxSteps: its biggest inputs are materialised.
void prepare_inputs(std::initializer_list<const Tensor*> inputs) {
  for (const Tensor* t : inputs) {
    if (t->impl()->view_copy) sync_view_copy(*t->impl());  // read now: Note [Views are copies]
    const Storage& s = *t->impl()->storage;
    if (s.deferred && !repeatable(s) && (s.readers > 0 || s.pending->fused)) deferred::materialize(*t);
  }
  auto total = [&] {
    uint32_t n = 1;
    for (const Tensor* t : inputs) n += steps_of(t->impl()->storage);
    return n;
  };
  while (total() > deferred::kMaxSteps) {
    const Tensor* biggest = *std::max_element(inputs.begin(), inputs.end(), [](const Tensor* a, const Tensor* b) {
      return steps_of(a->impl()->storage) < steps_of(b->impl()->storage);
    });
    deferred::materialize(*biggest);
  }
}

}  // namespace

Deferred::Deferred(DType dtype, ElementwiseStep step, std::shared_ptr<Storage> x, std::shared_ptr<Storage> y)
    : dtype(dtype), step(step), inputs{std::move(x), std::move(y)} {
  for (auto& in : inputs) {
    if (!in) continue;
    ++in->readers;
    if (step.kind != ElementwiseStep::Kind::Broadcast) steps += steps_of(in);
  }
}

Deferred::~Deferred() {
  if (owner) unlink(this);
  for (auto& in : inputs)
    if (in) --in->readers;
}

// ---- Storage ---------------------------------------------------------------------------------
Storage::Storage(Backend& backend, size_t bytes, std::unique_ptr<Deferred> expr)
    : backend(&backend), device(backend.device()), bytes(bytes), pending(expr.release()), deferred(1) {
  pending->owner = this;
  link(pending);
}

void Storage::drop_expression() { delete pending; }

void Storage::materialize() {
  Deferred* expr = pending;
  ElementwiseProgram p = compile(*this, expr->dtype);
  void* buffer = backend->allocate(bytes);
  try {
    backend->eval_program(p, buffer);
  } catch (...) {
    backend->deallocate(buffer, bytes);
    throw;
  }
  data = buffer;
  deferred = 0;
  delete expr;  // lets go of the inputs
}

void Storage::prepare_write() {
  if (deferred) materialize();
  // Every expression still reading this storage computes now, from the old values.
  while (readers > 0) {
    Deferred* d = g_registry;
    while (d && d->inputs[0].get() != this && d->inputs[1].get() != this) d = d->next;
    if (!d) break;  // cannot happen: `readers` counts registered expressions
    d->owner->materialize();
  }
}

// ---- deferred:: ------------------------------------------------------------------------------
namespace deferred {

int64_t set_min_numel(int64_t n) { return std::exchange(detail::min_numel, std::max<int64_t>(n, 1)); }

Tensor unary(UnaryOp op, const Tensor& x, double a, double b) {
  prepare_inputs({&x});
  ElementwiseStep step;
  step.kind = ElementwiseStep::Kind::Unary;
  step.unary_op = op;
  step.a = a;
  step.b = b;
  return make_deferred(x.shape(), x.dtype(), x.device(),
                       std::make_unique<Deferred>(x.dtype(), step, x.impl()->storage));
}

Tensor binary(BinaryOp op, const Tensor& x, const Tensor& y, double a) {
  prepare_inputs({&x, &y});
  ElementwiseStep step;
  step.kind = ElementwiseStep::Kind::Binary;
  step.binary_op = op;
  step.a = a;
  return make_deferred(x.shape(), x.dtype(), x.device(),
                       std::make_unique<Deferred>(x.dtype(), step, x.impl()->storage, y.impl()->storage));
}

Tensor broadcast(const Tensor& one, const Shape& shape) {
  ElementwiseStep step;
  step.kind = ElementwiseStep::Kind::Broadcast;
  return make_deferred(shape, one.dtype(), one.device(),
                       std::make_unique<Deferred>(one.dtype(), step, one.impl()->storage));
}

void sum_all(const Tensor& x, void* out) {
  Storage& s = *x.impl()->storage;
  if (s.pending->fused) {  // computed once already: keep the values this time
    s.backend->reduce(ReduceOp::Sum, x.dtype(), x.data(), Shape{x.numel()}, out, Shape{1});
    return;
  }
  ElementwiseProgram p = compile(s, x.dtype());
  s.backend->sum_program(p, out);
  s.pending->fused = true;
}

size_t live_count() { return g_live; }

}  // namespace deferred
}  // namespace gradlab
