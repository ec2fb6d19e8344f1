"""Put vectors from different moments or different runs into one picture: a fixed PCA plane and Procrustes.

Frames of ONE run (snapshots during training) share one coordinate system: training moves words, it never turns
the space as a whole. So every frame is drawn through the same plane, the PCA plane of the final vectors
(:func:`trail_coords`): the picture cannot flip or spin between frames by construction, and what moves on screen
is what moved in the vectors (the first frames sit in one small knot because gensim's random start is tiny,
uniform in +-0.5/vector_size). Fitting a rotation per frame instead would hide real motion.

Two DIFFERENT runs (window=2 vs window=15) have no reason to share axes: any rotation of a trained model is an
equally good model. There :func:`procrustes` turns one run onto the other before both are drawn in one plane.
"""
from __future__ import annotations

import numpy as np

from .projections import pca


def procrustes(X, Y) -> np.ndarray:
    """The orthogonal ``R`` (d, d) that makes ``X @ R`` closest to ``Y``: :math:`\\min_{R^\\top R = I} \\|XR - Y\\|_F`.

    Schönemann's solution: with the SVD :math:`X^\\top Y = U \\Sigma V^\\top`, :math:`R = U V^\\top` (it maximises
    :math:`\\mathrm{tr}(R^\\top X^\\top Y)`, the only term of the norm that depends on R). Reflections are allowed:
    a mirrored model is as good a model.

    >>> X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    >>> turn = np.array([[0.0, -1.0], [1.0, 0.0]])  # 90 degrees
    >>> np.allclose(X @ procrustes(X, X @ turn), X @ turn)
    True
    """
    X, Y = np.asarray(X, np.float64), np.asarray(Y, np.float64)  # (n, d) each, rows = the same words
    if X.shape != Y.shape or X.ndim != 2:
        raise ValueError(f"need two matrices of the same shape (n, d), got {X.shape} and {Y.shape}")
    U, _, Vt = np.linalg.svd(X.T @ Y)  # (d, d) each
    return U @ Vt  # (d, d) orthogonal


def trail_coords(frames, final=None) -> np.ndarray:
    """2-D coordinates of every frame, all through the PCA plane of ``final`` (default: the last frame).

    ``frames`` (T, n, d): the same n words at T moments. Returns (T, n, 2): :math:`(F_t - \\mu) W^\\top` with the
    mean :math:`\\mu` and the two principal axes :math:`W` of the final vectors, so the last frame is exactly the
    PCA map of the final model.
    """
    frames = np.asarray(frames, np.float64)  # (T, n, d)
    if frames.ndim != 3 or frames.shape[0] < 1 or frames.shape[1] < 2 or frames.shape[2] < 2:
        raise ValueError(f"need frames of shape (T, n>=2, d>=2), got {frames.shape}")
    plane = pca(frames[-1] if final is None else final, n_components=2)
    return (frames - plane.mean) @ plane.components.T  # (T, n, 2)


def aligned_trails(frames_a, frames_b) -> tuple[np.ndarray, np.ndarray]:
    """Two runs' frames (T_a, n, d) and (T_b, n, d) of the same words in ONE plane: run b turned onto run a's
    final vectors (Procrustes on the centred final frames), then both through a's final PCA plane."""
    a, b = np.asarray(frames_a, np.float64), np.asarray(frames_b, np.float64)
    mean_a, mean_b = a[-1].mean(axis=0), b[-1].mean(axis=0)  # (d,) each: rotate about the centres
    R = procrustes(b[-1] - mean_b, a[-1] - mean_a)  # (d, d)
    b_turned = (b - mean_b) @ R + mean_a  # (T_b, n, d)
    return trail_coords(a), trail_coords(b_turned, final=a[-1])
