// GRADLAB_WIDE_VECTORS: compile a hot loop twice more, for AVX2 and AVX-512, and let the loader
// pick the widest the CPU has (GCC's target_clones), with `flatten` inlining its callees into
// each clone so they vectorise at that width. The baseline x86-64 build has no fma instruction,
// so std::fma is a libm call per element there; the clones inline it. The bits cannot change:
// every lane does the same IEEE operations as the scalar code, and -ffp-contract=off still
// forbids fusing a*b+c on the compiler's own initiative. Elsewhere (wasm, clang, other
// architectures) it expands to nothing. See Note [Wide vectors for fused programs].
#pragma once

#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__clang__)
#define GRADLAB_WIDE_VECTORS __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), flatten))
#else
#define GRADLAB_WIDE_VECTORS
#endif
