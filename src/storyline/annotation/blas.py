"""The spaCy model's matrix products through numpy's OpenBLAS, one thread per process.

thinc's ``NumpyOps.gemm`` calls the bundled ``blis`` kernels, which on the x86 machines we measured
run about three times slower than the OpenBLAS that numpy ships (``bench/bench_annotate.py``
shows the effect on the whole stage). thinc lets an ``Ops`` subclass replace ``gemm`` — the
``thinc-apple-ops`` package does the same with Apple's Accelerate — so the pipeline's layers get
one whose product is ``numpy.dot``. OpenBLAS would spread each product over every core and spend
more CPU than it saves; storyline parallelises by process (``annotation/parallel``, the Ray
actors), so each product runs on one thread. The results are the same products in another order
of summation: identical annotations in our tests, at worst a last-bit difference in a score.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

_BLAS = ThreadpoolController()


class BlasOps(NumpyOps):
    """``NumpyOps`` with ``gemm`` by ``numpy.dot`` on a single BLAS thread."""

    name = "storyline_blas"

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        with _BLAS.limit(limits=1, user_api="blas"):
            if out is None:
                return numpy.dot(a, b)
            numpy.dot(a, b, out=out)
            return out


def use_blas(nlp: Language) -> None:
    """Give every layer of every trained component the ``BlasOps``."""
    ops = BlasOps()
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
