"""Auto-detection of text vs binary word2vec files must never turn a malformed *text* file into garbage vectors."""
import struct

import numpy as np
import pytest

from w2v_core.io import VectorsFormatError, load_word2vec_format, save_word2vec_format
from w2v_core.keyedvectors import KeyedVectors


def _wrong_count_files():
    """Text files with one line short or long by some values; some happen to have the byte count of a binary file."""
    yield b"2 3\nking 0.1 0.2\nqueen 0.1 0.2 0.3\n", "line 2: 'king' has 2 values, expected 3"
    rng = np.random.default_rng(1)
    for _ in range(300):
        count, dim = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        bad = int(rng.integers(count))
        lines, wrong = [], None
        for i in range(count):
            n = dim if i != bad else int(rng.choice([d for d in range(0, dim + 3) if d != dim]))
            vals = " ".join(f"{v:.{int(rng.integers(1, 4))}f}" for v in rng.normal(size=n))
            lines.append(f"w{i} {vals}".rstrip())
            wrong = wrong or (i == bad and f"line {i + 2}: 'w{i}' has {n} values, expected {dim}")
        yield f"{count} {dim}\n".encode() + "\n".join(lines).encode() + b"\n", wrong


@pytest.mark.parametrize("data,message", list(_wrong_count_files())[:1])
def test_text_with_a_short_line_reports_the_line(data, message):
    with pytest.raises(VectorsFormatError, match=message):
        load_word2vec_format(data)


def test_no_malformed_text_file_loads_as_binary():
    for data, message in _wrong_count_files():
        with pytest.raises(VectorsFormatError) as err:
            load_word2vec_format(data)
        assert str(err.value) == message, data


@pytest.mark.parametrize("word", [b"a\x01b", b"\x00", b"ab\x7f", "a\u0085b".encode(), b"a\x1bb"])
def test_binary_words_must_not_contain_control_characters(word):
    data = b"1 2\n" + word + b" " + struct.pack("<2f", 1, 2)
    for binary in (True, None):
        with pytest.raises(VectorsFormatError, match="entry 1|line 2"):
            load_word2vec_format(data, binary=binary)


def test_binary_still_detected_with_text_like_bytes():
    """Floats whose bytes are printable ASCII (e.g. 0x41424344) still load as binary: the file has a control byte."""
    vectors = np.frombuffer(b"ABCDabcd" + b"\x00\x00\x80\x3f" * 2, dtype="<f4").reshape(2, 2)
    kv = KeyedVectors(vectors.copy(), ["x", "y"])
    buf = __import__("io").BytesIO()
    save_word2vec_format(kv, buf, binary=True)
    got = load_word2vec_format(buf.getvalue())
    assert got.index_to_key == ["x", "y"]
    np.testing.assert_array_equal(got.vectors, vectors)
