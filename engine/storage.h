// A reference-counted block of device memory. Several tensors may share one Storage
// (detach(), reshape/view of a contiguous tensor); in-place ops bump `version` so autograd can
// tell when a saved tensor was modified after it was saved.
//
// A Storage may also be deferred (Note [Deferred element-wise ops], engine/deferred.h): it then
// holds, instead of memory, the element-wise expression that computes it, until someone needs
// the values. Read through ready_data() and write through writable_data(); both are one
// predictable branch for an ordinary storage.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/backend/backend.h"

namespace gradlab {

struct Deferred;  // engine/deferred.h

struct Storage {
  Storage(Backend& backend, size_t bytes)
      : backend(&backend), device(backend.device()), bytes(bytes), data(backend.allocate(bytes)) {}
  // A deferred storage: `expr` computes its `bytes` of values when they are first needed.
  Storage(Backend& backend, size_t bytes, std::unique_ptr<Deferred> expr);
  ~Storage() {
    if (deferred) [[unlikely]] drop_expression();
    else backend->deallocate(data, bytes);
  }
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  // The values, computed first if deferred.
  void* ready_data() {
    if (deferred) [[unlikely]] materialize();
    return data;
  }
  // The values, about to be overwritten: deferred expressions that still read them are
  // computed first (Note [Deferred element-wise ops]).
  void* writable_data() {
    if (deferred || readers) [[unlikely]] prepare_write();
    return data;
  }
  // The expression that will compute the values; null once they exist.
  Deferred* expression() const { return deferred ? pending : nullptr; }

  Backend* backend;
  Device device;  // cached: asked for on every op
  size_t bytes;
  // One pointer: the values or, while deferred, the (owned) expression. Kept this small so that
  // a Storage and its shared_ptr count share one 64-byte malloc block, which scalar-heavy
  // workloads (W5) measure.
  union {
    void* data;
    Deferred* pending;
  };
  uint32_t version = 0;
  uint32_t readers : 31 = 0;  // deferred expressions that read this storage
  uint32_t deferred : 1 = 0;

 private:
  void materialize();  // engine/deferred.cpp
  void prepare_write();
  void drop_expression();
};
static_assert(sizeof(Storage) <= 40, "see the comment on Storage::data");

}  // namespace gradlab
