"""Page 7's word trails: the frames a run kept, replayed when other words are asked for, drawn as an animation.

A run snapshots the words on the map when it started (ui/lab_runs.py). Asking for other words (the map words were
edited, "why neighbours" picked two others) replays the run from its seed up to where it is now, recording those
words too: training is deterministic (workers=1) and the replay takes the same chunks, so its frames are the frames
the run would have kept. That costs one more training (well under a second on the toy corpora) only when needed.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from ui import alt, lab, lab_runs
from ui.i18n import t
from ui.trail_map import trail_map
from w2v_core.align import aligned_trails, trail_coords

MAX_TRACKED = 2 * lab.MAX_MAP_WORDS  # rows a run snapshots at most (a replay adds to them, within this bound)


def _replay(run: lab_runs.Run, words: list[str]) -> None:
    """Train the run's settings again from the seed up to the run's point, snapshotting `words` as well."""
    vocab = run.model.vocab
    keep = [vocab.index_to_key[i] for i in run.tracked]
    keep = keep if len(keep) + len(words) <= MAX_TRACKED else []
    again = lab_runs.new_run(run.key, run.corpus, run.settings, words=[*keep, *words])
    again.chunk = run.chunk
    target = run.words_done()
    with st.spinner(t("p7.replaying")):
        while again.words_done() < target and not again.done and not again.error:
            again.advance()
    run.tracked, run.frames = again.tracked, again.frames


def history(run: lab_runs.Run, words: list[str]) -> tuple[list[int], np.ndarray]:
    """(words done at each frame, rows (T, n, d)) of `words` (all in the vocabulary), replaying if needed."""
    index = run.model.vocab.key_to_index
    ids = [index[w] for w in words]
    if not set(ids) <= set(run.tracked) or not run.frames:
        _replay(run, words)
    pos = {i: k for k, i in enumerate(run.tracked)}
    sel = [pos[i] for i in ids]
    done, rows = [f[1] for f in run.frames], [f[2][sel] for f in run.frames]
    if done[-1] != run.words_done():  # paused between two marks: now is the last frame (shown, not kept)
        done, rows = done + [run.words_done()], rows + [run.model.embedding_rows(ids)]
    return done, np.stack(rows)  # (T,), (T, n, d)


def _labels(run: lab_runs.Run, done: list[int]) -> list[str]:
    total = max(1, run.model.total_words)
    return [f"{100 * d / total:.0f}%" for d in done]


def _figure(xy, run, done, words, groups) -> tuple:
    """(the animation, its text alternative) for coordinates xy (T, n, 2)."""
    fig = trail_map(xy, words, groups, _labels(run, done), play=t("p7.trail_play"), pause=t("p7.trail_pause"),
                    slider_prefix=t("p7.trail_slider"))
    moved = np.linalg.norm(xy[-1] - xy[0], axis=1)  # (n,) how far each word went on the map
    far = [words[i] for i in np.argsort(-moved)[:3]]
    return fig, t("p7.alt_trails", n=len(words), frames=len(done), far=", ".join(far))


def _memo(run: lab_runs.Run, name: str, key: tuple, make):
    """`make()` once for this key (what the figures were drawn for: words, groups, language, frames): a rerun that
    changed nothing reuses them instead of projecting and validating ~30 frames again."""
    if run.memo.get(name, (None,))[0] != key:
        run.memo[name] = (key, make())
    return run.memo[name][1]


def trails_tab(run: lab_runs.Run, words: list[str], groups: list[str]) -> None:
    """One run's map as an animation from its random start to now."""
    st.markdown(t("p7.trails_intro"))
    if run.settings["vector_size"] < 2 or len(words) < 2:
        st.caption(t("p7.map_unavailable"))
        return
    done, frames = history(run, words)
    if len(done) < 2:
        st.caption(t("p7.trails_none"))
        return
    key = (tuple(words), tuple(groups), t("p7.trail_play"), tuple(done))
    fig, text = _memo(run, "trails", key, lambda: _figure(trail_coords(frames), run, done, words, groups))
    alt.plot(fig, text, key="p7_trails_chart")
    st.caption(t("p7.trails_how", frames=len(done)))


def pair_trails(runs: list, names: list[str], words: list[str], groups: list[str], key: str) -> None:
    """Two finished runs of one comparison, side by side, run B turned onto run A (Procrustes) in A's plane."""
    if runs[0].settings["vector_size"] < 2 or len(words) < 3:
        return
    (done_a, fa), (done_b, fb) = (history(r, words) for r in runs)

    def make() -> list:
        return [_figure(xy, run, done, words, groups)
                for xy, run, done in zip(aligned_trails(fa, fb), runs, (done_a, done_b))]

    figures = _memo(runs[0], "pair", (runs[1].key, tuple(words), tuple(groups), t("p7.trail_play"),
                                      tuple(done_a), tuple(done_b)), make)
    cols = st.columns(2)
    for col, (fig, text), name, side in zip(cols, figures, names, ("a", "b")):
        col.markdown(f"**{name}**")
        alt.plot(fig, text, key=f"{key}_trails_{side}", where=col)
    st.caption(t("p7.trails_pair_how"))
