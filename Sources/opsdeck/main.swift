print("opsdeck")
