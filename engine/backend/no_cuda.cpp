// The CUDA hooks for builds without the CUDA backend (wasm, or nvcc absent).
#if !GRADLAB_HAS_CUDA
#include "engine/backend/backend.h"

namespace gradlab {

Backend* cuda_backend_or_null(int) { return nullptr; }
bool cuda_compiled_in() { return false; }
int cuda_device_count() { return 0; }
std::string cuda_unavailable_reason() { return "gradlab was built without the CUDA backend"; }
std::string cuda_runtime_summary() { return ""; }
std::vector<std::string> cuda_device_summaries() { return {}; }

}  // namespace gradlab
#endif
