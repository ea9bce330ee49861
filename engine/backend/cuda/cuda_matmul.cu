// Matrix multiply on the GPU: C[M×N] = op(A)·op(B) for row-major buffers.
//
// float32/float64 go to cuBLAS (SGEMM/DGEMM), which is column-major. A row-major M×N buffer
// read column-major is the N×M matrix Cᵀ, and Cᵀ = op(B)ᵀ·op(A)ᵀ, so we ask cuBLAS for that
// product with the operands swapped: no data is copied or transposed, the transposes of the
// autograd backward (dA = dC·Bᵀ, dB = Aᵀ·dC) are just cuBLAS op flags.
//
// int64 (no BLAS has it) uses a small shared-memory tiled kernel.
//
// Note [cuBLAS loaded on first use]
// Linking libcublas makes every process map cuBLAS + cuBLASLt (~600 MB of code) at start-up:
// measured here, +70 ms and +218 MB RSS for an empty program, paid by every `gradlab` run and
// every golden test, GPU or not. So the backend dlopen()s cuBLAS at the first float matmul
// and calls it through the few function pointers below; only the header is used at build time.
// cuBLAS talks to the driver itself (it has no cudart dependency) and shares the primary
// context, so it cooperates with our statically linked runtime.
#include <dlfcn.h>

#include <climits>
#include <mutex>

#include "engine/backend/cuda/cuda_backend.cuh"

#ifndef GRADLAB_CUBLAS_SONAME
#define GRADLAB_CUBLAS_SONAME "libcublas.so"
#endif
#ifndef GRADLAB_CUBLAS_PATH
#define GRADLAB_CUBLAS_PATH GRADLAB_CUBLAS_SONAME
#endif

namespace gradlab::cuda {

namespace {

constexpr int kTile = 16;

// One 16×16 tile of C per block; A and B tiles are staged through shared memory. Element
// access honours the transpose flags, so transposed operands need no copy here either.
template <class T>
__global__ void gemm_tiled_kernel(const T* a, const T* b, T* c, int64_t m, int64_t n, int64_t k, bool trans_a,
                                  bool trans_b, bool accumulate) {
  __shared__ T a_tile[kTile][kTile + 1];  // +1: no bank conflicts on the column reads
  __shared__ T b_tile[kTile][kTile + 1];
  const int tx = threadIdx.x, ty = threadIdx.y;
  const int64_t col = int64_t{blockIdx.x} * kTile + tx;
  for (int64_t row0 = int64_t{blockIdx.y} * kTile; row0 < m; row0 += int64_t{gridDim.y} * kTile) {
    const int64_t row = row0 + ty;
    T acc = 0;
    for (int64_t p0 = 0; p0 < k; p0 += kTile) {
      const int64_t pa = p0 + tx, pb = p0 + ty;
      a_tile[ty][tx] = row < m && pa < k ? (trans_a ? a[pa * m + row] : a[row * k + pa]) : T(0);
      b_tile[ty][tx] = pb < k && col < n ? (trans_b ? b[col * k + pb] : b[pb * n + col]) : T(0);
      __syncthreads();
#pragma unroll
      for (int q = 0; q < kTile; ++q) acc += a_tile[ty][q] * b_tile[q][tx];
      __syncthreads();
    }
    if (row < m && col < n) c[row * n + col] = accumulate ? acc + c[row * n + col] : acc;
  }
}

// The cuBLAS entry points we use, resolved from the shared library (Note [cuBLAS loaded on
// first use]). Names are the exported _v2 symbols that cublas_v2.h maps the plain names to.
struct CublasApi {
  decltype(&cublasCreate_v2) create = nullptr;
  decltype(&cublasSetStream_v2) set_stream = nullptr;
  decltype(&cublasSetMathMode) set_math_mode = nullptr;
  decltype(&cublasSgemm_v2) sgemm = nullptr;
  decltype(&cublasDgemm_v2) dgemm = nullptr;
  decltype(&cublasSgemm_v2_64) sgemm_64 = nullptr;
  decltype(&cublasDgemm_v2_64) dgemm_64 = nullptr;
  decltype(&cublasGetStatusName) status_name = nullptr;
  std::string error;  // why loading failed; empty on success
};

template <class Fn>
bool resolve(void* lib, const char* name, Fn& fn, std::string& error) {
  fn = reinterpret_cast<Fn>(dlsym(lib, name));
  if (fn == nullptr && error.empty()) error = std::string("symbol ") + name + " not found in cuBLAS";
  return fn != nullptr;
}

CublasApi load_cublas() {
  CublasApi api;
  // The toolkit's soname first (LD_LIBRARY_PATH, the system's copy), then the build's copy.
  void* lib = dlopen(GRADLAB_CUBLAS_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) lib = dlopen(GRADLAB_CUBLAS_PATH, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    const char* why = dlerror();
    api.error = std::string("could not load cuBLAS (" GRADLAB_CUBLAS_SONAME "): ") + (why ? why : "unknown error");
    return api;
  }
  resolve(lib, "cublasCreate_v2", api.create, api.error);
  resolve(lib, "cublasSetStream_v2", api.set_stream, api.error);
  resolve(lib, "cublasSetMathMode", api.set_math_mode, api.error);
  resolve(lib, "cublasSgemm_v2", api.sgemm, api.error);
  resolve(lib, "cublasDgemm_v2", api.dgemm, api.error);
  resolve(lib, "cublasSgemm_v2_64", api.sgemm_64, api.error);
  resolve(lib, "cublasDgemm_v2_64", api.dgemm_64, api.error);
  resolve(lib, "cublasGetStatusName", api.status_name, api.error);
  return api;  // the library stays loaded for the life of the process
}

const CublasApi& cublas_api() {
  static const CublasApi api = load_cublas();  // once per process, thread-safe
  if (!api.error.empty()) runtime_error("CUDA error: " + api.error);
  return api;
}

void check_cublas(cublasStatus_t status, const char* call) {
  if (status != CUBLAS_STATUS_SUCCESS)
    runtime_error(std::string("CUDA error: ") + cublas_api().status_name(status) + " when calling `" + call + "`");
}

}  // namespace

cublasHandle_t CudaBackend::cublas() {
  std::lock_guard<std::mutex> lock(cublas_mutex_);
  if (cublas_ == nullptr) {
    const CublasApi& api = cublas_api();
    cublasHandle_t handle = nullptr;
    check_cublas(api.create(&handle), "cublasCreate(handle)");
    check_cublas(api.set_stream(handle, 0), "cublasSetStream(handle, 0)");
    // Plain FP32/FP64 arithmetic: no TF32 tensor-core shortcut, so results match the CPU.
    check_cublas(api.set_math_mode(handle, CUBLAS_DEFAULT_MATH), "cublasSetMathMode(handle, CUBLAS_DEFAULT_MATH)");
    cublas_ = handle;  // never destroyed: the backend lives until exit (see cuda_backend.cuh)
  }
  return cublas_;
}

void CudaBackend::matmul(DType t, const void* a, const void* b, void* c, int64_t m, int64_t n, int64_t k,
                         bool trans_a, bool trans_b, bool accumulate) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {  // an empty sum: C = 0, or C unchanged when accumulating (beta = 1)
    if (!accumulate) fill(t, c, m * n, 0.0);
    return;
  }
  activate();
  if (t == DType::Int64) {
    if ((n + kTile - 1) / kTile > INT_MAX) runtime_error("matmul: N is too large for the int64 CUDA kernel");
    const dim3 block(kTile, kTile);
    const dim3 grid(static_cast<unsigned>((n + kTile - 1) / kTile),
                    static_cast<unsigned>(std::min<int64_t>((m + kTile - 1) / kTile, 65535)));
    gemm_tiled_kernel<int64_t><<<grid, block>>>(static_cast<const int64_t*>(a), static_cast<const int64_t*>(b),
                                                static_cast<int64_t*>(c), m, n, k, trans_a, trans_b, accumulate);
    check_launch();
    return;
  }
  // Column-major view (see top): C'(n×m) = op'(B')(n×k) · op'(A')(k×m) with
  //   B' = b read column-major: (trans_b ? k×n : n×k), leading dim trans_b ? k : n
  //   A' = a read column-major: (trans_a ? m×k : k×m), leading dim trans_a ? m : k
  const cublasOperation_t op_b = trans_b ? CUBLAS_OP_T : CUBLAS_OP_N;
  const cublasOperation_t op_a = trans_a ? CUBLAS_OP_T : CUBLAS_OP_N;
  const int64_t ld_b = trans_b ? k : n, ld_a = trans_a ? m : k, ld_c = n;
  const bool fits_int = m <= INT_MAX && n <= INT_MAX && k <= INT_MAX;
  cublasHandle_t handle = cublas();
  const CublasApi& api = cublas_api();
  if (t == DType::Float32) {
    const float one = 1.0f, beta = accumulate ? 1.0f : 0.0f;
    const auto* bp = static_cast<const float*>(b);
    const auto* ap = static_cast<const float*>(a);
    auto* cp = static_cast<float*>(c);
    if (fits_int) {
      check_cublas(api.sgemm(handle, op_b, op_a, static_cast<int>(n), static_cast<int>(m), static_cast<int>(k), &one,
                               bp, static_cast<int>(ld_b), ap, static_cast<int>(ld_a), &beta, cp, static_cast<int>(ld_c)),
                   "cublasSgemm(handle, opb, opa, n, m, k, &alpha, b, ldb, a, lda, &beta, c, ldc)");
    } else {
      check_cublas(api.sgemm_64(handle, op_b, op_a, n, m, k, &one, bp, ld_b, ap, ld_a, &beta, cp, ld_c),
                   "cublasSgemm_64(handle, opb, opa, n, m, k, &alpha, b, ldb, a, lda, &beta, c, ldc)");
    }
  } else {
    const double one = 1.0, beta = accumulate ? 1.0 : 0.0;
    const auto* bp = static_cast<const double*>(b);
    const auto* ap = static_cast<const double*>(a);
    auto* cp = static_cast<double*>(c);
    if (fits_int) {
      check_cublas(api.dgemm(handle, op_b, op_a, static_cast<int>(n), static_cast<int>(m), static_cast<int>(k), &one,
                               bp, static_cast<int>(ld_b), ap, static_cast<int>(ld_a), &beta, cp, static_cast<int>(ld_c)),
                   "cublasDgemm(handle, opb, opa, n, m, k, &alpha, b, ldb, a, lda, &beta, c, ldc)");
    } else {
      check_cublas(api.dgemm_64(handle, op_b, op_a, n, m, k, &one, bp, ld_b, ap, ld_a, &beta, cp, ld_c),
                   "cublasDgemm_64(handle, opb, opa, n, m, k, &alpha, b, ldb, a, lda, &beta, c, ldc)");
    }
  }
}

}  // namespace gradlab::cuda
