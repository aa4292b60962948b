"""What numpy's SEA_0 reference (sea0_numpy.py) spends per support change, single-threaded
OpenBLAS: LAPACK dpotrf on the k×k Gram block of a unit-column Gaussian 400×500 matrix (through
numpy.linalg.cholesky, scipy cho_factor and scipy.linalg.lapack.dpotrf), the G[ix_(S, S)] and
G[:, S] copies, the gemv and the argsort; fastest of 2000, µs. Usage: python3 cholesky_lapack.py"""
import os; os.environ["OPENBLAS_NUM_THREADS"]="1"
import numpy as np, time
from scipy.linalg import cho_factor, cho_solve, lapack
rng=np.random.default_rng(1)
for k in (25,60,80,150):
    A=rng.standard_normal((400,500)); A/=np.linalg.norm(A,axis=0); S=np.sort(rng.choice(500,k,replace=False)); G=A.T@A
    M=np.asfortranarray(G[np.ix_(S,S)])
    def best(f,r=2000):
        b=1e9
        for _ in range(r):
            t=time.perf_counter(); f(); b=min(b,time.perf_counter()-t)
        return b*1e6
    t1=best(lambda: np.linalg.cholesky(M)); t2=best(lambda: cho_factor(M,lower=True)); t3=best(lambda: lapack.dpotrf(M,lower=1,overwrite_a=0))
    t4=best(lambda: G[np.ix_(S,S)]); t5=best(lambda: G[:,S]); z=np.ones(k); GS=G[:,S]; t6=best(lambda: GS@z)
    X=rng.standard_normal(500); t7=best(lambda: np.sort(np.argsort(-np.abs(X),kind="stable")[:k]))
    print(f"k={k}: np.linalg.cholesky {t1:.1f} us ({k**3/3/t1/1e3:.1f} GF/s), cho_factor {t2:.1f}, raw dpotrf {t3:.1f} us ({k**3/3/t3/1e3:.1f} GF/s); G[ix_] {t4:.1f}, G[:,S] {t5:.1f}, gemv {t6:.1f}, argsort {t7:.1f}")
