/* Machine limit for W4: memory copy bandwidth with 1 or 2 threads, counted STREAM-style as bytes
 * read + bytes written. Two working sets: 2 × 256 MiB (beyond any cache: DRAM, the W4 target's
 * basis) and 2 × 4 MiB (W4's own size, which caches may hold). Prints one JSON object.
 *   cc -O2 -pthread membw.c -o membw && ./membw 2    (argument: thread count) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

struct job { char* dst; const char* src; size_t bytes; int reps; };

static void* copy_job(void* p) {
  struct job* j = p;
  for (int r = 0; r < j->reps; r++) memcpy(j->dst, j->src, j->bytes);
  return NULL;
}

/* GB/s of `rounds` timed rounds of `reps` copies of `bytes`, split across `threads`: the median
 * round, and in *best the 90th percentile (a quiet-machine figure, as the bench's p10 times). */
static double copy_gbs(size_t bytes, int threads, int reps, int rounds, double* best90) {
  char* src = malloc(bytes);
  char* dst = malloc(bytes);
  memset(src, 1, bytes);
  memset(dst, 2, bytes);  /* touch every page first: page faults are not bandwidth */
  double best[32]; /* GB/s per round, sorted below */
  for (int round = -1; round < rounds; round++) {
    pthread_t tid[8];
    struct job jobs[8];
    size_t chunk = bytes / threads;
    double t0 = now();
    for (int t = 0; t < threads; t++) {
      jobs[t] = (struct job){dst + t * chunk, src + t * chunk, chunk, reps};
      pthread_create(&tid[t], NULL, copy_job, &jobs[t]);
    }
    for (int t = 0; t < threads; t++) pthread_join(tid[t], NULL);
    if (round >= 0) best[round] = 2.0 * bytes * reps / (now() - t0) * 1e-9;
  }
  /* median of the rounds (insertion sort: tiny array) */
  for (int i = 1; i < rounds; i++)
    for (int k = i; k > 0 && best[k] < best[k - 1]; k--) {
      double x = best[k]; best[k] = best[k - 1]; best[k - 1] = x;
    }
  free(src);
  free(dst);
  *best90 = best[rounds - 1 - rounds / 10];
  return best[rounds / 2];
}

int main(int argc, char** argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (threads < 1 || threads > 8) threads = 1;
  double dram_best, cache_best;
  double dram = copy_gbs((size_t)256 << 20, threads, 2, 11, &dram_best);
  double cache = copy_gbs((size_t)4 << 20, threads, 100, 11, &cache_best);
  printf("{\"what\": \"memcpy_bandwidth\", \"threads\": %d, \"dram_copy_gbs\": %.2f, \"dram_copy_gbs_p90\": %.2f, "
         "\"copy_4mib_gbs\": %.2f, \"copy_4mib_gbs_p90\": %.2f}\n", threads, dram, dram_best, cache, cache_best);
  return 0;
}
