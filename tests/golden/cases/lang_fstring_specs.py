x = 3.14159265
n = 1234567
name = "grad"
print(f"{x:.4f}|{x:.2e}|{x:+.1f}|{-x:+.1f}")
print(f"[{name:>8}]|[{name:<6}]|[{name:^7}]")
print(f"{n:,}|{42:5d}|{-7:5d}|{-9876543:,}|{999:,}")
print(f"{name!r} {name}")
print(f"{0.000123:.2e} {12345.678:.2e} {2.5:.0f} {3.5:.0f}")
print(f"{x}")
print(f"{1/3}")
print(f"{7}/{2} = {7 / 2}")
print(f"{'nested'} {[1, 2]} {(1,)} {None} {True}")
print(f"{x:8.3f}|{x:<8.2f}|{x:^9.1f}|")
print(f"{3:03d}|{5:<4d}|")
w = 2
print(f"w = {w * 10 + 1}, sq = {w ** 2:.1f}")
print(f"{{literal braces}} {n}")
