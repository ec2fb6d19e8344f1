"""sgns.py: one SGNS / CBOW step checked by hand, by finite differences, and for purity."""
import numpy as np
import pytest

from w2v_core.sgns import cbow_step, init_params, sgns_step


def sig(x):
    return 1 / (1 + np.exp(-x))


def test_init_params_like_gensim():
    emb, ctx = init_params(50, 10, seed=3)
    assert emb.dtype == np.float32 and emb.shape == (50, 10)
    assert emb.min() >= -0.1 and emb.max() < 0.1 and emb.std() > 0.05  # gensim 4: uniform in [-1, 1) / d
    assert (ctx == 0).all()
    emb2, ctx2 = init_params(50, 10, seed=3, context_init="random")
    assert (emb2 == emb).all() and ctx2.std() > 0.05
    assert not (init_params(50, 10, seed=4)[0] == emb).all()


def test_init_params_in_blocks_draws_the_numbers_of_one_whole_draw():
    """Drawn 4096 rows at a time to save memory: must equal the plain one-draw formula, row for row."""
    rng = np.random.default_rng(7)
    whole = ((rng.random((9000, 6)) * 2 - 1) / 6).astype(np.float32)  # (V, d) the obvious way, in float64
    then = ((rng.random((9000, 6)) * 2 - 1) / 6).astype(np.float32)
    emb, ctx = init_params(9000, 6, seed=np.random.default_rng(7), context_init="random")
    assert np.array_equal(emb, whole) and np.array_equal(ctx, then)


def test_sgns_step_hand_computed():
    emb = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 0.0]], dtype=np.float32)
    ctx = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    new_emb, new_ctx, t = sgns_step(emb, ctx, center=0, context_word=1, negatives=[2], alpha=0.5)
    # scores: u1.v = 2, u2.v = 0
    assert np.allclose(t.scores, [2, 0])
    assert t.targets.tolist() == [1, 2] and t.labels.tolist() == [1, 0]
    e = np.array([1 - sig(2), -0.5])
    assert np.allclose(t.errors, e)
    assert np.isclose(t.loss, -np.log(sig(2)) - np.log(sig(0)))
    assert np.allclose(t.grad_v, -(e[0] * np.array([2, 0]) + e[1] * np.array([0, 1])))
    assert np.allclose(new_emb[0], [1 + 0.5 * 2 * e[0], 0.5 * e[1]])
    assert np.allclose(new_ctx[1], [2 + 0.5 * e[0], 0]) and np.allclose(new_ctx[2], [0.5 * e[1], 1])
    assert np.allclose(t.v_after, new_emb[0]) and np.allclose(t.U_after, new_ctx[[1, 2]])
    assert np.allclose(t.delta_U, -0.5 * t.grad_U)
    assert new_emb.dtype == np.float32 and (new_emb[1:] == 0).all()


def _loss(v, U, labels):
    s = U.astype(np.float64) @ v.astype(np.float64)
    return -np.sum(np.log(sig(np.where(labels == 1, s, -s))))


def _numeric_grad(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[i] += eps
        xm[i] -= eps
        g[i] = (f(xp) - f(xm)) / (2 * eps)
    return g


@pytest.mark.parametrize("step", ["sg", "cbow"])
def test_gradients_match_finite_differences(step):
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(8, 5))  # float64 for a tight check
    ctx = rng.normal(size=(8, 5))
    if step == "sg":
        _, _, t = sgns_step(emb, ctx, 2, 5, [1, 7, 3], alpha=0.1)
    else:
        _, _, t = cbow_step(emb, ctx, [0, 4, 6], 5, [1, 7, 3], alpha=0.1)
        assert np.allclose(t.v, emb[[0, 4, 6]].mean(axis=0))
    assert np.isclose(t.loss, _loss(t.v, t.U, t.labels))
    assert np.allclose(t.grad_v, _numeric_grad(lambda v: _loss(v, t.U, t.labels), t.v.copy()), atol=1e-6)
    assert np.allclose(t.grad_U, _numeric_grad(lambda U: _loss(t.v, U, t.labels), t.U.copy()), atol=1e-6)
    # and a small step along -grad lowers the loss
    assert _loss(t.v - 1e-3 * t.grad_v, t.U - 1e-3 * t.grad_U, t.labels) < t.loss


def test_steps_are_pure_and_repeated_negatives_accumulate():
    emb, ctx = init_params(6, 4, seed=0, context_init="random")
    e0, c0 = emb.copy(), ctx.copy()
    new_emb, new_ctx, t = sgns_step(emb, ctx, 1, 2, [3, 3], 0.1)
    assert (emb == e0).all() and (ctx == c0).all()
    assert np.allclose(new_ctx[3] - ctx[3], t.delta_U[1] + t.delta_U[2])
    new_emb, new_ctx, t = cbow_step(emb, ctx, [0, 0, 4], 2, [3], 0.1)
    assert (emb == e0).all() and (ctx == c0).all()
    assert np.allclose(new_emb[0] - emb[0], 2 * t.delta_v) and np.allclose(new_emb[4] - emb[4], t.delta_v)


def test_cbow_sum_divides_the_update_like_gensim():
    emb, ctx = init_params(6, 4, seed=0, context_init="random")
    _, _, tm = cbow_step(emb, ctx, [0, 4], 2, [3], 0.1, cbow_mean=True)
    new_emb, _, ts = cbow_step(emb, ctx, [0, 4], 2, [3], 0.1, cbow_mean=False)
    assert np.allclose(ts.v, emb[0] + emb[4])
    assert np.allclose(ts.delta_v, -0.1 * ts.grad_v / 2)
    assert np.allclose(tm.delta_v, -0.1 * tm.grad_v)
    with pytest.raises(ValueError):
        cbow_step(emb, ctx, [], 2, [3], 0.1)


def test_repeated_steps_learn_the_pair():
    emb, ctx = init_params(5, 8, seed=1)
    for _ in range(200):
        emb, ctx, t = sgns_step(emb, ctx, 0, 1, [2, 3], 0.2)
    assert t.sigmoids[0] > 0.9 and (t.sigmoids[1:] < 0.1).all()
