// A reference-counted block of device memory. Several tensors may share one Storage
// (detach(), reshape/view of a contiguous tensor); in-place ops bump `version` so autograd can
// tell when a saved tensor was modified after it was saved.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/backend/backend.h"

namespace gradlab {

struct Storage {
  Storage(Backend& backend, size_t bytes)
      : backend(&backend), device(backend.device()), bytes(bytes), data(backend.allocate(bytes)) {}
  ~Storage() { backend->deallocate(data, bytes); }
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  Backend* backend;
  Device device;  // cached: asked for on every op
  size_t bytes;
  void* data;
  uint32_t version = 0;
};

}  // namespace gradlab
