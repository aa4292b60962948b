"""scikit-learn lars_path(method='lasso') (basis-pursuit limit, alpha_min = 0) on the instances written by
io.sparserepro.benchmarks.PhaseTransitionInstances, one thread; recovered = max abs(x_l1 - x*) <= 1e-6.
Usage (Debian: apt-get install python3-sklearn): /usr/bin/python3 lars_sklearn.py DIRECTORY [M_K ...]"""
import os, sys, time
os.environ["OPENBLAS_NUM_THREADS"] = "1"; os.environ["OMP_NUM_THREADS"] = "1"
import numpy as np
from sklearn.linear_model import lars_path
directory = sys.argv[1]
for size in sys.argv[2:] or ["250_25", "250_60", "250_80", "400_150"]:
    m, k = map(int, size.split("_"))
    times = []; ok = 0
    for i in range(1, 9):
        A = np.load(f"{directory}/{size}_{i}_A.npy"); y = np.load(f"{directory}/{size}_{i}_y.npy"); x = np.load(f"{directory}/{size}_{i}_x.npy")
        lars_path(A, y, method="lasso", alpha_min=0.0)  # warm-up
        t0 = time.perf_counter(); alphas, active, coefs = lars_path(A, y, method="lasso", alpha_min=0.0); times.append(time.perf_counter() - t0)
        xl = coefs[:, -1]
        ok += np.max(np.abs(xl - x)) <= 1e-6
    print(f"{size}: sklearn lars_path mean {1e3*np.mean(times):.1f} ms/solve (min {1e3*min(times):.1f}), recovered {ok}/8")
