# Optional CUDA backend (engine/backend/cuda). GRADLAB_CUDA=AUTO turns it on when nvcc is found.
# Filled in by the CUDA backend work; until then this only defines the hook.
function(gradlab_add_cuda_backend target)
  target_compile_definitions(${target} PUBLIC GRADLAB_HAS_CUDA=0)
endfunction()
