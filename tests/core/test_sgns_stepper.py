"""w2v_core.sgns_demo.Stepper, page 6's state machine: show a step, apply it, run n, reset; same steps as sgns_step."""
import numpy as np
import pytest

from w2v_core.sgns import cbow_step, init_params, sgns_step
from w2v_core.sgns_demo import Stepper, StepperData, run_steps
from w2v_core.text import split_sentences

TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."
DIM, K, ALPHA, SEED = 4, 2, 0.1, 1957


@pytest.fixture(scope="module")
def data():
    return StepperData.from_sentences(split_sentences(TEXT), window=2)


def start(data):
    return init_params(len(data.vocab), DIM, SEED, context_init="random")


def test_next_shows_the_articles_first_step_then_applies_it(data):
    st = Stepper(data, DIM, K, ALPHA, SEED)
    E, C = start(data)
    assert st.phase == "start" and st.trace is None and st.step == 0
    st.next()
    c, o, negs = data.sample(0, K, SEED)
    E1, C1, tr = sgns_step(E, C, c, o, negs, ALPHA)
    words = data.vocab.index_to_key
    assert [words[i] for i in st.trace.inputs] == ["not"]
    assert [words[i] for i in st.trace.targets] == ["thou", "aaron", "taco"]
    np.testing.assert_array_equal(st.trace.sigmoids, tr.sigmoids)
    assert st.phase == "computed" and st.step == 0 and len(st.losses) == 0
    np.testing.assert_array_equal(st.embedding, E)  # computed, not applied
    np.testing.assert_array_equal(st.context, C)
    assert st.compute() is st.trace  # computing again while pending changes nothing
    st.next()
    assert st.phase == "applied" and st.step == 1
    np.testing.assert_array_equal(st.embedding, E1)
    np.testing.assert_array_equal(st.context, C1)
    assert st.losses.tolist() == [np.float32(tr.loss)]


def test_one_click_next_and_run_equal_run_steps(data):
    a, b = Stepper(data, DIM, K, ALPHA, SEED), Stepper(data, DIM, K, ALPHA, SEED)
    for _ in range(25):
        a.next(one_click=True)
        assert a.phase == "applied"
    b.run(25)
    E, C, losses, last = run_steps(*start(data), data, 0, 25, K, ALPHA, SEED)
    for st in (a, b):
        assert st.step == 25 and st.phase == "applied"
        np.testing.assert_array_equal(st.embedding, E)
        np.testing.assert_array_equal(st.context, C)
        np.testing.assert_array_equal(st.losses, losses.astype(np.float32))
        np.testing.assert_array_equal(st.trace.U_after, last.U_after)  # the trace shown is the last step's


def test_run_applies_a_pending_step_first(data):
    st = Stepper(data, DIM, K, ALPHA, SEED).next()
    assert st.phase == "computed"
    st.run(10)
    assert st.step == 11 and len(st.losses) == 11
    np.testing.assert_array_equal(st.embedding, run_steps(*start(data), data, 0, 11, K, ALPHA, SEED)[0])
    with pytest.raises(ValueError):
        st.run(0)


def test_reset_returns_to_the_seeded_start(data):
    st = Stepper(data, DIM, K, ALPHA, SEED).run(30).next()
    st.reset()
    E, C = start(data)
    assert (st.step, len(st.losses), st.phase, st.trace) == (0, 0, "start", None)
    np.testing.assert_array_equal(st.embedding, E)
    np.testing.assert_array_equal(st.context, C)
    st.next().next()  # and steps exactly as a fresh one
    np.testing.assert_array_equal(st.embedding, Stepper(data, DIM, K, ALPHA, SEED).run(1).embedding)


def test_cbow_traces_have_the_same_fields_as_skipgram(data):
    st = Stepper(data, DIM, K, ALPHA, SEED, sg=0).next()
    ctx, c, negs = data.sample_cbow(0, K, SEED)
    E, C = start(data)
    E1, _, tr = cbow_step(E, C, ctx, c, negs, ALPHA)
    assert st.trace.inputs == ctx.tolist() and len(st.trace.inputs) == 4
    assert st.trace.V.shape == st.trace.v_after.shape == (4, DIM)
    np.testing.assert_array_equal(st.trace.V, E[ctx])
    np.testing.assert_allclose(st.trace.v, E[ctx].mean(axis=0), rtol=1e-6)  # h, the mean of the input rows
    np.testing.assert_array_equal(st.trace.v_after, E1[ctx])
    sg = Stepper(data, DIM, K, ALPHA, SEED).next().trace
    assert len(sg.inputs) == 1 and sg.V.shape == sg.v_after.shape == (1, DIM)
    np.testing.assert_array_equal(sg.V[0], sg.v)
    np.testing.assert_array_equal(Stepper(data, DIM, K, ALPHA, SEED, sg=0).run(40).embedding,
                                  run_steps(E, C, data, 0, 40, K, ALPHA, SEED, sg=0)[0])


def test_an_overflowing_step_raises_and_changes_nothing(data):
    st = Stepper(data, DIM, K, 1e30, SEED).next(one_click=True)  # the first step fits float32, the next cannot
    state = (st.embedding, st.context, st.step, st.losses, st.phase, st.trace)
    for move in (st.next, lambda: st.run(5)):
        with pytest.raises(ValueError, match="learning rate too high"):
            move()
        after = (st.embedding, st.context, st.step, st.losses, st.phase, st.trace)
        assert all(a is b for a, b in zip(after, state))  # not even reassigned


@pytest.mark.parametrize("one_click", [False, True])
@pytest.mark.parametrize("sg", [1, 0])
def test_back_retraces_every_next_exactly(data, one_click, sg, monkeypatch):
    monkeypatch.setattr(Stepper, "_replay", lambda *a: pytest.fail("stepped again: the traces should suffice"))
    st = Stepper(data, DIM, K, ALPHA, SEED, sg=sg)
    seen = []
    for _ in range(7):
        seen.append((st.step, st.phase, st.embedding, st.context, st.trace, st.losses))
        st.next(one_click=one_click)
    for step, phase, E, C, trace, losses in reversed(seen):
        st.back(one_click=one_click)
        assert (st.step, st.phase) == (step, phase)
        np.testing.assert_array_equal(st.embedding, E)
        np.testing.assert_array_equal(st.context, C)
        np.testing.assert_array_equal(st.losses, losses)
        if trace is None:
            assert st.trace is None
        else:
            assert st.trace.inputs == trace.inputs and st.trace.loss == trace.loss
            np.testing.assert_array_equal(st.trace.v_after, trace.v_after)
    assert (st.step, st.phase) == (0, "start")
    assert st.back().phase == "start"  # nothing before the start
    st.run(3).next()
    assert (st.back().step, st.phase) == (3, "applied")  # a computed step is dropped


def forward(data, step, phase, sg=1):
    """The state (step, phase) reached by moving forward only, for comparison."""
    st = Stepper(data, DIM, K, ALPHA, SEED, sg=sg)
    if step:
        st.run(step)
    return st.next() if phase == "computed" else st


@pytest.mark.parametrize("undo", [100, 3])
def test_back_after_run_and_beyond_the_kept_traces_steps_again(data, undo, monkeypatch):
    monkeypatch.setattr(Stepper, "UNDO", undo)  # 3: the fourth back in a row has no trace left and replays
    st = Stepper(data, DIM, K, ALPHA, SEED, sg=0).run(20)
    for _ in range(6):
        st.next()
    for _ in range(16):
        before = (st.step, st.phase)
        st.back()
        assert (st.step, st.phase) == ((before[0], "applied") if before[1] == "computed" else
                                       (before[0] - 1, "computed"))
        ref = forward(data, st.step, st.phase, sg=0)
        np.testing.assert_array_equal(st.embedding, ref.embedding)
        np.testing.assert_array_equal(st.context, ref.context)
        np.testing.assert_array_equal(st.losses, ref.losses)
        np.testing.assert_array_equal(st.trace.scores, ref.trace.scores)
