// How the CUDA backend lays out a keep-dims reduction (in plain C++, so the host test suite
// checks it in every build, GPU or not; cuda_reduce.cu launches kernels from the plan).
//
// The input shape is collapsed: size-1 dims dropped, neighbouring dims of the same kind (both
// kept or both reduced) merged. What remains is one of:
//   Copy        nothing is reduced (ArgMax: zeros)
//   Rows        [outer, len]: the reduced dims are innermost (len = their product)
//   Columns     [outer, len, inner]: one run of reduced dims with kept dims inside it
//   GatherRows  several separate runs of reduced dims: gather `gather` (a permuted view of the
//               input, kept dims first) into a contiguous [outer, len] buffer, then Rows
//   Empty       the input has no elements (the output is zeros)
#pragma once
#include <cstdint>
#include <vector>

#include "engine/shape.h"

namespace gradlab::cuda {

struct ReducePlan {
  enum Kind { Empty, Copy, Rows, Columns, GatherRows };
  Kind kind = Copy;
  int64_t outer = 1, len = 1, inner = 1;
  Shape gather_shape;                 // GatherRows: [kept runs..., reduced runs...]
  std::vector<int64_t> gather_strides;  // their strides in the (contiguous) input
};

// `out` has the rank of `in`, each dim equal to the input's or 1 (checked by the caller).
inline ReducePlan plan_reduce(const Shape& in, const Shape& out) {
  ReducePlan plan;
  if (shape_numel(in) == 0) {
    plan.kind = ReducePlan::Empty;
    return plan;
  }
  struct Run {
    int64_t size;
    bool reduced;
  };
  std::vector<Run> runs;
  for (size_t d = 0; d < in.size(); ++d) {
    if (in[d] == 1) continue;
    const bool reduced = out[d] == 1;
    if (!runs.empty() && runs.back().reduced == reduced) {
      runs.back().size *= in[d];
    } else {
      runs.push_back({in[d], reduced});
    }
  }
  int reduced_runs = 0;
  for (const Run& r : runs) reduced_runs += r.reduced;
  if (reduced_runs == 0) {
    plan.kind = ReducePlan::Copy;
    return plan;
  }
  if (reduced_runs == 1) {
    bool seen = false;
    for (const Run& r : runs) {
      if (r.reduced) {
        plan.len = r.size;
        seen = true;
      } else {
        (seen ? plan.inner : plan.outer) *= r.size;
      }
    }
    plan.kind = plan.inner == 1 ? ReducePlan::Rows : ReducePlan::Columns;
    return plan;
  }
  plan.kind = ReducePlan::GatherRows;
  std::vector<int64_t> strides(runs.size());
  int64_t acc = 1;
  for (size_t i = runs.size(); i-- > 0;) {
    strides[i] = acc;
    acc *= runs[i].size;
  }
  for (int pass = 0; pass < 2; ++pass) {  // kept runs first, then reduced runs
    for (size_t i = 0; i < runs.size(); ++i) {
      if (runs[i].reduced != (pass == 1)) continue;
      plan.gather_shape.push_back(runs[i].size);
      plan.gather_strides.push_back(strides[i]);
      (pass == 0 ? plan.outer : plan.len) *= runs[i].size;
    }
  }
  return plan;
}

}  // namespace gradlab::cuda
