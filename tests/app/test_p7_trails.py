"""Page 7's word trails: at most 30 frames, one fixed plane (the final PCA), replays equal to a direct record."""
import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array

from ui import lab, lab_runs
from w2v_core.align import procrustes
from w2v_core.projections import pca

PAGE = "pages/p7_training_lab.py"


def frames_xy(spec) -> np.ndarray:
    """(T, n, 2) from the animation's frames."""
    return np.stack([np.column_stack([plotly_array(f["data"][0]["x"]), plotly_array(f["data"][0]["y"])])
                     for f in spec["frames"]])


def words_of(spec) -> list[str]:
    return spec["data"][1]["text"]


@pytest.mark.parametrize("lang, play", [("en", "▶ Play"), ("zh", "▶ 播放")])
def test_trails_are_bounded_and_end_on_the_final_pca_map(lang, play):
    at = open_page(PAGE, lang=lang)
    at.button(key="p7_train").click().run()
    assert not at.exception
    run = list(at.session_state["p7_runs"].values())[-1]
    assert 2 <= len(run.frames) <= lab_runs.SNAPSHOTS and run.frames[-1][1] == run.words_done()
    spec = chart_spec(at, "p7_trails_chart")
    xy, words = frames_xy(spec), words_of(spec)
    assert xy.shape[0] == len(run.frames) and len(spec["layout"]["sliders"][0]["steps"]) == xy.shape[0]
    assert spec["layout"]["sliders"][0]["steps"][-1]["label"] == "100%"
    assert spec["layout"]["updatemenus"][0]["buttons"][0]["label"] == play
    kv = run.kv()
    np.testing.assert_allclose(xy[-1], pca(kv[words], 2).coords, atol=1e-4)  # the last frame is the map
    # frame 0 is the random start seen through the same plane
    index = run.model.vocab.key_to_index
    plane = pca(kv[words], 2)
    start = run.frames[0][2][[list(run.tracked).index(index[w]) for w in words]]
    np.testing.assert_allclose(xy[0], plane.project(start), atol=1e-4)
    assert np.abs(xy[0]).max() < 0.2 * np.abs(xy[-1]).max()  # tiny random start near the centre


def test_new_map_words_replay_the_run_exactly():
    at = open_page(PAGE)
    at.button(key="p7_train").click().run()
    run = list(at.session_state["p7_runs"].values())[-1]
    before = [f[0] for f in run.frames]
    at.text_input(key="p7_words").set_value("king queen palace river").run()
    assert not at.exception
    spec = chart_spec(at, "p7_trails_chart")
    assert words_of(spec) == ["king", "queen", "palace", "river"]
    assert [f[0] for f in run.frames] == before  # the same marks as the original run
    # a run created with these words from the start records the same rows
    fresh = lab_runs.new_run(run.key, run.corpus, run.settings, words=["palace", "river"])
    fresh.train_to_end()
    pos = [list(run.tracked).index(run.model.vocab.key_to_index[w]) for w in ("palace", "river")]
    for (_, d1, rows1), (_, d2, rows2) in zip(run.frames, fresh.frames, strict=True):
        assert d1 == d2
        np.testing.assert_allclose(rows1[pos], rows2, rtol=1e-6, atol=1e-7)


def test_a_paused_run_shows_its_frames_so_far():
    at = open_page(PAGE)
    for _ in range(3):
        at.button(key="p7_step").click().run()
    run = list(at.session_state["p7_runs"].values())[-1]
    spec = chart_spec(at, "p7_trails_chart")
    assert 2 <= len(spec["frames"]) <= 4 and not run.done
    np.testing.assert_allclose(frames_xy(spec)[-1], pca(run.kv()[words_of(spec)], 2).coords, atol=1e-4)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_comparison_has_aligned_trails(lang):
    at = open_page(PAGE, lang=lang, corpus="topics_en")
    at.button(key="p7_cmp_run").click().run()
    assert not at.exception
    a, b = chart_spec(at, "p7_cmp_trails_a"), chart_spec(at, "p7_cmp_trails_b")
    runs = list(at.session_state["p7_cmp_runs"].values())
    assert sorted(r.settings["window"] for r in runs) == [2, 15]
    assert all(len(r.frames) <= lab_runs.SNAPSHOTS for r in runs) and words_of(a) == words_of(b)
    xa, xb = frames_xy(a)[-1], frames_xy(b)[-1]
    kva, kvb = (r.kv() for r in sorted(runs, key=lambda r: r.settings["window"]))
    words = words_of(a)
    np.testing.assert_allclose(xa, pca(kva[words], 2).coords, atol=1e-4)
    # B's last frame is B turned onto A (Procrustes about the means), through A's plane
    A, B = kva[words].astype(float), kvb[words].astype(float)
    turned = (B - B.mean(0)) @ procrustes(B - B.mean(0), A - A.mean(0)) + A.mean(0)
    np.testing.assert_allclose(xb, pca(A, 2).project(turned), atol=1e-4)
