"""Writes the .npy test fixtures of NpyTest with numpy itself (python3 make_fixtures.py, in this folder).

Valid: a 3 x 5 matrix w[i, k] = i - 2.5 k + 0.125 (exact in float32) as float32 and float64, in C and
Fortran order, and big-endian float64. Malformed: each breaks one rule the reader enforces.
"""
import numpy as np

w = np.array([[i - 2.5 * k + 0.125 for k in range(5)] for i in range(3)])
for dtype, tag in ((np.float32, "f32"), (np.float64, "f64")):
    np.save(f"{tag}_c.npy", np.ascontiguousarray(w.astype(dtype)))
    np.save(f"{tag}_fortran.npy", np.asfortranarray(w.astype(dtype)))
np.save("f64_big_endian.npy", w.astype(">f8"))
np.save("int32.npy", np.arange(15, dtype=np.int32).reshape(3, 5))
np.save("rank1.npy", np.arange(5, dtype=np.float64))
np.save("rank3.npy", np.zeros((2, 2, 2)))

good = open("f64_c.npy", "rb").read()
open("truncated.npy", "wb").write(good[:-8])
open("bad_magic.npy", "wb").write(b"\x93NUMPZ" + good[6:])
header_len = good[8] | (good[9] << 8)
broken = good[10:10 + header_len].replace(b"'shape': (3, 5)", b"'shape': [3, 5]")
open("bad_header.npy", "wb").write(good[:10] + broken + good[10 + header_len:])
