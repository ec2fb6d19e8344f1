"""The SGNS stepper of page 6: which pair and which negatives each step uses, and the step-by-step state machine.

Everything loops over `w2v_core.sgns.sgns_step` (or `cbow_step`), the same steps the trainer is tested against, so
the stepper shows exactly the arithmetic that trains the vectors. Negatives for step `s` come from
`default_rng([seed, s])`: running 1000 steps at once lands on the same matrices as clicking "next" 1000 times.

>>> from w2v_core.text import split_sentences
>>> ds = StepperData.from_sentences(split_sentences("thou shalt not make a machine"), window=2)
>>> [ds.vocab.index_to_key[i] for i in ds.pairs[0]]
['not', 'thou']
>>> ctx, centre = ds.cbow[0]
>>> [ds.vocab.index_to_key[i] for i in ctx], ds.vocab.index_to_key[centre]
(['thou', 'shalt', 'make', 'a'], 'not')
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from w2v_core.samples import NegativeSampler, cbow_samples, skipgram_pairs
from w2v_core.sgns import SGNSTrace, cbow_step, init_params, sgns_step
from w2v_core.text import Vocab


@dataclass
class StepperData:
    """The vocabulary, the skip-gram (input, context) id pairs and the CBOW (context ids, centre) samples."""

    vocab: Vocab
    pairs: np.ndarray  # (P, 2) int: centre id, context id; starts at the article's first full window
    cbow: list = field(default_factory=list)  # [(context ids (C,), centre id)], starting at the same position
    _samplers: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_sentences(cls, sentences: list[list[str]], window: int = 2) -> "StepperData":
        """Pairs sentence by sentence (windows never cross a sentence end), without shrinking.

        The stream is rotated so it starts at the first word of the first sentence that has `window` words on its
        left (for "thou shalt not make ..." and window 2 that is `not`, paired first with `thou`, as in the article).
        """
        sentences = [s for s in sentences if s]
        vocab = Vocab.from_sentences(sentences, min_count=1)
        rows, start = [], None
        for si, sent in enumerate(sentences):
            for p in skipgram_pairs(sent, window):
                if start is None and si == 0 and p["position"] >= min(window, len(sent) - 1):
                    start = len(rows)
                rows.append((vocab.key_to_index[p["input"]], vocab.key_to_index[p["output"]]))
        if not rows:
            raise ValueError("no (input, context) pairs: the text needs at least two words in one sentence")
        pairs = np.array(rows, dtype=np.int64)  # (P, 2)
        cbow, cstart = [], None
        for si, sent in enumerate(sentences):
            for c in cbow_samples(sent, window):
                if cstart is None and si == 0 and c["position"] >= min(window, len(sent) - 1):
                    cstart = len(cbow)
                cbow.append((vocab.encode(c["context"]).astype(np.int64), vocab.key_to_index[c["center"]]))
        cstart = cstart or 0
        return cls(vocab, np.roll(pairs, -(start or 0), axis=0), cbow[cstart:] + cbow[:cstart])

    def sample(self, step: int, negative: int, seed: int, ns_exponent: float = 0.75) -> tuple[int, int, np.ndarray]:
        """(centre, context word, negatives) of step `step`; negatives never repeat the centre or the context word."""
        center, ctx = (int(x) for x in self.pairs[step % len(self.pairs)])
        return center, ctx, self._negatives(step, negative, seed, ns_exponent, (center, ctx))

    def sample_cbow(self, step: int, negative: int, seed: int, ns_exponent: float = 0.75):
        """(context ids, centre, negatives) of CBOW step `step`; negatives never repeat the centre (the target)."""
        ctx, center = self.cbow[step % len(self.cbow)]
        return ctx, int(center), self._negatives(step, negative, seed, ns_exponent, (center,))

    def _negatives(self, step, negative, seed, ns_exponent, exclude) -> np.ndarray:
        sampler = self._samplers.get(ns_exponent)
        if sampler is None:  # one table per exponent; only its generator changes from step to step
            sampler = self._samplers[ns_exponent] = NegativeSampler(self.vocab.counts, ns_exponent=ns_exponent)
        sampler.rng = np.random.default_rng([seed, step])
        return np.asarray(sampler.draw(negative, exclude=exclude), dtype=np.int64)


def max_negative(vocab_size: int) -> int:
    """How many distinct negatives fit in skip-gram: every word except the centre and its context word."""
    return max(vocab_size - 2, 0)


def run_steps(embedding, context, data: StepperData, start: int, n_steps: int, negative: int, alpha: float, seed: int,
              ns_exponent: float = 0.75, sg: int = 1):
    """Apply `n_steps` steps (skip-gram when `sg`, else CBOW with the mean) from step index `start`.

    Returns (embedding, context, losses, last trace).
    """
    losses = np.empty(n_steps)
    trace = None
    for i in range(n_steps):
        embedding, context, trace = one_step(embedding, context, data, start + i, negative, alpha, seed,
                                             ns_exponent, sg)
        losses[i] = trace.loss
    return embedding, context, losses, trace


def one_step(embedding, context, data: StepperData, step: int, negative: int, alpha: float, seed: int,
             ns_exponent: float = 0.75, sg: int = 1):
    """Step number `step` (skip-gram `sgns_step`, or CBOW `cbow_step` with the mean): (embedding, context, trace).

    Raises ``ValueError`` (see :func:`check_step`) instead of returning overflowed vectors.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # checked below, with a message a learner can act on
        if sg:
            center, ctx, negs = data.sample(step, negative, seed, ns_exponent)
            embedding, context, trace = sgns_step(embedding, context, center, ctx, negs, alpha)
        else:
            ctx, center, negs = data.sample_cbow(step, negative, seed, ns_exponent)
            embedding, context, trace = cbow_step(embedding, context, ctx, center, negs, alpha)
    check_step(trace, step)
    return embedding, context, trace


def check_step(trace, step: int = 0) -> None:
    """Raise ``ValueError`` when a step produced inf/NaN: the learning rate is too high and the vectors blew up."""
    if not (np.isfinite(trace.loss) and np.isfinite(trace.v_after).all() and np.isfinite(trace.U_after).all()):
        raise ValueError(f"learning rate too high: the vectors overflowed at step {step + 1}")


class Stepper:
    """One SGNS/CBOW step at a time, shown before it is applied: the state machine behind page 6's buttons.

    ``phase`` is ``"start"`` (nothing computed yet), ``"computed"`` (``trace`` is the next step, worked out but not
    yet applied: the matrices are as before it) or ``"applied"`` (``trace`` is the step just applied).
    ``step`` counts applied steps; step ``s`` always uses ``data``'s sample ``s``, so :meth:`run` lands on the
    same matrices as pressing :meth:`next` again and again, and :meth:`back` retraces them exactly. A step that
    overflows raises ``ValueError`` and changes nothing.

    >>> from w2v_core.text import split_sentences
    >>> st = Stepper(StepperData.from_sentences(split_sentences("thou shalt not make a machine")), dim=3, negative=2)
    >>> st.next().phase, st.step, [st.data.vocab.index_to_key[i] for i in st.trace.inputs]
    ('computed', 0, ['not'])
    >>> st.next().phase, st.step, st.run(10).step, len(st.losses)
    ('applied', 1, 11, 11)
    >>> st.back().phase, st.step, st.back().phase, st.step
    ('computed', 10, 'applied', 10)
    """

    UNDO = 50  # traces kept for back() (a few kB each); older steps are stepped again from the start (slower, as exact)

    def __init__(self, data: StepperData, dim: int, negative: int, alpha: float = 0.1, seed: int = 1, sg: int = 1,
                 ns_exponent: float = 0.75):
        self.data, self.dim, self.negative, self.alpha = data, dim, negative, alpha
        self.seed, self.sg, self.ns_exponent = seed, sg, ns_exponent
        self.reset()

    def reset(self) -> "Stepper":
        """Back to the seeded start (the same matrices every time for the same settings)."""
        # context starts small and random (not gensim's zeros) so its heatmap is not blank before the first step
        self.embedding, self.context = init_params(len(self.data.vocab), self.dim, self.seed, context_init="random")
        self.step = 0  # steps applied so far
        self.losses = np.empty(0, np.float32)  # (step,) float32: 4 bytes a step per user
        self.phase = "start"
        self.trace: SGNSTrace | None = None
        self._pending = None  # (embedding, context) after the computed step
        self._done: list[SGNSTrace] = []  # traces of the last applied steps, newest last: what back() undoes
        return self

    def compute(self) -> SGNSTrace:
        """Work out step ``self.step`` on the current matrices without applying it (idempotent while pending)."""
        if self.phase != "computed":
            emb, ctx, trace = one_step(self.embedding, self.context, self.data, self.step, self.negative, self.alpha,
                                       self.seed, self.ns_exponent, self.sg)
            self.trace, self._pending, self.phase = trace, (emb, ctx), "computed"
        return self.trace

    def apply(self) -> "Stepper":
        """Apply the computed step (nothing to do in any other phase)."""
        if self.phase == "computed":
            self.embedding, self.context = self._pending
            self._pending = None
            self.losses = np.append(self.losses, np.float32(self.trace.loss))
            self.step += 1
            self.phase = "applied"
            self._done.append(self.trace)
            del self._done[:-self.UNDO]
        return self

    def next(self, one_click: bool = False) -> "Stepper":
        """The "Next step" button: apply a computed step, else compute the next one (and apply it if one_click)."""
        if self.phase == "computed":
            return self.apply()
        self.compute()
        return self.apply() if one_click else self

    def run(self, n: int) -> "Stepper":
        """Apply a pending step, then ``n`` >= 1 more; the last keeps its trace. All or none of the ``n`` happen."""
        if n < 1:
            raise ValueError(f"run needs n >= 1, got {n}")
        self.apply()
        emb, ctx, losses, _ = run_steps(self.embedding, self.context, self.data, self.step, n - 1, self.negative,
                                        self.alpha, self.seed, self.ns_exponent, self.sg)
        emb, ctx, trace = one_step(emb, ctx, self.data, self.step + n - 1, self.negative, self.alpha, self.seed,
                                   self.ns_exponent, self.sg)  # the last step on its own, so its trace can be shown
        self.embedding, self.context, self.trace, self.phase = emb, ctx, trace, "applied"
        self.losses = np.concatenate([self.losses, losses.astype(np.float32), [np.float32(trace.loss)]])
        self.step += n
        self._done = [trace]  # the steps before it kept no trace
        return self

    def back(self, one_click: bool = False) -> "Stepper":
        """Undo one :meth:`next` press: an applied step is shown again, not applied (``one_click``: undone
        entirely); a computed one is dropped. Exact: a trace keeps every row its step changed as it was before."""
        if self.phase == "applied":
            self._unapply()
            if not one_click:
                return self
        if self.phase != "computed":  # at the start: nothing to undo
            return self
        self._pending = None
        if self.step == 0:
            return self.reset()
        if self._done:  # the step before, as it was shown once applied
            self.trace, self.phase = self._done[-1], "applied"
            return self
        return self._replay(self.step)  # its trace is gone (run, or older than UNDO): step there again

    def _unapply(self) -> None:
        """(k applied, trace of step k-1) -> (k-1 applied, step k-1 computed): put back the rows the step read."""
        tr = self.trace
        self._pending = (self.embedding, self.context)
        emb, ctx = self.embedding.copy(), self.context.copy()
        emb[tr.inputs], ctx[tr.targets] = tr.V, tr.U  # every row the step changed, as it was; the rest is untouched
        self.embedding, self.context, self.step, self.phase = emb, ctx, self.step - 1, "computed"
        self.losses = self.losses[:-1]
        if self._done and self._done[-1] is tr:
            self._done.pop()

    def _replay(self, step: int) -> "Stepper":
        """The state after ``step`` applied steps, stepped again from the seeded start (cannot overflow: it was
        reached before)."""
        return self.reset().run(step)
