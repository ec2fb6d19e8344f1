"""The checkpoints of pages 1-4: each takes the page's live values, computes its answer with w2v_core, asks it.

A page calls one function per checkpoint with what it has already computed; the function builds the translated
question, reason and next step (user words escaped) and draws it with `ui.checkpoint.checkpoint`.
"""
from __future__ import annotations

from ui.checkpoint import checkpoint
from ui.words import md_escape
from ui.i18n import current_lang, t, tr_format
from w2v_core.checks import DOWN, SAME, UP, column_choices, compare, odd_one_out, rank_of, top_choices, would_top
from w2v_core.columns import cosine_terms, shared_columns


def _words(words) -> str:
    return ", ".join(f"**{md_escape(w)}**" for w in words)


# ---------------------------------------------------------------- page 1
def p1_stretch(me, p1, scale: float) -> bool:
    """p1: does stretching (or flipping) person 1's arrow change the cosine with me? At × 1 it asks about a flip."""
    factor = scale if scale != 1 else -1.0
    before, after = cosine_terms(me, p1).cos, cosine_terms(me, [factor * x for x in p1]).cos
    lang = current_lang()  # bound for format_func (called outside the run by AppTest)
    question = t("checkpoint.p1_stretch_q" if scale != 1 else "checkpoint.p1_flip_q", scale=f"{factor:g}")
    return checkpoint(
        "p1.stretch", question, compare(before, after), options=(UP, SAME, DOWN),
        format_func=lambda k: t(f"checkpoint.p1_stretch_{k}", lang=lang), context=(tuple(me), tuple(p1), factor),
        reason=t("checkpoint.p1_stretch_why", before=f"{before:.3f}", after=f"{after:.3f}", scale=f"{factor:g}"),
        next_step=t("checkpoint.p1_stretch_next"))


# ---------------------------------------------------------------- page 2
def p2_odd_one_out(words: list[str], sims) -> bool:
    """p2: which word of the list does not belong (the palest row of the similarity heatmap)?"""
    if len(words) < 3:
        return False
    i, others = odd_one_out(sims)
    return checkpoint(
        "p2.odd", t("checkpoint.p2_odd_q"), words[i], options=words, format_func=str, context=tuple(words),
        reason=t("checkpoint.p2_odd_why", word=md_escape(words[i]), mean=f"{others[i]:.2f}",
                 top=f"{others.max():.2f}"),
        about_yours=lambda w: t("checkpoint.p2_odd_yours", word=md_escape(w), mean=f"{others[words.index(w)]:.2f}"),
        next_step=t("checkpoint.p2_odd_next"))


def p2_shared_column(words: list[str], X) -> bool:
    """p2: which column do the first two words of the list share that the other words do not?"""
    if len(words) < 3:
        return False
    sc = shared_columns(X, [0, 1])
    best, options = column_choices(sc.score, sc.agree, n=4)
    lang = current_lang()

    def side(j: int) -> str:
        return t("checkpoint.p2_red" if sc.sign[j] > 0 else "checkpoint.p2_blue", lang=lang)

    def yours(j: int) -> str:
        return "" if j == best else t("checkpoint.p2_col_yours", col=j, agree=f"{sc.agree[j]:.2f}",
                                      rest=f"{sc.rest[j]:.2f}", side=side(j))

    return checkpoint(
        "p2.column", t("checkpoint.p2_col_q", pair=_words(words[:2])), best, options=options,
        format_func=lambda j: t("checkpoint.p2_col_option", col=j, lang=lang), context=tuple(words),
        reason=t("checkpoint.p2_col_why", col=best, pair=_words(words[:2]), agree=f"{sc.agree[best]:.2f}",
                 rest=f"{sc.rest[best]:.2f}", side=side(best)),
        about_yours=yours, next_step=t("checkpoint.p2_col_next", pair=_words(words[:2])))


# ---------------------------------------------------------------- page 3
def p3_analogy(kv, positive: list[str], negative: list[str], method: str, answers: list, expr: str) -> bool:
    """p3: the learner types what the analogy gives before the list is shown; True once revealed."""
    best, score = answers[0]
    inputs = set(positive) | set(negative)

    def yours(w: str) -> str:
        rank, word = rank_of(w, answers), md_escape(w)
        if w in inputs:
            return t("checkpoint.p3_analogy_input", word=word)
        if rank:
            return t("checkpoint.p3_analogy_rank", word=word, rank=rank, score=f"{answers[rank - 1][1]:.3f}")
        if w not in kv:
            return t("checkpoint.p3_analogy_unknown", word=word, n=f"{len(kv):,}")
        return t("checkpoint.p3_analogy_far", word=word, n=len(answers))

    return checkpoint(
        "p3.analogy", t("checkpoint.p3_analogy_q", expr=md_escape(expr)), best, kind="word", show_me=True,
        context=(tuple(positive), tuple(negative), method), about_yours=yours,
        reason=t("checkpoint.p3_analogy_why", word=md_escape(best), score=f"{score:.3f}",
                 method=t(f"p3.method_{method}")),
        next_step=t("checkpoint.p3_analogy_next"))


def p3_inputs(positive: list[str], negative: list[str], answers: list, excluded: list[dict] | None) -> bool:
    """p3: had the input words been allowed, which word would head the list? (3CosAdd only: `excluded` ranks)"""
    if excluded is None:
        return False
    best, score = answers[0]
    winner = would_top(excluded, best)
    row = {r["word"]: r for r in excluded}
    close = min((r for r in excluded if r["sign"] == "positive"), key=lambda r: r["rank"])
    if winner == best:
        reason = t("checkpoint.p3_inputs_none", best=md_escape(best), score=f"{score:.3f}",
                   word=md_escape(close["word"]), rank=close["rank"], cos=f"{close['cosine']:.3f}")
    else:
        reason = t("checkpoint.p3_inputs_win", word=md_escape(winner), cos=f"{row[winner]['cosine']:.3f}",
                   best=md_escape(best), score=f"{score:.3f}")
    return checkpoint(
        "p3.inputs", t("checkpoint.p3_inputs_q"), winner, options=sorted({*positive, best}), format_func=str,
        context=(tuple(positive), tuple(negative)), reason=reason, next_step=t("checkpoint.p3_inputs_next"))


# ---------------------------------------------------------------- page 4
def p4_next_word(lm, prev: list[str], tap: str) -> bool:
    """p4: after tapping the first suggestion, which word will the toy model put first?"""
    then = [*prev, tap]
    probs, _ = lm.predict(then)
    labels = lm.vocab.index_to_key
    best, options = top_choices(probs, labels, n=4)
    seen = " ".join(then[-lm.left:])
    return checkpoint(
        "p4.next", t("checkpoint.p4_next_q", tap=md_escape(tap)), best, options=options, format_func=str,
        context=(tuple(prev[-lm.left:]), len(labels)),
        reason=t("checkpoint.p4_next_why", seen=md_escape(seen), word=md_escape(best),
                 p=f"{probs[labels.index(best)]:.0%}", left=lm.left),
        next_step=t("checkpoint.p4_next_next", tap=md_escape(tap)))


def p4_rows(tokens: list[str], n: int, rows: list[dict]) -> bool:
    """p4: how many training rows does the sliding window make of this sentence? True once revealed."""
    return checkpoint(
        "p4.rows", t("checkpoint.p4_rows_q", n=n), len(rows), kind="number", lo=0, hi=1000,
        context=(tuple(tokens), n), reason=t("checkpoint.p4_rows_why", n=n, words=len(tokens), rows=len(rows)),
        next_step=t("checkpoint.p4_rows_next"))
