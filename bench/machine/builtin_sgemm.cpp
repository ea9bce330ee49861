// The built-in float32 kernel against OpenBLAS, same process, one thread: W3's three products
// (C = A·B, dA = G·Bᵀ, dB = Aᵀ·G, 512²) timed in thread CPU time, so a busy shared machine still
// gives the ratio (Note [Matmul rounding]; the kernel target is 60 % of OpenBLAS's rate).
//   g++ -std=c++20 -O3 -ffp-contract=off -I. bench/machine/builtin_sgemm.cpp \
//       engine/backend/cpu/gemm.cpp -o builtin_sgemm -lopenblas && ./builtin_sgemm
#include <time.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>
#include "engine/backend/cpu/gemm.h"
extern "C" void cblas_sgemm(int,int,int,int,int,int,float,const float*,int,const float*,int,float,float*,int);
extern "C" void openblas_set_num_threads(int);
extern "C" char* openblas_get_corename(void);
static double cpu_now() { timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
int main() {
  openblas_set_num_threads(1);
  const int N = 512; std::vector<float> a(N*N), b(N*N), g(N*N, 1.f), c(N*N);
  for (int i = 0; i < N*N; i++) { a[i] = sinf(i*0.01f); b[i] = cosf(i*0.02f); }
  auto ours = [&](bool ta, bool tb, const float* x, const float* y) { gradlab::cpu::gemm<float>(x, y, c.data(), N, N, N, ta, tb); };
  auto blas = [&](bool ta, bool tb, const float* x, const float* y) { cblas_sgemm(101, ta?112:111, tb?112:111, N, N, N, 1.f, x, N, y, N, 0.f, c.data(), N); };
  std::vector<double> t[2][2];  // [impl][plain, mix]
  for (int r = 0; r < 60; ++r)
    for (int impl = 0; impl < 2; ++impl) {
      auto mm = [&](bool ta, bool tb, const float* x, const float* y) { impl ? blas(ta, tb, x, y) : ours(ta, tb, x, y); };
      double t0 = cpu_now(); mm(false, false, a.data(), b.data()); double t1 = cpu_now();
      mm(false, false, a.data(), b.data()); mm(false, true, g.data(), b.data()); mm(true, false, a.data(), g.data()); double t2 = cpu_now();
      if (r >= 5) { t[impl][0].push_back(t1 - t0); t[impl][1].push_back(t2 - t1); }
    }
  const char* names[2] = {"gradlab built-in", "OpenBLAS"};
  for (int impl = 0; impl < 2; ++impl) {
    for (auto& v : t[impl]) std::sort(v.begin(), v.end());
    printf("%-17s %s: A·B %.1f GFLOP/s, W3 mix %.1f GFLOP/s (medians of 55, thread CPU time)\n", names[impl], impl ? openblas_get_corename() : "", 2.0*N*N*N/t[impl][0][27]/1e9, 6.0*N*N*N/t[impl][1][27]/1e9);
  }
}
