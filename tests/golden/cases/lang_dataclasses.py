from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError
from typing import List, ClassVar

@dataclass
class Point:
    x: float
    y: float = 0.0

p = Point(1.5)
print(p, p == Point(1.5, 0.0), p != Point(2.0))
print(Point.__annotations__)
print(Point.__doc__)

@dataclass
class Config:
    lr: float = 1e-3
    epochs: int = 10
    layers: List[int] = field(default_factory=lambda: [16, 8])
    name: str = field(default="run", repr=False)
    count: ClassVar[int] = 0

c = Config(epochs=3)
print(c)
print(asdict(c))
print(astuple(c))
print([f.name for f in fields(c)])
print(replace(c, lr=0.1))
print(Config.count)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0)])
print(vs)
print(hash(Version(1, 2)) == hash(Version(1, 2)))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

@dataclass
class Point3(Point):
    z: float = 1.0
    def norm2(self):
        return self.x ** 2 + self.y ** 2 + self.z ** 2
q = Point3(1.0, 2.0, 3.0)
print(q, q.norm2())

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(4))

for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: Version()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Point(1.0))
except TypeError as e:
    print("TypeError:", e)
