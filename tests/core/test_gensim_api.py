"""gensim's spellings: `from w2v_core import ...`, `wv.save_word2vec_format` and `KeyedVectors.load_word2vec_format`."""
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import w2v_core
from w2v_core import KeyedVectors, VectorsFormatError, Word2Vec, load_glove
from w2v_core.io import load_word2vec_format, save_word2vec_format

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["king", "queen", "国王", "女王", "don't", "x"]


@pytest.fixture
def kv():
    vectors = np.random.default_rng(3).normal(size=(len(WORDS), 7)).astype(np.float32)
    vectors[-1] = 0.0
    return KeyedVectors(vectors, WORDS)


def test_package_root_exports_the_defining_objects():
    from w2v_core import glove, keyedvectors, word2vec

    assert Word2Vec is word2vec.Word2Vec and KeyedVectors is keyedvectors.KeyedVectors
    assert load_glove is glove.load_glove
    assert set(w2v_core.__all__) <= set(dir(w2v_core))
    with pytest.raises(AttributeError):
        w2v_core.no_such_name  # noqa: B018


def test_importing_the_package_does_not_load_numba():
    code = "import sys, w2v_core, w2v_core.text; assert 'numba' not in sys.modules, 'numba imported eagerly'"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize("binary", [False, True])
def test_method_round_trip_path_and_file_object(kv, tmp_path, binary):
    path = tmp_path / "v.w2v"
    kv.save_word2vec_format(path, binary=binary)
    buf = io.BytesIO()
    kv.save_word2vec_format(buf, binary=binary)
    assert buf.getvalue() == path.read_bytes()
    for source in (path, str(path), buf.getvalue()):
        back = KeyedVectors.load_word2vec_format(source, binary=binary)
        assert back.index_to_key == WORDS
        np.testing.assert_array_equal(back.vectors, kv.vectors)  # text keeps 9 significant digits: exact
    assert KeyedVectors.load_word2vec_format(path).index_to_key == WORDS  # layout auto-detected


@pytest.mark.parametrize("binary", [False, True])
def test_methods_write_and_read_what_the_module_functions_do(kv, binary):
    a, b = io.BytesIO(), io.BytesIO()
    kv.save_word2vec_format(a, binary=binary)
    save_word2vec_format(kv, b, binary=binary)
    assert a.getvalue() == b.getvalue() and len(a.getvalue()) > 0
    np.testing.assert_array_equal(KeyedVectors.load_word2vec_format(a.getvalue()).vectors,
                                  load_word2vec_format(b.getvalue()).vectors)


def test_load_passes_limits_and_no_header_through():
    with pytest.raises(VectorsFormatError, match="limit"):
        KeyedVectors.load_word2vec_format(b"1 2\nking 1 0.5\n", max_bytes=5)
    glove_style = KeyedVectors.load_word2vec_format(b"king 1 0.5\nqueen 0.5 1\n", no_header=True)
    assert glove_style.index_to_key == ["king", "queen"] and glove_style["queen"].tolist() == [0.5, 1.0]
    with pytest.raises(TypeError):
        KeyedVectors.load_word2vec_format(b"1 2\nking 1 0.5\n", None, True)  # keyword-only, unlike gensim's fvocab


def test_load_on_a_subclass_returns_the_subclass():
    class Mine(KeyedVectors):
        pass

    assert type(Mine.load_word2vec_format(b"1 2\nking 1 0.5\n")) is Mine


@pytest.mark.parametrize("binary", [False, True])
def test_gensim_reads_the_method_output_and_we_read_gensims(kv, tmp_path, binary):
    gensim_kv = pytest.importorskip("gensim.models.keyedvectors")  # a third-party reference, not our code
    ours = tmp_path / "ours.bin"
    kv.save_word2vec_format(ours, binary=binary)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(ours), binary=binary)
    assert g.index_to_key == WORDS
    np.testing.assert_array_equal(g.vectors, kv.vectors)
    theirs = tmp_path / "theirs.bin"
    g.save_word2vec_format(str(theirs), binary=binary)
    back = KeyedVectors.load_word2vec_format(theirs, binary=binary)
    assert back.index_to_key == WORDS
    np.testing.assert_allclose(back.vectors, kv.vectors, rtol=1e-6)
