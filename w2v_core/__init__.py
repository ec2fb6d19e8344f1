"""w2v_core: the small numpy word2vec library behind every page (gensim's names and defaults; no streamlit)."""
