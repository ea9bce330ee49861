// Finds the backend for a device. CPU always exists; CUDA only when compiled in and a GPU
// answers, otherwise a RuntimeError naming the reason (no crash, no hang).
#include "engine/backend/backend.h"
#include "engine/error.h"

namespace gradlab {

Backend& cpu_backend();

Backend& backend_for(Device device) {
  if (device.type == DeviceType::CPU) return cpu_backend();
  if (!cuda_compiled_in()) runtime_error("Torch not compiled with CUDA enabled");
  int count = cuda_device_count();
  if (count == 0) runtime_error("Found no NVIDIA driver on your system or no CUDA device: " + cuda_unavailable_reason());
  if (device.index >= count) runtime_error("CUDA error: invalid device ordinal");
  Backend* b = cuda_backend_or_null(device.index);
  if (!b) runtime_error("CUDA backend unavailable: " + cuda_unavailable_reason());
  return *b;
}

}  // namespace gradlab
