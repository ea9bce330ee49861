# torch.backends.cudnn: gradlab's CUDA backend does not use cuDNN, so it is never available, as
# in a PyTorch built without it. The flags tutorials set for reproducibility (deterministic,
# benchmark) are kept and change nothing: gradlab's kernels are deterministic already.
enabled = True
benchmark = False
deterministic = False
allow_tf32 = True


def is_available():
    return False


def version():
    return None
