// Fused evaluation of an element-wise program on the CPU (elementwise_program.h): the program
// runs over chunks small enough to stay in L1/L2, so intermediate values never reach memory;
// only the Load inputs are read and only the result is written (or summed).
#pragma once
#include "engine/backend/elementwise_program.h"

namespace gradlab::cpu {

// Writes the program's values to `out` (numel elements of the program's dtype).
void eval_program(const ElementwiseProgram& p, void* out);
// Writes the sum of the program's values to `out` (one element), with the bits of reducing the
// materialised values (Note [Float sum order]).
void sum_program(const ElementwiseProgram& p, void* out);

// Large unary and binary primitives of the CPU backend, run as one-step programs so that they get
// eval_program's wide-vector builds (Note [Wide vectors for fused programs]); floating dtypes.
inline constexpr int64_t kWideMinNumel = 1024;
void unary_wide(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b);
void binary_wide(BinaryOp op, DType t, const void* x, const void* y, void* out, int64_t n, double a);

}  // namespace gradlab::cpu
