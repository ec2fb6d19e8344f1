"""Lesson builder: the views a teacher added from the pages' share panels become ordered steps with prompts, and
then one link that carries the whole lesson (nothing stored on the server) plus a TOML file for assets/lessons/."""
from urllib.parse import urlencode

import streamlit as st

from lessons.format import MAX_PROMPT, MAX_TITLE, LessonError
from lessons.link import MAX_LINK, encode, to_toml
from ui import lesson_draft as dr
from ui.i18n import LANG_LABELS, current_lang, t
from ui.lesson_load import checkpoint_ids, error_text, load, shipped_names
from ui.share import page_url

LANGS = ("en", "zh")
ss = st.session_state

st.title(t("nav.lesson_builder"))
st.markdown(t("lessons.builder_intro"))
draft = dr.draft()


def kept(key: str, value) -> str:
    """A widget's key, its value taken from the draft when Streamlit dropped it (the builder was not on screen)."""
    if key not in ss:
        ss[key] = value
    return key


with st.container(horizontal=True, vertical_alignment="bottom"):
    names = shipped_names()
    titles = {n: load({"lesson": n}).title_in(current_lang()) for n in names}
    start = st.selectbox(t("lessons.start_from"), names, format_func=titles.get, key="lb_shipped")
    st.button(t("lessons.start_from_button"), key="lb_start", on_click=lambda name: dr.start_from(load({"lesson": name})),
              args=(start,))
    st.button(t("lessons.clear"), key="lb_clear", on_click=dr.clear, disabled=not draft["steps"])

st.subheader(t("lessons.h_title"))
for lang in LANGS:
    st.text_input(t("lessons.title_in", language=LANG_LABELS[lang]), key=kept(f"lb_title_{lang}", draft["title"][lang]),
                  max_chars=MAX_TITLE)
    draft["title"][lang] = ss[f"lb_title_{lang}"]

st.subheader(t("lessons.h_steps", n=len(draft["steps"])))
if not draft["steps"]:
    st.info(t("lessons.builder_empty"))
for i, step in enumerate(draft["steps"]):
    sid = step["id"]
    with st.container(border=True, key=f"lb_step_{sid}"):
        page = step["page"]
        st.markdown(f"**{t('lessons.step_head', k=i + 1, page=t(f'nav.{page}'))}**")
        st.code(urlencode(step["params"], safe=",") or "—", language=None, wrap_lines=True)  # the view's settings
        for lang in LANGS:
            st.text_area(t("lessons.prompt_in", language=LANG_LABELS[lang]), height=80, max_chars=MAX_PROMPT,
                         key=kept(f"lb_{sid}_{lang}", step["prompt"][lang]))
            step["prompt"][lang] = ss[f"lb_{sid}_{lang}"]
        options = ["", *sorted(checkpoint_ids().get(step["page"], ()))]
        st.selectbox(t("lessons.checkpoint"), options, key=kept(f"lb_{sid}_cp", step["checkpoint"]),
                     format_func=lambda c, none=t("lessons.no_checkpoint"): c or none)  # bound now: AppTest calls it later
        step["checkpoint"] = ss[f"lb_{sid}_cp"]
        with st.container(horizontal=True):
            st.button(t("lessons.up"), key=f"lb_{sid}_up", icon="⬆️", on_click=dr.move, args=(i, -1), disabled=i == 0)
            st.button(t("lessons.down"), key=f"lb_{sid}_down", icon="⬇️", on_click=dr.move, args=(i, 1),
                      disabled=i == len(draft["steps"]) - 1)
            st.button(t("lessons.delete"), key=f"lb_{sid}_del", icon="🗑️", on_click=dr.delete, args=(i,))

st.subheader(t("lessons.h_link"))
try:
    lesson = dr.as_lesson()
except LessonError as err:
    st.warning(t("lessons.builder_incomplete") + "\n\n" + error_text(err))
else:
    data = encode(lesson)
    if len(data) > MAX_LINK:
        st.error(t("lessons.builder_too_long", n=len(data), limit=MAX_LINK))
    else:
        # To the first step's page: the bar opens it there at once (nothing stored: the link is the lesson).
        url = page_url(lesson.steps[0].page) + "?" + urlencode({"lang": current_lang(), "lesson_data": data})
        st.code(url, language=None, wrap_lines=True)
        st.caption(t("lessons.link_caption", n=len(url)))
        st.link_button(t("lessons.try_link"), url, icon="▶️")
    st.download_button(t("lessons.download"), to_toml(lesson), file_name="my-lesson.toml", mime="text/plain",
                       key="lb_download", on_click="ignore", icon="⬇️")
    st.caption(t("lessons.download_caption"))
