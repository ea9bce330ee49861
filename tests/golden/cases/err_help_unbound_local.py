count = 0
def step():
    count += 1
step()
