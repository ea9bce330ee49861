class Model:
    """A model with annotated attributes."""
    hidden: int = 16
    name: str
    rate: float = 0.5
    def forward(self, x: int) -> int:
        y: int = x * 2
        return y

print(Model.__annotations__)
print(Model.hidden, Model.rate, hasattr(Model, "name"))
print(Model().forward(3))
print("__annotations__" in Model.__dict__)

class Plain:
    size = 3
print(hasattr(Plain, "__annotations__"))

class Child(Model):
    depth: int = 2
print(Child.__annotations__)

class Grandchild(Child):
    pass
print(Grandchild.__annotations__, Child.__annotations__)
