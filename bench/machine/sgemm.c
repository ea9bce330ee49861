/* Machine limit for W3: OpenBLAS SGEMM rate on 512×512 float32 with 1 or 2 threads — the plain
 * C = A·B (the W3 target is 80% of this), and the exact three calls W3 makes (C = A·B, then
 * dA = G·Bᵀ and dB = Aᵀ·G), which tells an engine's overhead from OpenBLAS's own transposed rates.
 * Prints one JSON object with medians and 10th-percentile (quiet-machine) times.
 *   cc -O2 sgemm.c -o sgemm -lopenblas -lm && ./sgemm 1    (argument: thread count) */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void openblas_set_num_threads(int);

enum { N = 512, REPS = 60 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static void mm(const float* a, const float* b, float* c, int ta, int tb) {
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, N, N, N, 1.0f, a, N,
              b, N, 0.0f, c, N);
}

/* Sorted times of REPS runs after 5 warm-up runs (thread pool start, page faults). */
static void time_runs(double* times, const float* a, const float* b, const float* g, float* c, int w3_mix) {
  for (int r = -5; r < REPS; r++) {
    double t0 = now();
    mm(a, b, c, 0, 0);
    if (w3_mix) {
      mm(g, b, c, 0, 1); /* dA = G·Bᵀ */
      mm(a, g, c, 1, 0); /* dB = Aᵀ·G */
    }
    if (r >= 0) times[r] = now() - t0;
  }
  qsort(times, REPS, sizeof(double), cmp);
}

int main(int argc, char** argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  openblas_set_num_threads(threads);
  float* a = malloc(sizeof(float) * N * N);
  float* b = malloc(sizeof(float) * N * N);
  float* g = malloc(sizeof(float) * N * N);
  float* c = malloc(sizeof(float) * N * N);
  for (int i = 0; i < N * N; i++) {
    a[i] = sinf(i * 0.01f);
    b[i] = cosf(i * 0.02f);
    g[i] = 1.0f;
  }
  double nn[REPS], mix[REPS];
  time_runs(nn, a, b, g, c, 0);
  time_runs(mix, a, b, g, c, 1);
  double flops = 2.0 * N * N * N;
  printf("{\"what\": \"openblas_sgemm_512\", \"threads\": %d, \"median_ms\": %.4f, \"gflops\": %.2f, "
         "\"gflops_p10\": %.2f, \"w3_mix_gflops\": %.2f, \"w3_mix_gflops_p10\": %.2f}\n",
         threads, nn[REPS / 2] * 1e3, flops / nn[REPS / 2] * 1e-9, flops / nn[REPS / 10] * 1e-9,
         3 * flops / mix[REPS / 2] * 1e-9, 3 * flops / mix[REPS / 10] * 1e-9);
  free(a);
  free(b);
  free(g);
  free(c);
  return 0;
}
