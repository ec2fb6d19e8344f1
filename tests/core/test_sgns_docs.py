"""The `>>>` examples in the core modules' docstrings run and print what they say."""
import doctest
import importlib

import pytest

MODULES = ["text", "samples", "sgns", "sgns_demo", "softmax_lm", "word2vec", "fast", "keyedvectors", "io", "cooccur", "align"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"w2v_core.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
