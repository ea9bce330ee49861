# The timing protocol every Python peer shares with gradlab's own bench (native/bench.cpp) and
# tfjs_bench.mjs: warm up (at least 2 runs, up to 0.2 s), then time single runs until `seconds`
# have passed (at least 5, at most 20000).
import statistics
import time


def measure(run_once, seconds, sync=lambda: None):
    """Median, p10 and p90 in ms of run_once(); `sync` ends each run (torch.cuda.synchronize on a GPU)."""
    warm_end = time.perf_counter() + min(0.2, seconds / 4)
    warm = 0
    while warm < 2 or time.perf_counter() < warm_end:
        run_once()
        sync()
        warm += 1
    times = []
    end = time.perf_counter() + seconds
    while len(times) < 5 or (time.perf_counter() < end and len(times) < 20000):
        t0 = time.perf_counter()
        run_once()
        sync()
        times.append(time.perf_counter() - t0)
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1e3
    return {"median_ms": statistics.median(times) * 1e3, "p10_ms": q(0.1), "p90_ms": q(0.9),
            "reps": len(times)}
