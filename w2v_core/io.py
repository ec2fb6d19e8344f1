"""Word-vector files: the word2vec C format (text and binary, as gensim reads and writes it) and Projector TSV.

The loader is a strict parser for untrusted uploads: size limits first, then every line checked, and a
:class:`VectorsFormatError` that says what is wrong and where. Nothing is ever unpickled or evaluated.
"""
from __future__ import annotations

import io
import os
import re
import unicodedata

import numpy as np

from w2v_core.keyedvectors import KeyedVectors

MAX_BYTES = 50 * 1024 * 1024  # 50 MB: more than a 100k x 100 text file, far less than the machine's memory
MAX_WORDS = 500_000
MAX_DIM = 10_000


class VectorsFormatError(ValueError):
    """A malformed or too-large vectors file; the message names the line (or byte offset) at fault."""


def _check_word(word):
    if not isinstance(word, str) or not word or any(c.isspace() for c in word):
        raise ValueError(f"word {word!r} cannot be saved in word2vec format (empty or contains whitespace)")
    return word


def save_word2vec_format(kv, fileobj_or_path, binary=False):
    """Write ``kv`` in the word2vec C format that gensim's ``load_word2vec_format`` reads.

    Header ``"<count> <dim>\\n"``, then per word: text ``word v1 ... vd\\n`` (9 significant digits, exact for
    float32) or binary ``word`` + space + ``dim`` little-endian float32 (gensim's layout, no newline).

    >>> buf = io.BytesIO(); save_word2vec_format(KeyedVectors([[0.5, -1.0]], ["猫"]), buf)
    >>> buf.getvalue().decode()
    '1 2\\n猫 0.5 -1\\n'
    """
    out = [f"{len(kv)} {kv.vector_size}\n".encode()]
    row_format = " ".join(["%.9g"] * kv.vector_size)  # one % per row: much faster than one per value
    for word, row in zip(kv.index_to_key, kv.vectors):
        if binary:
            out.append(_check_word(word).encode() + b" " + row.astype("<f4").tobytes())
        else:
            out.append(f"{_check_word(word)} {row_format % tuple(row.tolist())}\n".encode())
    data = b"".join(out)
    if hasattr(fileobj_or_path, "write"):
        fileobj_or_path.write(data)
    else:
        with open(fileobj_or_path, "wb") as fh:
            fh.write(data)


def _read(data_or_path, max_bytes):
    """Raw bytes from bytes, a binary file object (an upload) or a path, refusing more than ``max_bytes``."""
    if isinstance(data_or_path, (bytes, bytearray, memoryview)):
        data = bytes(data_or_path)
    elif hasattr(data_or_path, "read"):
        data = data_or_path.read(max_bytes + 1)
        data = data.encode() if isinstance(data, str) else data
    elif isinstance(data_or_path, (str, os.PathLike)):
        if os.path.getsize(data_or_path) > max_bytes:
            raise VectorsFormatError(f"file is larger than the limit of {max_bytes / 1e6:.0f} MB")
        with open(data_or_path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    else:
        raise TypeError("give bytes, a binary file object or a path (text content: pass text.encode())")
    if len(data) > max_bytes:
        raise VectorsFormatError(f"file is larger than the limit of {max_bytes / 1e6:.0f} MB")
    return data


def _header(line, max_words):
    parts = line.split()
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        raise VectorsFormatError(f"line 1: header must be '<count> <dimensions>', got {line[:60]!r} "
                                 "(a GloVe-style file without a header? load it with no_header=True)")
    count, dim = int(parts[0]), int(parts[1])
    if count < 1 or not 1 <= dim <= MAX_DIM:
        raise VectorsFormatError(f"line 1: need at least 1 word and 1..{MAX_DIM} dimensions, got {count} {dim}")
    if count > max_words:
        raise VectorsFormatError(f"line 1: {count} words is more than the limit of {max_words}")
    return count, dim


def _word(raw, where, strict=False):
    """``strict`` (binary entries): also refuse control characters, the sign of float bytes read as a word."""
    try:
        word = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise VectorsFormatError(f"{where}: the word is not valid UTF-8") from None
    if not word or any(c.isspace() for c in word):
        raise VectorsFormatError(f"{where}: empty word or word with whitespace {word!r}")
    if strict and any(unicodedata.category(c) == "Cc" for c in word):
        raise VectorsFormatError(f"{where}: the word {word!r} contains control characters")
    return word


def _parse_text(data, pos, count, dim, first_line=2, max_words=MAX_WORDS):
    """Text entries ``word v1 ... vd``; returns words, rows and where each came from (for later errors).

    ``count=None`` (no header): read every line, at most ``max_words``.
    """
    words, rows, places = [], [], []
    for number, raw in enumerate(data[pos:].split(b"\n"), start=first_line):
        tokens = raw.split()  # spaces (tabs, a trailing \r) between values; words never contain whitespace
        if not tokens:
            continue  # blank lines are harmless
        where = f"line {number}"
        if len(words) == count:
            raise VectorsFormatError(f"{where}: more entries than the {count} the header announces")
        if count is None and len(words) == max_words:
            raise VectorsFormatError(f"{where}: more than the limit of {max_words} words")
        word = _word(tokens[0], where)
        if len(tokens) - 1 != dim:
            raise VectorsFormatError(f"{where}: '{word}' has {len(tokens) - 1} values, expected {dim}")
        try:
            row = list(map(float, tokens[1:]))
            if raw.count(b"_") != tokens[0].count(b"_"):
                raise ValueError  # float() accepts 1_000; the format doesn't
        except ValueError:
            bad = next(t for t in tokens[1:] if not _is_number(t))
            raise VectorsFormatError(f"{where}: {bad[:30].decode('utf-8', 'replace')!r} is not a number") from None
        words.append(word)
        rows.append(row)
        places.append(where)
    return words, rows, places


def _is_number(token):
    try:
        float(token)
        return b"_" not in token
    except ValueError:
        return False


def _parse_binary(data, pos, count, dim):
    """gensim's binary entries: word bytes, a space, ``dim`` float32 little-endian, maybe a newline."""
    words, rows, places, width = [], [], [], 4 * dim
    for entry in range(1, count + 1):
        while data[pos:pos + 1] == b"\n":  # the C tool ends each vector with a newline, gensim doesn't
            pos += 1
        where = f"entry {entry} (byte {pos})"
        space = data.find(b" ", pos, pos + 1001)
        if space < 0:
            raise VectorsFormatError(f"{where}: truncated file or no space after the word")
        word = _word(data[pos:space], where, strict=True)
        if space + 1 + width > len(data):
            raise VectorsFormatError(f"{where}: truncated file, '{word}' needs {width} bytes of floats")
        rows.append(np.frombuffer(data, dtype="<f4", count=dim, offset=space + 1))
        words.append(word)
        places.append(where)
        pos = space + 1 + width
    if data[pos:].strip():
        raise VectorsFormatError(f"byte {pos}: more data than the {count} entries the header announces")
    return words, rows, places


# Bytes a word2vec text file keeps: printable ASCII, UTF-8 lead/continuation bytes, and the whitespace
# bytes.split() splits on. Anything else (C0 controls, DEL) means raw float bytes; so do C1 controls (U+0080..U+009F).
_TEXT_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100)) + b"\t\n\r\x0b\x0c"
_C1 = re.compile(rb"\xc2[\x80-\x9f]")


def _plausible_text(data, pos):
    """True if everything after the header could be a text file: valid UTF-8 without control characters.

    Binary float32 data practically always fails this (zeros, small exponents and mantissas give control bytes or
    invalid UTF-8), so such a file is parsed as text only and its errors are the text parser's, never garbage
    from reading the text as floats.
    """
    rest = data[pos:]
    if rest.translate(None, _TEXT_BYTES) or (b"\xc2" in rest and _C1.search(rest)):
        return False  # (translate deletes every text byte: ~2 ms per MB, where a regex takes 10)
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_text(data, pos):
    """True if what follows the first word is printable UTF-8 (text numbers), False for raw float bytes."""
    space = data.find(b" ", pos)
    if space < 0:
        return True
    end = data.find(b"\n", space)
    try:
        seg = data[space + 1:end if end >= 0 else len(data)][:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(seg.strip()) and all(c.isprintable() or c in "\t\r" for c in seg)


def load_word2vec_format(data_or_path, binary=None, max_bytes=MAX_BYTES, max_words=MAX_WORDS, no_header=False):
    """Read a word2vec-format file (text or binary; ``binary=None`` detects it) into a :class:`KeyedVectors`.

    Detection: a file that is clean UTF-8 text after its header is parsed as text only (a short line is reported
    as such); otherwise the likelier layout is tried first, then the other. Binary words must be UTF-8 without
    whitespace or control characters.

    ``no_header=True`` reads GloVe-style text files that start directly with ``word v1 ... vd`` (as gensim's
    ``no_header``); ``no_header=None`` decides from the first line (a header is two whole numbers).

    Raises :class:`VectorsFormatError` for: an empty or too-large file, a bad header, a wrong number of values,
    non-numeric, NaN or infinite values, truncated binary data, a count that disagrees with the header,
    duplicate words and words that are not UTF-8. A ``str`` is a path; pass text content as bytes.

    >>> kv = load_word2vec_format(b"2 3\\nking 1 0 0.5\\nqueen 0.9 0.1 0.5\\n")
    >>> kv.index_to_key, kv.vector_size
    (['king', 'queen'], 3)
    """
    data = _read(data_or_path, max_bytes)
    data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data  # a BOM left by some Windows editors
    if not data.strip():
        raise VectorsFormatError("the file is empty")
    end = data.find(b"\n")
    end = len(data) if end < 0 else end
    first = data[:end].decode("utf-8", "replace").split()
    if no_header or (no_header is None and not (len(first) == 2 and all(p.isascii() and p.isdigit() for p in first))):
        if binary:
            raise VectorsFormatError("a binary word2vec file needs its '<count> <dimensions>' header")
        if not 1 <= len(first) - 1 <= MAX_DIM:
            raise VectorsFormatError(f"line 1: expected 'word v1 ... vd' (no header), got {' '.join(first)[:60]!r}")
        words, rows, places = _parse_text(data, 0, None, len(first) - 1, first_line=1, max_words=max_words)
        return _finish(words, rows, places, len(words), len(first) - 1)
    count, dim = _header(data[:end].decode("ascii", "replace"), max_words)
    if binary is not None:
        modes = [binary]
    elif _plausible_text(data, end + 1):
        modes = [False]  # clean text is text: a wrong line must be reported, never re-read as float bytes
    else:
        modes = [not _looks_like_text(data, end + 1)]
        modes.append(not modes[0])  # if the guess fails, try the other layout before giving up
    errors = []
    for mode in modes:
        try:
            words, rows, places = (_parse_binary if mode else _parse_text)(data, end + 1, count, dim)
            break
        except VectorsFormatError as err:
            errors.append(err)
    else:
        raise errors[0]  # report the problem in the layout the file looked like
    if len(words) != count:
        raise VectorsFormatError(f"the header announces {count} words but the file has {len(words)}")
    return _finish(words, rows, places, count, dim)


def _finish(words, rows, places, count, dim):
    """Rows -> float32 matrix, rejecting NaN/inf and duplicate words (errors say where)."""
    with np.errstate(over="ignore"):  # 1e99 becomes inf in float32; reported just below
        vectors = np.array(rows, dtype=np.float32).reshape(count, dim)  # (count, dim)
    bad = np.flatnonzero(~np.isfinite(vectors).all(axis=1))
    if bad.size:
        raise VectorsFormatError(f"{places[bad[0]]}: '{words[bad[0]]}' contains NaN or infinite values")
    seen = {}
    for word, where in zip(words, places):
        if word in seen:
            raise VectorsFormatError(f"{where}: '{word}' appears twice (first at {seen[word]})")
        seen[word] = where
    return KeyedVectors(vectors, words)


def projector_tsv(kv):
    """``(vectors_tsv, metadata_tsv)`` for projector.tensorflow.org: one tab-separated row per word.

    Tabs and line breaks inside words become spaces so that both files keep one line per word.

    >>> projector_tsv(KeyedVectors([[1, 0.5]], ["a\\tb"]))
    ('1\\t0.5\\n', 'a b\\n')
    """
    row_format = "\t".join(["%.9g"] * kv.vector_size) + "\n"
    vectors = "".join(row_format % tuple(row.tolist()) for row in kv.vectors)
    clean = ["".join(" " if c in "\t\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029" else c for c in w) for w in kv.index_to_key]
    return vectors, "".join(w + "\n" for w in clean)
