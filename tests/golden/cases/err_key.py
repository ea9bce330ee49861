d = {"lr": 0.1, "epochs": 10}
print(d["lr"])
print(d["momentum"])
