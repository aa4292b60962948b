"""Independent numpy/scipy reference timing of SEA_0 (T = 1000) on the instances written by
io.sparserepro.benchmarks.PhaseTransitionInstances. Usage: python3 sea0_numpy.py DIRECTORY [M_K ...]
Environment SEA0_REPS (default 1): time each instance that many times and keep the fastest, as
PhaseTransitionBenchmark.main does (robust to other processes on a shared machine).
Gram matrix formed once (one BLAS dgemm), per support change a LAPACK Cholesky of G_SS (cho_factor/cho_solve),
gradient Aᵀy − G[:, S] z, round-off stop at 1e-12‖y‖, best iterate returned. Single-threaded OpenBLAS."""
import os, sys, time
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np
from scipy.linalg import cho_factor, cho_solve

def sea0(A, y, k, T=1000):
    m, n = A.shape
    eta = 1.0 / np.linalg.norm(A, 2) ** 2
    G = A.T @ A
    aty = A.T @ y
    ynorm = np.linalg.norm(y)
    X = np.zeros(n)
    # t = 0: X⁰ = 0 as is: residual y, ascent Aᵀy
    best = ynorm; best_support = None; ascent = aty.copy(); last = None; t = 1
    X += eta * ascent
    for t in range(1, T):
        S = np.sort(np.argsort(-np.abs(X), kind="stable")[:k])
        key = S.tobytes()
        if key != last:
            c = cho_factor(G[np.ix_(S, S)], lower=True)
            z = cho_solve(c, aty[S])
            ascent = aty - G[:, S] @ z
            r2 = ynorm * ynorm - z @ aty[S]
            res = np.sqrt(r2) if r2 > 1e-6 * ynorm * ynorm else np.linalg.norm(y - A[:, S] @ z)
            last = key
            if res < best:
                best = res; best_support = S
            if res <= 1e-12 * ynorm:
                return best_support, t + 1
        X += eta * ascent
    return best_support, T

directory = sys.argv[1]
for size in sys.argv[2:] or ["250_25", "250_60", "250_80", "400_150"]:
    m, k = map(int, size.split("_"))
    times = []; ok = 0; its = []
    for i in range(1, 9):
        A = np.load(f"{directory}/{size}_{i}_A.npy"); y = np.load(f"{directory}/{size}_{i}_y.npy"); x = np.load(f"{directory}/{size}_{i}_x.npy")
        sea0(A, y, k, 20)  # warm-up
        fastest = float("inf")
        for _ in range(int(os.environ.get("SEA0_REPS", "1"))):
            t0 = time.perf_counter(); S, it = sea0(A, y, k); fastest = min(fastest, time.perf_counter() - t0)
        times.append(fastest)
        its.append(it)
        ok += S is not None and np.array_equal(S, np.flatnonzero(x))
    print(f"{size}: numpy SEA0 mean {1e3*np.mean(times):.1f} ms/solve (min {1e3*min(times):.1f}; fastest of {os.environ.get('SEA0_REPS', '1')} per instance), recovered {ok}/8, iterations {its}")
