# Optional CUDA backend (engine/backend/cuda).
#
#   GRADLAB_CUDA=AUTO  build it when a CUDA compiler is found (default)
#   GRADLAB_CUDA=ON    build it, and fail the configure when no CUDA compiler is found
#   GRADLAB_CUDA=OFF   never build it (the WebAssembly build is always OFF)
#
# The backend is its own static library, `gradlab_cuda`, linked PUBLIC into the engine: nvcc
# then gets its own flags (GCC warning flags go through -Xcompiler), and the engine's C++
# sources are never compiled by nvcc. The engine sees GRADLAB_HAS_CUDA=1 or 0;
# engine/backend/no_cuda.cpp supplies the "not compiled in" hooks for 0.
#
# Linked: the static CUDA runtime (CMake's default for CUDA code); cuBLAS is loaded at run time.
# A build machine needs nvcc, not a GPU: the kernels are compiled for a fixed architecture list
# (nvcc 13 cannot detect `native` without a GPU), and tests that need a GPU skip at run time.
#
# This file runs at the top level (enable_language must not be called inside a function).

set(GRADLAB_CUDA_ENABLED OFF)
set(GRADLAB_CUDA_DEFAULT_ARCHS "75-real;80-real;86-real;89-real;90")
string(TOUPPER "${GRADLAB_CUDA}" _gradlab_cuda_mode)
if(NOT _gradlab_cuda_mode MATCHES "^(AUTO|ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "GRADLAB_CUDA must be AUTO, ON or OFF (got '${GRADLAB_CUDA}')")
endif()

if(EMSCRIPTEN OR _gradlab_cuda_mode MATCHES "^(OFF|FALSE|NO|0)$")
  message(STATUS "gradlab: CUDA backend off")
else()
  include(CheckLanguage)
  # nvcc is often installed but not on PATH (check_language only searches PATH): look in the
  # system paths and the toolkit's standard place too, unless the user chose a compiler.
  if(NOT CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX})
    find_program(GRADLAB_NVCC nvcc PATHS /usr/local/cuda/bin DOC "nvcc found for GRADLAB_CUDA")
    if(GRADLAB_NVCC)
      set(CMAKE_CUDA_COMPILER ${GRADLAB_NVCC} CACHE FILEPATH "CUDA compiler" FORCE)
    endif()
  endif()
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    # Archs: Turing, Ampere (A100 / RTX 30), Ada (RTX 40), Hopper as real SASS, plus Hopper PTX
    # ("90" = 90-real + 90-virtual) that the driver JIT-compiles for newer GPUs (Blackwell).
    # Set before enable_language, which would otherwise pick nvcc's default (not all of these).
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES AND NOT DEFINED ENV{CUDAARCHS})
      set(CMAKE_CUDA_ARCHITECTURES ${GRADLAB_CUDA_DEFAULT_ARCHS} CACHE STRING
          "CUDA architectures for the gradlab CUDA backend")
    endif()
    enable_language(CUDA)
    find_package(CUDAToolkit REQUIRED)
    # CMake 3.25 does not know nvcc's C++20 flag (nvcc has had it since 12.0). Without this, the
    # engine's CXX_STANDARD 20, which CMake also applies to CUDA sources, fails to generate.
    if(NOT CMAKE_CUDA20_STANDARD_COMPILE_OPTION AND CMAKE_CUDA_COMPILER_ID STREQUAL "NVIDIA"
       AND CMAKE_CUDA_COMPILER_VERSION VERSION_GREATER_EQUAL 12.0)
      set(CMAKE_CUDA20_STANDARD_COMPILE_OPTION "-std=c++20")
      set(CMAKE_CUDA20_EXTENSION_COMPILE_OPTION "-std=c++20")
    endif()
    set(GRADLAB_CUDA_ENABLED ON)
    message(STATUS "gradlab: CUDA backend on (nvcc ${CMAKE_CUDA_COMPILER_VERSION}, archs ${CMAKE_CUDA_ARCHITECTURES})")
  elseif(_gradlab_cuda_mode MATCHES "^(ON|TRUE|YES|1)$")
    message(FATAL_ERROR "GRADLAB_CUDA=ON but no CUDA compiler was found. Install the CUDA toolkit, put nvcc "
                        "on PATH or pass -DCMAKE_CUDA_COMPILER=/path/to/nvcc, or configure with -DGRADLAB_CUDA=AUTO/OFF.")
  else()
    message(STATUS "gradlab: no CUDA compiler found; CUDA backend off (GRADLAB_CUDA=AUTO)")
  endif()
endif()

# Adds the CUDA backend to `target` (the engine library) when enabled, and tells the engine's
# sources whether it is there through GRADLAB_HAS_CUDA.
function(gradlab_add_cuda_backend target)
  if(NOT GRADLAB_CUDA_ENABLED)
    target_compile_definitions(${target} PUBLIC GRADLAB_HAS_CUDA=0)
    return()
  endif()
  file(GLOB _sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/engine/backend/cuda/*.cu)
  add_library(gradlab_cuda STATIC ${_sources})
  target_include_directories(gradlab_cuda PUBLIC ${CMAKE_SOURCE_DIR})
  # C++20 like the rest of the engine (nvcc 13 with g++ 12 accepts it); without nvcc 12+, 17.
  if(CMAKE_CUDA20_STANDARD_COMPILE_OPTION)
    set(_std 20)
  else()
    set(_std 17)
  endif()
  set_target_properties(gradlab_cuda PROPERTIES CUDA_STANDARD ${_std} CUDA_STANDARD_REQUIRED ON
    CUDA_EXTENSIONS OFF POSITION_INDEPENDENT_CODE ON)
  if(CMAKE_CUDA_ARCHITECTURES STREQUAL GRADLAB_CUDA_DEFAULT_ARCHS)
    set(_archs "sm_75, sm_80, sm_86, sm_89, sm_90 and compute_90 PTX")
  else()
    string(REPLACE ";" ", " _archs "${CMAKE_CUDA_ARCHITECTURES}")
  endif()
  # cuBLAS is dlopen()ed at the first float matmul instead of linked (Note [cuBLAS loaded on
  # first use] in cuda_matmul.cu): linking it costs every process ~70 ms and ~218 MB at start.
  set(_cublas_soname "libcublas.so.${CUDAToolkit_VERSION_MAJOR}")
  target_compile_definitions(gradlab_cuda PRIVATE GRADLAB_HAS_CUDA=1 GRADLAB_CUDA_ARCHS="${_archs}"
    GRADLAB_CUBLAS_SONAME="${_cublas_soname}" GRADLAB_CUBLAS_PATH="${CUDAToolkit_LIBRARY_DIR}/${_cublas_soname}")
  # --expt-relaxed-constexpr: libstdc++'s std::exp(integer) etc. are constexpr host functions;
  # this lets the shared scalar functors (scalar_math.h) call them from device code too.
  # --fmad=false: no silent a*b+c -> fma contraction, so the shared functors round exactly as
  # the CPU loops do (Note [Float32 rounding]; explicit scalar_fma still uses the instruction).
  # The element-wise kernels are memory-bound, so this costs nothing measurable.
  target_compile_options(gradlab_cuda PRIVATE
    $<$<COMPILE_LANGUAGE:CUDA>:--expt-relaxed-constexpr --fmad=false -Xcompiler=-Wall,-Wextra,-Wno-unused-parameter>)
  if(CMAKE_CUDA_ARCHITECTURES STREQUAL GRADLAB_CUDA_DEFAULT_ARCHS)
    # The same SASS set, built faster: sm_86 and sm_89 add nothing to the PTX this code needs, so
    # they are assembled from the compute_80 PTX — 3 front-end (cicc) passes instead of 5, which
    # is most of the build time on CI's 2 cores. A user-chosen list goes through CMake as given.
    set_target_properties(gradlab_cuda PROPERTIES CUDA_ARCHITECTURES OFF)
    target_compile_options(gradlab_cuda PRIVATE
      $<$<COMPILE_LANGUAGE:CUDA>:--generate-code=arch=compute_75,code=[sm_75]
      --generate-code=arch=compute_80,code=[sm_80,sm_86,sm_89]
      --generate-code=arch=compute_90,code=[compute_90,sm_90]>)
  endif()
  target_link_libraries(gradlab_cuda PUBLIC ${CMAKE_DL_LIBS})
  target_link_libraries(${target} PUBLIC gradlab_cuda)
  target_compile_definitions(${target} PUBLIC GRADLAB_HAS_CUDA=1)
endfunction()
