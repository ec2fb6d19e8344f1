"""Lessons (issue 15): a teacher's sequence of prepared views, as a TOML file or a link; no Streamlit here.

Why a package of its own at the repository root, like `classroom/`: a lesson is data about the app's pages (which
page, which link parameters, what to ask the class), neither word2vec math (`w2v_core`) nor a Streamlit helper
(`ui/`). Keeping it free of Streamlit lets its strict checks be tested on their own; `ui/lesson_bar.py` plugs in
the pages' own URL checks and draws it.
"""
