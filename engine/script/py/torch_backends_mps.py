# torch.backends.mps: Apple's Metal backend, which gradlab (like PyTorch on Linux) does not have.


def is_available():
    return False


def is_built():
    return False
