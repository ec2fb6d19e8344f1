"""softmax_lm.py: the tiny language model's gradients, purity, predictions and the cost comparison."""
import numpy as np
import pytest

from w2v_core import softmax_lm
from w2v_core.softmax_lm import SoftmaxLM, UnknownWordsError, softmax_step, time_sgns_step, time_softmax_step


def _params(V=7, n=2, d=3, seed=0):
    rng = np.random.default_rng(seed)
    return {"E": rng.normal(size=(V + 1, d)), "W": rng.normal(size=(n * d, V)), "b": rng.normal(size=V)}


def _loss(p, ids, y):
    h = p["E"][ids].reshape(-1)
    z = h @ p["W"] + p["b"]
    return -(z[y] - np.log(np.exp(z).sum()))


def test_trace_is_the_three_steps_and_the_error():
    p = _params()
    _, t = softmax_step(p, [3, 7], 4, lr=0.1)
    assert np.allclose(t.embeddings, p["E"][[3, 7]])
    assert np.allclose(t.hidden, np.concatenate([p["E"][3], p["E"][7]]))
    assert np.allclose(t.logits, t.hidden @ p["W"] + p["b"])
    assert np.isclose(t.probs.sum(), 1) and np.allclose(t.probs, np.exp(t.logits) / np.exp(t.logits).sum())
    assert t.onehot.tolist() == [0, 0, 0, 0, 1, 0, 0]
    assert np.allclose(t.error, t.onehot - t.probs)
    assert np.isclose(t.loss, -np.log(t.probs[4]))


def test_gradients_match_finite_differences():
    p, ids, y = _params(), np.array([2, 2]), 5  # a repeated context word: its gradient is the sum of both
    _, t = softmax_step(p, ids, y, lr=0.1)
    eps = 1e-6
    for name in ("W", "b", "E"):
        num = np.zeros_like(p[name])
        for i in np.ndindex(p[name].shape):
            pp = {k: v.copy() for k, v in p.items()}
            pm = {k: v.copy() for k, v in p.items()}
            pp[name][i] += eps
            pm[name][i] -= eps
            num[i] = (_loss(pp, ids, y) - _loss(pm, ids, y)) / (2 * eps)
        if name == "E":
            assert np.allclose(num[2], t.grads["E"].sum(axis=0), atol=1e-6)
            assert np.allclose(np.delete(num, 2, axis=0), 0)
        else:
            assert np.allclose(num, t.grads[name], atol=1e-6)


def test_step_is_pure_and_lowers_the_loss():
    p = _params()
    before = {k: v.copy() for k, v in p.items()}
    new, t = softmax_step(p, [1, 2], 0, lr=0.1)
    assert all((p[k] == before[k]).all() for k in p)
    assert _loss(new, [1, 2], 0) < t.loss


@pytest.mark.parametrize("ids", [[1, 2], [2, 2]])  # a repeated word gets both updates in both modes
def test_in_place_step_is_the_pure_step(ids, monkeypatch):
    """time_softmax_step times the in-place step: it must give the pure step's numbers, across several blocks."""
    monkeypatch.setattr(softmax_lm, "BLOCK", 3)  # V=7: blocks of 3, 3 and 1 columns
    p = _params()
    pure, t_pure = softmax_step(p, ids, 4, lr=0.1)
    same, t_same = softmax_step(p, ids, 4, lr=0.1, inplace=True)
    assert same is p and "W" not in t_same.grads
    for k in ("W", "b", "E"):
        np.testing.assert_allclose(same[k], pure[k], rtol=1e-12, atol=1e-12)
    assert np.isclose(t_same.loss, t_pure.loss) and np.allclose(t_same.grads["E"], t_pure.grads["E"])


def _corpus():
    rng = np.random.default_rng(0)
    subj, verb, obj = ["the king", "a dog", "my mother"], ["eats", "likes", "sees"], ["bread", "fish", "apples"]
    return [f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)}".split() for _ in range(80)]


def test_trained_model_predicts_the_grammar():
    lm = SoftmaxLM.train(_corpus(), left=2, dim=16, epochs=20, seed=0)
    assert lm.loss_history[-1] < lm.loss_history[0] / 1.5
    probs, trace = lm.predict(["the", "king"])
    assert probs.shape == (len(lm.vocab),) and np.isclose(probs.sum(), 1)
    top3 = {lm.vocab.index_to_key[i] for i in np.argsort(-probs)[:3]}
    assert top3 == {"eats", "likes", "sees"}
    # with the word after the blank too
    lm2 = SoftmaxLM.train(_corpus(), left=1, right=1, dim=16, epochs=20, seed=0)
    probs, _ = lm2.predict(["the"], ["eats"])
    assert lm2.vocab.index_to_key[int(probs.argmax())] == "king"
    # untrained: no such preference
    lm0 = SoftmaxLM.train(_corpus(), left=2, epochs=0)
    assert {lm0.vocab.index_to_key[i] for i in np.argsort(-lm0.predict(["the", "king"])[0])[:3]} != top3


def test_predict_with_target_padding_and_unknown_words():
    lm = SoftmaxLM.train(_corpus(), left=2, epochs=2)
    probs, t = lm.predict(["king"], target="eats")  # one word: padded on the left
    assert t.context_ids[0] == len(lm.vocab) and np.isclose(t.loss, -np.log(probs[lm.vocab.key_to_index["eats"]]))
    with pytest.raises(KeyError, match="zebra"):
        lm.predict(["the", "zebra"])
    with pytest.raises(UnknownWordsError) as err:
        lm.predict(["zebra", "the", "unicorn"], target="dragon")
    assert err.value.words == ["zebra", "unicorn"]
    with pytest.raises(UnknownWordsError) as err:
        lm.predict(["the", "king"], target="dragon")
    assert err.value.words == ["dragon"]
    with pytest.raises(ValueError):
        SoftmaxLM.train(_corpus(), left=0, right=0)
    assert SoftmaxLM.train(_corpus(), left=2, epochs=1, seed=3).params["W"].tolist() == \
        SoftmaxLM.train(_corpus(), left=2, epochs=1, seed=3).params["W"].tolist()


def test_softmax_cost_grows_with_vocabulary_but_sgns_does_not():
    small, big = time_softmax_step(500, 50, 3), time_softmax_step(200_000, 50, 3)
    assert big > 20 * small
    assert 0 < time_sgns_step(5, 50, 3) < big
