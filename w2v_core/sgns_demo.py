"""The SGNS stepper's data stream and batch runner (page 6): which pair and which negatives each step uses.

Everything loops over `w2v_core.sgns.sgns_step`, the same step the trainer is tested against, so the stepper shows
exactly the arithmetic that trains the vectors. Negatives for step `s` come from `default_rng([seed, s])`: running
1000 steps at once lands on the same matrices as clicking "next" 1000 times.

>>> from w2v_core.text import split_sentences
>>> ds = StepperData.from_sentences(split_sentences("thou shalt not make a machine"), window=2)
>>> [ds.vocab.index_to_key[i] for i in ds.pairs[0]]
['not', 'thou']
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from w2v_core.samples import NegativeSampler, skipgram_pairs
from w2v_core.sgns import sgns_step
from w2v_core.text import Vocab


@dataclass
class StepperData:
    """The vocabulary and the skip-gram (input, context) id pairs the stepper cycles through."""

    vocab: Vocab
    pairs: np.ndarray  # (P, 2) int: centre id, context id; starts at the article's first full window
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
        return cls(vocab, np.roll(pairs, -(start or 0), axis=0))

    def sample(self, step: int, negative: int, seed: int, ns_exponent: float = 0.75) -> tuple[int, int, np.ndarray]:
        """(centre, context word, negatives) of step `step`; negatives never repeat the centre or the context word."""
        center, ctx = (int(x) for x in self.pairs[step % len(self.pairs)])
        sampler = self._samplers.get(ns_exponent)
        if sampler is None:  # one table per exponent; only its generator changes from step to step
            sampler = self._samplers[ns_exponent] = NegativeSampler(self.vocab.counts, ns_exponent=ns_exponent)
        sampler.rng = np.random.default_rng([seed, step])
        return center, ctx, np.asarray(sampler.draw(negative, exclude=(center, ctx)), dtype=np.int64)


def max_negative(vocab_size: int) -> int:
    """How many distinct negatives fit: every word except the centre and its context word."""
    return max(vocab_size - 2, 0)


def run_steps(embedding, context, data: StepperData, start: int, n_steps: int, negative: int, alpha: float, seed: int,
              ns_exponent: float = 0.75):
    """Apply `n_steps` SGNS steps from step index `start`; returns (embedding, context, losses, last trace)."""
    losses = np.empty(n_steps)
    trace = None
    for i in range(n_steps):
        center, ctx, negs = data.sample(start + i, negative, seed, ns_exponent)
        embedding, context, trace = sgns_step(embedding, context, center, ctx, negs, alpha)
        losses[i] = trace.loss
    return embedding, context, losses, trace
