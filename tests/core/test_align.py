"""Snapshot alignment: Procrustes recovers a rotation, trails go through the final PCA plane, two runs share one."""
import numpy as np
import pytest

from w2v_core.align import aligned_trails, procrustes, trail_coords
from w2v_core.projections import pca


def random_rotation(d, rng):
    q, r = np.linalg.qr(rng.normal(size=(d, d)))
    return q * np.sign(np.diag(r))  # (d, d) orthogonal


@pytest.mark.parametrize("d", [2, 5, 50])
def test_an_aligned_rotated_copy_matches(d):
    rng = np.random.default_rng(d)
    X = rng.normal(size=(2 * d + 10, d))  # more points than dimensions: the rotation is pinned down
    Q = random_rotation(d, rng)
    R = procrustes(X, X @ Q)
    np.testing.assert_allclose(R.T @ R, np.eye(d), atol=1e-10)  # orthogonal
    np.testing.assert_allclose(X @ R, X @ Q, atol=1e-9)
    np.testing.assert_allclose(R, Q, atol=1e-8)


def test_procrustes_is_the_best_rotation_with_noise():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 4))
    Y = X @ random_rotation(4, rng) + 0.05 * rng.normal(size=(40, 4))
    best = np.linalg.norm(X @ procrustes(X, Y) - Y)
    for _ in range(50):  # no random orthogonal matrix does better
        assert np.linalg.norm(X @ random_rotation(4, rng) - Y) >= best


def test_procrustes_refuses_mismatched_shapes():
    with pytest.raises(ValueError):
        procrustes(np.ones((3, 2)), np.ones((4, 2)))


def test_trail_ends_at_the_final_pca_map_and_frames_share_one_plane():
    rng = np.random.default_rng(2)
    final = rng.normal(size=(10, 6))
    frames = np.stack([0.1 * rng.normal(size=(10, 6)), 0.5 * final, final])  # (3, 10, 6)
    xy = trail_coords(frames)
    assert xy.shape == (3, 10, 2)
    np.testing.assert_allclose(xy[-1], pca(final, 2).coords, atol=1e-10)
    plane = pca(final, 2)  # a frame that is a scaled copy about the mean lands on the scaled map
    np.testing.assert_allclose(xy[1], plane.project(0.5 * final), atol=1e-10)


def test_two_runs_one_plane_undoes_a_rotation_between_runs():
    rng = np.random.default_rng(3)
    a = rng.normal(size=(4, 12, 8))  # (T, n, d)
    Q = random_rotation(8, rng)
    b = a @ Q + 1.0  # run b: the same motion, turned and shifted
    ta, tb = aligned_trails(a, b)
    np.testing.assert_allclose(tb, ta, atol=1e-9)
