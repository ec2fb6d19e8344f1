"""The checkpoints of pages 5-8: each takes the page's live values, computes its answer with w2v_core, asks it.

Same pattern as `ui/questions.py` (pages 1-4): a page calls one function per checkpoint with what it has already
computed; the function builds the translated question, reason and next step (user words escaped) and draws it with
`ui.checkpoint.checkpoint`. Choice labels are plain text (the checkpoint escapes them).
"""
from __future__ import annotations

import numpy as np

from ui.checkpoint import checkpoint
from ui.i18n import current_lang, t
from ui.words import md_escape
from w2v_core.checks_training import (BUCKETS, change_bucket, closer, group_means, positive_sigmoid, sample_views,
                                      upcoming_trace, window_sides)

LUCK = 0.05  # sigmoids all this close to 0.5: the model has no opinion yet
P5_POS = 1  # page 5 asks about the second word: the sentence start cuts its window short


def _b(word: str) -> str:
    return f"**{md_escape(word)}**"


def _words(words) -> str:
    return ", ".join(_b(w) for w in words)


# ---------------------------------------------------------------- page 5
def _p5_position(tokens, samples, window: int) -> tuple[int, int]:
    """The asked position and its effective window (shrunk at random when the toggle is on: from the samples)."""
    pos = min(P5_POS, len(tokens) - 1)
    return pos, next((s["window"] for s in samples if s["position"] == pos), window)


def p5_pairs(tokens: list[str], window: int, sg: list[dict], context) -> bool:
    """p5: how many skip-gram pairs does the second word produce with this window?"""
    pos, eff = _p5_position(tokens, sg, window)
    left, right = window_sides(len(tokens), pos, eff)
    answer = sum(s["position"] == pos for s in sg)
    q = t("checkpoint.p5_pairs_q", pos=pos + 1, word=_b(tokens[pos]), window=window)
    if eff != window:
        q += " " + t("checkpoint.p5_pairs_shrunk", eff=eff)
    full = 2 * eff
    return checkpoint(
        "p5.pairs", q, answer, kind="number", lo=0, hi=10, step=1, context=context,
        reason=t("checkpoint.p5_pairs_why", pos=pos + 1, left=left, right=right, eff=eff, n=answer) +
        (" " + t("checkpoint.p5_pairs_cut", eff=eff, full=full) if answer < full else ""),
        about_yours=lambda v: t("checkpoint.p5_pairs_full", full=full) if v == full != answer else "",
        next_step=t("checkpoint.p5_pairs_next", pos=pos + 1))


def _sample_text(samples) -> str:
    return " · ".join(f"{', '.join(i)} → {', '.join(o)}" for i, o in samples)


def p5_cbow(tokens: list[str], window: int, cbow: list[dict], context) -> bool:
    """p5: which samples does CBOW make from the same position (against skip-gram's pairs and two misreadings)?"""
    pos, eff = _p5_position(tokens, cbow, window)
    views = sample_views(tokens, pos, eff)
    if views["wide"] == views["cbow"]:  # the sentence is too short for a wider window to add a word
        views.pop("wide")
    if len(views["pairs"]) == 1:  # one context word: "reversed" would read exactly like skip-gram's pair
        views.pop("reversed")
    lang = current_lang()
    labels = {k: t("checkpoint.p5_cbow_one" if len(v) == 1 else "checkpoint.p5_cbow_many", lang=lang, n=len(v),
                   samples=_sample_text(v))
              for k, v in views.items()}
    k = len(views["pairs"])
    return checkpoint(
        "p5.cbow", t("checkpoint.p5_cbow_q", pos=pos + 1, word=_b(tokens[pos]), window=window), "cbow",
        options=sorted(views, key=labels.get), format_func=labels.get, context=context,
        reason=t("checkpoint.p5_cbow_why", k=k, word=_b(tokens[pos]), words=_words(views["cbow"][0][0])),
        about_yours=lambda v: t(f"checkpoint.p5_cbow_yours_{v}", k=k, wide=eff + 1, window=eff),
        next_step=t("checkpoint.p5_cbow_next"))


# ---------------------------------------------------------------- page 6
def _roles(tr, words, lang: str) -> list[str]:
    """Each target of a step as a choice label: the word and whether it is the true one or a negative."""
    return [t("checkpoint.p6_true" if j == 0 else "checkpoint.p6_negative", lang=lang, word=words[int(i)])
            for j, i in enumerate(tr.targets)]


def p6_highest(sim, words: list[str], context) -> bool:
    """p6, before "Next step": which target of the coming step gets the highest sigmoid?"""
    try:
        tr = upcoming_trace(sim)
    except ValueError:  # this step overflows (learning rate too high): nothing to predict, the page says why
        return checkpoint("p6.highest", t("checkpoint.p6_high_q_none"), None, context=context)
    lang = current_lang()
    labels = _roles(tr, words, lang)
    sig = np.asarray(tr.sigmoids, dtype=float)  # (K+1,)
    targets = [words[int(i)] for i in tr.targets]
    q = t("checkpoint.p6_high_q" if sim.sg else "checkpoint.p6_high_q_cbow", step=sim.step + 1,
          inputs=_words(words[i] for i in tr.inputs), target=_b(targets[0]), negatives=_words(targets[1:]))
    values = ", ".join(f"σ({md_escape(w)}) = {s:.4f}" for w, s in zip(targets, sig))
    return checkpoint(
        "p6.highest", q, int(np.argmax(sig)), options=list(range(len(labels))), format_func=labels.__getitem__,
        check=lambda v: sig[int(v)] >= sig.max(), context=context,  # a negative drawn twice ties with itself
        reason=t("checkpoint.p6_high_why", values=values, spread=f"{np.ptp(sig):.4f}", err=f"{tr.errors[0]:+.4f}") +
        (" " + t("checkpoint.p6_high_luck") if np.abs(sig - 0.5).max() < LUCK else ""),
        next_step=t("checkpoint.p6_high_next"))


def p6_moved(sim, words: list[str], context) -> bool:
    """p6, after a step was applied: did sigma(input . true target) go up or down, and roughly by how much?"""
    tr = sim.trace
    before = float(tr.sigmoids[0])
    after = positive_sigmoid(sim.embedding, sim.context, tr.inputs, int(tr.targets[0]))
    lang = current_lang()
    return checkpoint(
        "p6.moved", t("checkpoint.p6_moved_q" if sim.sg else "checkpoint.p6_moved_q_cbow", step=sim.step,
                      inputs=_words(words[i] for i in tr.inputs), target=_b(words[int(tr.targets[0])])),
        change_bucket(before, after), options=BUCKETS, format_func=lambda k: t(f"checkpoint.p6_moved_{k}", lang=lang),
        context=context,
        reason=t("checkpoint.p6_moved_why", before=f"{before:.4f}", after=f"{after:.4f}",
                 diff=f"{after - before:+.4f}", alpha=f"{tr.alpha:g}"),
        next_step=t("checkpoint.p6_moved_next"))


# ---------------------------------------------------------------- page 7
def p7_closer(kv, words: list[str], trained: bool, context) -> bool:
    """p7: after training, which of the map's second and third words is closer to its first one?

    The learner may answer before training; the answer comes from the trained model only (`trained`).
    """
    if len(set(words[:3])) < 3:
        return False
    anchor, a, b = words[:3]
    winner, sa, sb = closer(kv, anchor, a, b)
    q = t("checkpoint.p7_closer_q", anchor=_b(anchor), a=_b(a), b=_b(b))
    return checkpoint(
        "p7.closer", q, winner if trained else None, options=[a, b], format_func=str, context=context,
        wait=t("checkpoint.p7_closer_wait"),
        reason=t("checkpoint.p7_closer_why", anchor=_b(anchor), a=_b(a), b=_b(b), sa=f"{sa:.3f}", sb=f"{sb:.3f}"),
        next_step=t("checkpoint.p7_closer_next"))


# ---------------------------------------------------------------- page 8
def p8_pc1(coord, words: list[str], groups: dict[str, list[str]], n: int, context) -> bool:
    """p8: which of the colour groups lies furthest along PC1 (to the right of the PCA map)?"""
    means = group_means(coord, words, groups)
    order = sorted(means, key=means.get, reverse=True)
    q = t("checkpoint.p8_pc1_q", n=f"{n:,}")
    if len(order) < 2:  # fewer than two groups on the map: nothing to compare
        return checkpoint("p8.pc1", q, None, context=context)
    values = " · ".join(f"{md_escape(g)} {means[g]:+.2f}" for g in order)
    return checkpoint(
        "p8.pc1", q, order[0], options=list(means), format_func=str, context=context,
        reason=t("checkpoint.p8_pc1_why", values=values, top=_b(order[0]), bottom=_b(order[-1])),
        about_yours=lambda g: t("checkpoint.p8_pc1_yours", group=_b(g), place=order.index(g) + 1, n=len(order)),
        next_step=t("checkpoint.p8_pc1_next"))
