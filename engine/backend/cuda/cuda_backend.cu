// The CUDA backend's device discovery, memory and copies, and the hooks backend.h declares for
// builds with GRADLAB_HAS_CUDA=1 (engine/backend/no_cuda.cpp defines them otherwise).
//
// Discovery never throws and never hangs: cudaGetDeviceCount is asked once, and any failure
// (no driver, driver too old, no device, CUDA_VISIBLE_DEVICES="") becomes "0 devices" plus a
// sentence for cuda_unavailable_reason(), which backend_for() puts in its RuntimeError.
#include "engine/backend/cuda/cuda_backend.cuh"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#ifndef GRADLAB_CUDA_ARCHS
#define GRADLAB_CUDA_ARCHS "unknown"
#endif

namespace gradlab {
namespace cuda {

namespace {

// The smallest kernel there is: asking the runtime for its attributes loads the module for the
// current GPU, which fails cleanly when our fatbinary has no code that GPU can run.
__global__ void probe_kernel() {}

struct Discovery {
  int count = 0;
  std::string reason;  // empty when count > 0
};

std::string version_str(int v) { return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10); }

Discovery discover() {
  Discovery d;
  int n = 0;
  const cudaError_t status = cudaGetDeviceCount(&n);
  if (status == cudaSuccess && n > 0) {
    d.count = n;
    return d;
  }
  cudaGetLastError();
  const std::string detail = status == cudaSuccess
                                 ? std::string()
                                 : std::string(" (") + cudaGetErrorName(status) + ": " + cudaGetErrorString(status) + ")";
  if (status == cudaErrorInsufficientDriver) {
    int driver = 0;
    cudaDriverGetVersion(&driver);  // 0 when no driver is installed at all
    cudaGetLastError();
    if (driver == 0) {
      d.reason = "no NVIDIA driver found" + detail;
    } else {
      d.reason = "the NVIDIA driver supports CUDA " + version_str(driver) + " but gradlab was built with CUDA " +
                 version_str(CUDART_VERSION) + "; update the driver" + detail;
    }
  } else if (status == cudaSuccess || status == cudaErrorNoDevice) {
    d.reason = "no CUDA device" + detail;
  } else {
    d.reason = "CUDA is unavailable" + detail;
  }
  return d;
}

const Discovery& discovery() {
  static const Discovery d = discover();  // thread-safe, once per process
  return d;
}

}  // namespace

CudaBackend::CudaBackend(int index) : index_(index), allocator_(index) {
  check_cuda(cudaSetDevice(index_));
  check_cuda(cudaDeviceGetAttribute(&sm_count_, cudaDevAttrMultiProcessorCount, index_));
  max_blocks_ = int64_t{sm_count_} * 2 * (2048 / kThreads);
  cudaFuncAttributes attrs{};
  const cudaError_t status = cudaFuncGetAttributes(&attrs, probe_kernel);
  if (status != cudaSuccess) {
    cudaGetLastError();
    int major = 0, minor = 0;
    cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, index_);
    cudaDeviceGetAttribute(&minor, cudaDevAttrComputeCapabilityMinor, index_);
    cudaGetLastError();
    runtime_error(std::string("CUDA error: ") + cudaGetErrorString(status) + " (GPU " + std::to_string(index_) +
                  " is sm_" + std::to_string(major * 10 + minor) + "; gradlab's CUDA code was built for " +
                  GRADLAB_CUDA_ARCHS + ")");
  }
}

void CudaBackend::activate() const {
  int current = -1;
  if (cudaGetDevice(&current) != cudaSuccess || current != index_) check_cuda(cudaSetDevice(index_));
}

void* CudaBackend::allocate(size_t bytes) {
  activate();
  return allocator_.allocate(bytes);
}

void CudaBackend::deallocate(void* ptr, size_t /*bytes: the allocator remembers each block's class*/) {
  allocator_.deallocate(ptr);
}

void CudaBackend::empty_cache() {
  activate();
  allocator_.empty_cache();
}

void CudaBackend::copy_from_host(void* dst, const void* host_src, size_t bytes) {
  if (bytes == 0) return;
  activate();
  check_cuda(cudaMemcpy(dst, host_src, bytes, cudaMemcpyHostToDevice));
}

void CudaBackend::copy_to_host(void* host_dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  activate();
  // Synchronous on the legacy stream: waits for the kernels that produce `src`, and reports
  // any asynchronous kernel failure as "CUDA error: ...".
  check_cuda(cudaMemcpy(host_dst, src, bytes, cudaMemcpyDeviceToHost));
}

void CudaBackend::copy(void* dst, const void* src, size_t bytes) {
  if (bytes == 0 || dst == src) return;
  activate();
  check_cuda(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice, 0));
}

}  // namespace cuda

// ---- hooks declared in backend.h ----------------------------------------------------------------

bool cuda_compiled_in() { return true; }

int cuda_device_count() {
  try {
    return cuda::discovery().count;
  } catch (...) {
    return 0;
  }
}

std::string cuda_unavailable_reason() {
  try {
    return cuda::discovery().reason;
  } catch (...) {
    return "CUDA is unavailable";
  }
}

std::string cuda_runtime_summary() {
  int runtime = 0, driver = 0;
  cudaRuntimeGetVersion(&runtime);
  cudaDriverGetVersion(&driver);  // 0 when no driver is installed
  cudaGetLastError();
  return "runtime " + cuda::version_str(runtime) + ", driver " + (driver ? cuda::version_str(driver) : "none") +
         ", built for " + GRADLAB_CUDA_ARCHS;
}

std::vector<std::string> cuda_device_summaries() {
  std::vector<std::string> lines;
  for (int i = 0; i < cuda_device_count(); ++i) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, i) != cudaSuccess) {
      cudaGetLastError();
      lines.push_back("cuda:" + std::to_string(i) + ": properties unavailable");
      continue;
    }
    char memory[32];
    std::snprintf(memory, sizeof memory, "%.1f GiB", static_cast<double>(prop.totalGlobalMem) / (1u << 30));
    lines.push_back("cuda:" + std::to_string(i) + ": " + prop.name + ", sm_" + std::to_string(prop.major * 10 + prop.minor) +
                    ", " + std::to_string(prop.multiProcessorCount) + " SMs, " + memory);
  }
  return lines;
}

Backend* cuda_backend_or_null(int index) {
  const int count = cuda_device_count();
  if (index < 0 || index >= count) return nullptr;
  static std::mutex mutex;
  static std::vector<cuda::CudaBackend*> backends;  // leaked on purpose: see cuda_backend.cuh
  std::lock_guard<std::mutex> lock(mutex);
  if (backends.empty()) backends.resize(count, nullptr);
  if (backends[index] == nullptr) backends[index] = new cuda::CudaBackend(index);
  return backends[index];
}

}  // namespace gradlab
