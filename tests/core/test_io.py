"""word2vec formats: round trips with gensim both ways (text, binary, Chinese words) and a strict loader."""
import io
import struct

import numpy as np
import pytest

from w2v_core.io import VectorsFormatError, load_word2vec_format, projector_tsv, save_word2vec_format
from w2v_core.keyedvectors import KeyedVectors

gensim_kv = pytest.importorskip("gensim.models.keyedvectors")

WORDS = ["king", "queen", "国王", "女王", "don't", "café", "x"]


@pytest.fixture
def kv():
    vectors = np.random.default_rng(0).normal(size=(len(WORDS), 10)).astype(np.float32)
    vectors[-1] = 0.0  # an all-zero vector: must survive (and not confuse binary detection)
    return KeyedVectors(vectors, WORDS)


@pytest.mark.parametrize("binary", [False, True])
def test_we_save_gensim_loads(kv, tmp_path, binary):
    path = tmp_path / "v.bin"
    save_word2vec_format(kv, path, binary=binary)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=binary)
    assert g.index_to_key == WORDS
    np.testing.assert_array_equal(g.vectors, kv.vectors)  # exact: text uses 9 significant digits


@pytest.mark.parametrize("binary", [False, True])
def test_gensim_saves_we_load(kv, tmp_path, binary):
    g = gensim_kv.KeyedVectors(10)
    g.add_vectors(WORDS, np.array(kv.vectors))
    path = tmp_path / "g.txt"
    g.save_word2vec_format(str(path), binary=binary)
    for source in (path, path.read_bytes(), io.BytesIO(path.read_bytes())):
        ours = load_word2vec_format(source)  # binary auto-detected
        assert ours.index_to_key == WORDS
        np.testing.assert_allclose(ours.vectors, kv.vectors, rtol=1e-6)
    assert load_word2vec_format(path, binary=binary).index_to_key == WORDS


def test_c_tool_binary_with_newlines_and_text_with_trailing_space():
    vec = struct.pack("<2f", 1.0, -2.0)
    kv = load_word2vec_format(b"2 2\nab " + vec + b"\ncd " + vec + b"\n")
    assert kv.index_to_key == ["ab", "cd"] and kv["cd"].tolist() == [1.0, -2.0]
    kv = load_word2vec_format(b"2 2\r\nab 1 2 \r\ncd 3 4e-1 \r\n\n")
    assert kv["cd"].tolist() == pytest.approx([3, 0.4])


BAD = [
    (b"", "empty"),
    (b"  \n", "empty"),
    (b"two 3\na 1 2 3\n", "line 1: header"),
    (b"1\na 1\n", "line 1: header"),
    (b"0 3\n", "line 1"),
    (b"2 3\na 1 2 3\nb 1 2\n", "line 3: 'b' has 2 values, expected 3"),
    (b"1 3\na 1 2 x\n", "line 2: 'x' is not a number"),
    (b"1 3\na 1 2 1_0\n", "line 2: '1_0' is not a number"),
    (b"2 3\na 1 2 3\nb 1 nan 3\n", "line 3: 'b' contains NaN"),
    (b"1 3\na 1 1e99 3\n", "line 2: 'a' contains NaN or infinite"),
    (b"3 3\na 1 2 3\nb 1 2 3\n", "announces 3 words but the file has 2"),
    (b"1 3\na 1 2 3\nb 1 2 3\n", "line 3: more entries"),
    (b"2 3\na 1 2 3\na 4 5 6\n", "line 3: 'a' appears twice (first at line 2)"),
    (b"1 3\n\xff\xfe 1 2 3\n", "line 2: the word is not valid UTF-8"),
    (b"2 2\nab " + struct.pack("<2f", 1, 2) + b"cd " + struct.pack("<f", 1), "truncated"),
    (b"1 2\nab " + struct.pack("<2f", 1, np.inf), "entry 1 (byte 4): 'ab' contains NaN or infinite"),
]


@pytest.mark.parametrize("data,message", BAD)
def test_malformed_files_give_clear_errors(data, message):
    with pytest.raises(VectorsFormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_word2vec_format(data)


def test_limits():
    data = b"3 2\na 1 2\nb 3 4\nc 5 6\n"
    with pytest.raises(VectorsFormatError, match="larger than the limit"):
        load_word2vec_format(data, max_bytes=10)
    with pytest.raises(VectorsFormatError, match="more than the limit of 2"):
        load_word2vec_format(data, max_words=2)
    with pytest.raises(VectorsFormatError, match="larger than the limit"):
        load_word2vec_format(io.BytesIO(data * 10), max_bytes=30)
    assert isinstance(VectorsFormatError("x"), ValueError)
    with pytest.raises(TypeError):
        load_word2vec_format(12)


def test_unsavable_word():
    with pytest.raises(ValueError, match="whitespace"):
        save_word2vec_format(KeyedVectors([[1.0]], ["new york"]), io.BytesIO())


def test_projector_tsv_is_tab_safe(kv):
    tricky = KeyedVectors(np.array([[1.0, 2.5], [0.0, -1.0]]), ["a\tb", "c\nd"])
    vectors, metadata = projector_tsv(tricky)
    assert vectors == "1\t2.5\n0\t-1\n"
    assert metadata == "a b\nc d\n"
    vectors, metadata = projector_tsv(kv)
    assert metadata.splitlines() == WORDS
    np.testing.assert_allclose(np.loadtxt(io.StringIO(vectors), delimiter="\t"), kv.vectors, rtol=1e-6)


def test_headerless_glove_style_and_bom():
    glove_txt = "the 0.1 0.2\n国王 0.3 -0.4\n".encode()
    with pytest.raises(VectorsFormatError, match="no_header=True"):
        load_word2vec_format(glove_txt)
    for flag in (True, None):
        kv = load_word2vec_format(glove_txt, no_header=flag)
        assert kv.index_to_key == ["the", "国王"] and kv["国王"].tolist() == pytest.approx([0.3, -0.4])
    assert load_word2vec_format(b"1 2\na 1 2\n", no_header=None).index_to_key == ["a"]  # header detected
    with pytest.raises(VectorsFormatError, match="line 2: 'b' has 1 values, expected 2"):
        load_word2vec_format(b"a 1 2\nb 1\n", no_header=True)
    with pytest.raises(VectorsFormatError, match="line 3: more than the limit of 2 words"):
        load_word2vec_format(b"a 1\nb 2\nc 3\n", no_header=True, max_words=2)
    with pytest.raises(VectorsFormatError, match="needs its"):
        load_word2vec_format(b"a 1\n", no_header=True, binary=True)
    assert load_word2vec_format("\ufeff1 2\na 1 2\n".encode()).index_to_key == ["a"]
