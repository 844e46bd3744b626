"""numpy's large arrays on ordinary 4 KiB pages, not transparent huge pages.

numpy asks the kernel for huge pages (``madvise(MADV_HUGEPAGE)``) on every array of 4 MiB or more.
The pipeline's tok2vec and NER layers allocate such arrays for each batch and free them after it,
so on a kernel whose transparent huge pages are ``madvise`` or ``always`` each batch faults in
fresh 2 MiB pages that the kernel zeroes whole (``clear_page_erms`` under ``do_huge_pmd_anonymous_page``
in ``perf``): 0.6 of 4.4 CPU s annotating 40 basil-dev reports on an AMD EPYC with ``madvise``,
0.2 without. On a kernel with them ``never`` the hint does nothing, so the cost, and with it the
pipeline's speed against spaCy's, depended on the machine. The values computed are the same.
"""

from __future__ import annotations

import importlib


def small_pages() -> None:
    """Stop numpy asking for huge pages in this process (and the workers forked from it)."""
    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            setter = getattr(importlib.import_module(module), "_set_madvise_hugepage", None)
        except ImportError:
            continue
        if setter is not None:
            setter(False)
            return
