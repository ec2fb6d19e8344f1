"""w2v_core: the small numpy word2vec library behind every page (gensim's names and defaults; no streamlit).

>>> from w2v_core import Word2Vec, KeyedVectors, load_glove

The public names are imported on first use (PEP 562), so ``import w2v_core.text`` stays cheap: ``Word2Vec``
pulls in numba (about 0.25 s) and ``load_glove`` pyarrow.
"""
from __future__ import annotations

import importlib

# public name -> the module that defines it
_PUBLIC = {
    "Word2Vec": "word2vec",
    "KeyedVectors": "keyedvectors",
    "UnknownWordError": "keyedvectors",
    "load_glove": "glove",
    "GloveMissingError": "glove",
    "load_word2vec_format": "io",
    "save_word2vec_format": "io",
    "VectorsFormatError": "io",
    "Vocab": "text",
    "tokenize": "text",
    "split_sentences": "text",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name):
    if name not in _PUBLIC:  # AttributeError lets `from w2v_core import sgns_demo` import the submodule
        raise AttributeError(f"module 'w2v_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
