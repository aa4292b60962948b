"""Regenerates the NumPy-written fixtures in this directory (run from here with numpy).

The tests never run this script: they read the committed .npy files, so the build does not
need Python. The files check the reader against what NumPy itself writes, and the writer
against numpy.save byte for byte.
"""
import numpy as np
from numpy.lib import format as npf

m = np.array([[1.0, -0.0, 1.0 / 3.0], [1e-300, -2.5, 1e300]])
np.save("f8_c_2x3.npy", m)
np.save("f8_fortran_2x3.npy", np.asfortranarray(m))
np.save("f8_vector_4.npy", np.array([0.1, -0.0, 5e-324, 1.7976931348623157e308]))
np.save("f4_c_2x2.npy", np.array([[1.5, -2.25], [0.1, 3.0]], dtype="<f4"))
np.save("f8_big_endian_2x2.npy", np.array([[1.0, 2.0], [3.0, -4.5]], dtype=">f8"))
np.save("i4_vector_3.npy", np.array([-1, 0, 2147483647], dtype="<i4"))
np.save("i8_c_2x2.npy", np.array([[-5, 7], [2**53, 0]], dtype="<i8"))
np.save("u8_vector_2.npy", np.array([2**64 - 1, 3], dtype="<u8"))
for version in [(2, 0), (3, 0)]:
    with open("f8_c_2x3_v%d.npy" % version[0], "wb") as f:
        npf.write_array(f, m, version=version)
