"""The checkpoints of pages 1-4: each takes the page's live values, computes its answer with w2v_core, asks it.

A page calls one function per checkpoint with what it has already computed; the function builds the translated
question, reason and next step (user words escaped) and draws it with `ui.checkpoint.checkpoint`.
"""
from __future__ import annotations

from ui.checkpoint import checkpoint
from ui.words import md_escape
from ui.i18n import current_lang, t
from w2v_core.checks import DOWN, SAME, UP, column_choices, compare, odd_one_out
from w2v_core.columns import cosine_terms, shared_columns


def _words(words) -> str:
    return ", ".join(f"**{md_escape(w)}**" for w in words)


# ---------------------------------------------------------------- page 1
def p1_stretch(me, p1, scale: float) -> bool:
    """p1: does stretching (or flipping) person 1's arrow change the cosine with me?"""
    before, after = cosine_terms(me, p1).cos, cosine_terms(me, [scale * x for x in p1]).cos
    answer = compare(before, after)
    lang = current_lang()  # bound for format_func (called outside the run by AppTest)
    return checkpoint(
        "p1.stretch", t("checkpoint.p1_stretch_q", scale=f"{scale:g}"), answer, options=(UP, SAME, DOWN),
        format_func=lambda k: t(f"checkpoint.p1_stretch_{k}", lang=lang), context=(tuple(me), tuple(p1), scale),
        reason=t("checkpoint.p1_stretch_why", before=f"{before:.3f}", after=f"{after:.3f}", scale=f"{scale:g}"),
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
