# torch.optim: Optimizer and SGD, Adam, AdamW, RMSprop, Adagrad, as PyTorch 1.13.1 writes them
# (torch/optim/*.py): the same param_groups, state, reprs and messages, and the single-tensor
# update of each (1.13's default on the CPU: foreach=None means a loop over the parameters), so
# every step rounds like PyTorch's. Run on the first use of a torch.optim name (Note [Modules in
# Python] in python_modules.cpp).
import math
import torch
from collections import defaultdict


class _RequiredParameter:
    __module__ = 'torch.optim.optimizer'

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _typename(o):
    if isinstance(o, torch.Tensor):
        return o.type()
    module = type(o).__module__
    if module in ('builtins', '__builtin__', None):
        return type(o).__qualname__
    return module + '.' + type(o).__qualname__


class Optimizer:
    __module__ = 'torch.optim.optimizer'

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, torch.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, but got " +
                            _typename(params))
        self.state = defaultdict(dict)
        self.param_groups = []
        self._step_count = 0
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{'params': param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def __repr__(self):
        format_string = self.__class__.__name__ + ' ('
        for i, group in enumerate(self.param_groups):
            format_string += '\n'
            format_string += 'Parameter Group {0}\n'.format(i)
            for key in sorted(group.keys()):
                if key != 'params':
                    format_string += '    {0}: {1}\n'.format(key, group[key])
        format_string += ')'
        return format_string

    def add_param_group(self, param_group):
        assert isinstance(param_group, dict), "param group must be a dict"
        params = param_group['params']
        if isinstance(params, torch.Tensor):
            param_group['params'] = [params]
        else:
            param_group['params'] = list(params)
        for param in param_group['params']:
            if not isinstance(param, torch.Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + _typename(param))
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError("parameter group didn't specify a value of required optimization parameter " + name)
            else:
                param_group.setdefault(name, default)
        seen = {}
        for p in param_group['params']:
            seen[p] = True
        if len(seen) != len(param_group['params']):
            import warnings
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; "
                          "see github.com/pytorch/pytorch/issues/40967 for more information", stacklevel=3)
        for group in self.param_groups:
            for p in group['params']:
                if p in seen:
                    raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=False):
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        if p.grad.grad_fn is not None:
                            p.grad = p.grad.detach()
                        else:
                            p.grad.requires_grad_(False)
                        p.grad.zero_()

    def state_dict(self):
        param_mappings = {}
        start_index = 0
        param_groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != 'params'}
            for i, p in enumerate(group['params'], start_index):
                if p not in param_mappings:
                    param_mappings[p] = i
            packed['params'] = [param_mappings[p] for p in group['params']]
            start_index += len(packed['params'])
            param_groups.append(packed)
        packed_state = {(param_mappings[k] if isinstance(k, torch.Tensor) else k): v for k, v in self.state.items()}
        return {'state': packed_state, 'param_groups': param_groups}

    def load_state_dict(self, state_dict):
        groups = self.param_groups
        saved_groups = state_dict['param_groups']
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        param_lens = [len(g['params']) for g in groups]
        saved_lens = [len(g['params']) for g in saved_groups]
        if any(p_len != s_len for p_len, s_len in zip(param_lens, saved_lens)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group")
        id_map = {}
        for g, sg in zip(groups, saved_groups):
            for old_id, p in zip(sg['params'], g['params']):
                id_map[old_id] = p
        state = defaultdict(dict)
        for k, v in state_dict['state'].items():
            if k in id_map:
                param = id_map[k]
                state[param] = {key: (value.to(dtype=param.dtype) if isinstance(value, torch.Tensor) and key != 'step'
                                      and param.is_floating_point() else
                                      (value.clone() if isinstance(value, torch.Tensor) else value))
                                for key, value in v.items()}
            else:
                state[k] = v
        new_groups = []
        for group, new_group in zip(groups, saved_groups):
            g = dict(new_group)
            g['params'] = group['params']
            new_groups.append(g)
        self.state = state
        self.param_groups = new_groups

    def step(self, closure=None):
        raise NotImplementedError

    def _begin_step(self, closure):
        # Counts steps (lr_scheduler warns when it is stepped first) and runs the closure.
        self._step_count += 1
        if closure is None:
            return None
        with torch.enable_grad():
            return closure()


def _check_lr(lr):
    if lr is not required and lr < 0.0:
        raise ValueError("Invalid learning rate: {}".format(lr))


def _check_not_negative(*checks):
    # (label, value) pairs, each raising PyTorch's "Invalid <label>: <value>" when negative.
    for label, value in checks:
        if not 0.0 <= value:
            raise ValueError("Invalid {}: {}".format(label, value))


class SGD(Optimizer):
    __module__ = 'torch.optim.sgd'

    def __init__(self, params, lr=required, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False,
                 foreach=None, differentiable=False):
        _check_lr(lr)
        _check_not_negative(('momentum value', momentum), ('weight_decay value', weight_decay))
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov,
                        maximize=maximize, foreach=foreach, differentiable=differentiable)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._begin_step(closure)
        with torch.no_grad():
            for group in self.param_groups:
                weight_decay = group['weight_decay']
                momentum = group['momentum']
                dampening = group['dampening']
                nesterov = group['nesterov']
                maximize = group['maximize']
                lr = group['lr']
                for p in group['params']:
                    if p.grad is None:
                        continue
                    d_p = p.grad if not maximize else -p.grad
                    if weight_decay != 0:
                        d_p = d_p.add(p, alpha=weight_decay)
                    state = self.state[p]
                    buf = state.get('momentum_buffer')  # PyTorch keeps None here without momentum
                    if momentum != 0:
                        if buf is None:
                            buf = torch.clone(d_p).detach()
                        else:
                            buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
                        d_p = d_p.add(buf, alpha=momentum) if nesterov else buf
                    state['momentum_buffer'] = buf
                    p.add_(d_p, alpha=-lr)
        return loss


def _check_adam_args(lr, eps, betas, weight_decay):
    _check_not_negative(('learning rate', lr), ('epsilon value', eps))
    for i in range(2):
        if not 0.0 <= betas[i] < 1.0:
            raise ValueError("Invalid beta parameter at index {}: {}".format(i, betas[i]))
    _check_not_negative(('weight_decay value', weight_decay))


def _adam_step(self, decoupled):
    # Adam and AdamW (decoupled weight decay), 1.13's _single_tensor_adam / _single_tensor_adamw.
    with torch.no_grad():
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr = group['lr']
            weight_decay = group['weight_decay']
            eps = group['eps']
            amsgrad = group['amsgrad']
            maximize = group['maximize']
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = torch.tensor(0.)
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                    if amsgrad:
                        state['max_exp_avg_sq'] = torch.zeros_like(p)
                grad = p.grad if not maximize else -p.grad
                exp_avg = state['exp_avg']
                exp_avg_sq = state['exp_avg_sq']
                step_t = state['step']
                step_t += 1
                if decoupled:
                    p.mul_(1 - lr * weight_decay)
                elif weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                step = step_t.item()
                bias_correction1 = 1 - beta1 ** step
                bias_correction2 = 1 - beta2 ** step
                step_size = lr / bias_correction1
                bias_correction2_sqrt = math.sqrt(bias_correction2)
                if amsgrad:
                    max_exp_avg_sq = state['max_exp_avg_sq']
                    max_exp_avg_sq.copy_(torch.maximum(max_exp_avg_sq, exp_avg_sq))
                    denom = (max_exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
                else:
                    denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
                p.addcdiv_(exp_avg, denom, value=-step_size)


class Adam(Optimizer):
    __module__ = 'torch.optim.adam'

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *, foreach=None,
                 maximize=False, capturable=False, differentiable=False, fused=False):
        _check_adam_args(lr, eps, betas, weight_decay)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize,
                        foreach=foreach, capturable=capturable, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)
        if fused:
            raise RuntimeError("`fused` flag is only supported for CUDA devices")

    def step(self, closure=None):
        loss = self._begin_step(closure)
        _adam_step(self, False)
        return loss


class AdamW(Optimizer):
    __module__ = 'torch.optim.adamw'

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *, maximize=False,
                 foreach=None, capturable=False):
        _check_adam_args(lr, eps, betas, weight_decay)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, foreach=foreach,
                        maximize=maximize, capturable=capturable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._begin_step(closure)
        _adam_step(self, True)
        return loss


class RMSprop(Optimizer):
    __module__ = 'torch.optim.rmsprop'

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False, foreach=None,
                 maximize=False, differentiable=False):
        _check_not_negative(('learning rate', lr), ('epsilon value', eps), ('momentum value', momentum),
                            ('weight_decay value', weight_decay), ('alpha value', alpha))
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered, weight_decay=weight_decay,
                        foreach=foreach, maximize=maximize, differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._begin_step(closure)
        with torch.no_grad():
            for group in self.param_groups:
                lr = group['lr']
                alpha = group['alpha']
                eps = group['eps']
                weight_decay = group['weight_decay']
                momentum = group['momentum']
                centered = group['centered']
                maximize = group['maximize']
                for p in group['params']:
                    if p.grad is None:
                        continue
                    state = self.state[p]
                    if len(state) == 0:
                        state['step'] = torch.tensor(0.)
                        state['square_avg'] = torch.zeros_like(p)
                        if momentum > 0:
                            state['momentum_buffer'] = torch.zeros_like(p)
                        if centered:
                            state['grad_avg'] = torch.zeros_like(p)
                    grad = p.grad if not maximize else -p.grad
                    square_avg = state['square_avg']
                    state['step'] += 1
                    if weight_decay != 0:
                        grad = grad.add(p, alpha=weight_decay)
                    square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                    if centered:
                        grad_avg = state['grad_avg']
                        grad_avg.mul_(alpha).add_(grad, alpha=1 - alpha)
                        avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt()
                    else:
                        avg = square_avg.sqrt()
                    avg = avg.add_(eps)
                    if momentum > 0:
                        buf = state['momentum_buffer']
                        buf.mul_(momentum).addcdiv_(grad, avg)
                        p.add_(buf, alpha=-lr)
                    else:
                        p.addcdiv_(grad, avg, value=-lr)
        return loss


class Adagrad(Optimizer):
    __module__ = 'torch.optim.adagrad'

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10, foreach=None, *,
                 maximize=False):
        _check_not_negative(('learning rate', lr), ('lr_decay value', lr_decay), ('weight_decay value', weight_decay),
                            ('initial_accumulator_value value', initial_accumulator_value), ('epsilon value', eps))
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach, maximize=maximize)
        super().__init__(params, defaults)
        for group in self.param_groups:
            for p in group['params']:
                state = self.state[p]
                state['step'] = torch.tensor(0.0)
                state['sum'] = torch.full_like(p, group['initial_accumulator_value'])

    def step(self, closure=None):
        loss = self._begin_step(closure)
        with torch.no_grad():
            for group in self.param_groups:
                for p in group['params']:
                    if p.grad is None:
                        continue
                    state = self.state[p]
                    step_t = state['step']
                    step_t += 1
                    step = step_t.item()
                    grad = p.grad if not group['maximize'] else -p.grad
                    if group['weight_decay'] != 0:
                        grad = grad.add(p, alpha=group['weight_decay'])
                    clr = group['lr'] / (1 + (step - 1) * group['lr_decay'])
                    state['sum'].addcmul_(grad, grad, value=1)
                    std = state['sum'].sqrt().add_(group['eps'])
                    p.addcdiv_(grad, std, value=-clr)
        return loss
