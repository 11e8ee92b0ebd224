"""Reference for the all-pairs benchmark: cosine top-10 of N vectors with NumPy
(OpenBLAS) and argpartition, tiled like partnerfit's batch. Reads a float32 matrix
(N x d, row-major) from the file given; prints a JSON line with the wall time.
Run with the system Python (Debian's python3-numpy, libopenblas0-pthread)."""
import json
import sys
import time

import numpy as np

path, n, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
x = np.fromfile(path, dtype=np.float32).reshape(n, d)
start = time.perf_counter()
norms = np.linalg.norm(x, axis=1, keepdims=True)
norms[norms == 0] = 1
x = x / norms
xt = np.ascontiguousarray(x.T)
top = np.empty((n, k), dtype=np.int64)
tile = 2048
for s in range(0, n, tile):
    scores = x[s:s + tile] @ xt
    for r in range(scores.shape[0]):
        scores[r, s + r] = -np.inf
    part = np.argpartition(-scores, k, axis=1)[:, :k]
    rows = np.arange(scores.shape[0])[:, None]
    order = np.argsort(-scores[rows, part], axis=1)
    top[s:s + tile] = part[rows, order]
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "n": n, "d": d, "k": k, "numpy": np.__version__, "checksum": int(top[:, 0].sum())}))
