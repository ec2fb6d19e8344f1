"""Page 7 (training lab): training moves the loss and the map, results match w2v_core, compare, export, URL, errors."""
import numpy as np
import pytest
from apptest import chart_spec, open_page

from ui import lab, lab_runs
from ui.lab_results import coords_csv, projector_files, word2vec_text
from w2v_core.text import split_sentences
from w2v_core.word2vec import Word2Vec

PAGE = "pages/p7_training_lab.py"


def map_points(at) -> dict[str, tuple[float, float]]:
    """word -> (x, y) from the map chart (second plotly chart; one trace per colour group)."""
    out = {}
    for tr in chart_spec(at, 1)["data"]:
        for w, x, y in zip(tr["text"], tr["x"], tr["y"]):
            out[w] = (x, y)
    return out


def core_model(corpus="kingdom_en", **over) -> Word2Vec:
    """The same model trained directly with w2v_core (the page must give exactly these vectors)."""
    text = (lab.CORPUS_DIR / lab.CORPORA[corpus]).read_text(encoding="utf-8")
    m = Word2Vec(None, workers=1, **{**lab.LAB_DEFAULTS, **over})
    m.build_vocab(split_sentences(text, chinese="word"))
    m.train()
    return m


def run_of(at) -> lab_runs.Run:
    return list(at.session_state["p7_runs"].values())[-1]


@pytest.mark.parametrize("lang, corpus, title", [("en", "kingdom_en", "Training lab"), ("zh", "kingdom_zh", "训练实验室")])
def test_opens_in_both_languages_with_corpus_statistics(lang, corpus, title):
    at = open_page(PAGE, lang=lang)
    assert title in at.title[0].value
    assert at.selectbox(key="p7_corpus").value == corpus  # a corpus in the reader's language
    text = (lab.CORPUS_DIR / lab.CORPORA[corpus]).read_text(encoding="utf-8")
    n_tokens = sum(len(s) for s in split_sentences(text))
    assert any(f"{n_tokens:,}" in m.value for m in at.markdown), "token count shown"
    assert at.button(key="p7_play") and at.button(key="p7_pause") and at.button(key="p7_step")


def test_step_then_train_changes_loss_and_map_and_matches_core():
    at = open_page(PAGE)
    before = map_points(at)
    assert chart_spec(at, 0)["data"][0].get("x", []) == []  # no loss yet: nothing trained
    at.button(key="p7_step").click().run()
    assert not at.exception
    assert len(chart_spec(at, 0)["data"][0]["x"]) == 1
    stepped = map_points(at)
    assert any(np.hypot(stepped[w][0] - before[w][0], stepped[w][1] - before[w][1]) > 1e-4 for w in before)
    at.button(key="p7_train").click().run()
    assert not at.exception
    run = run_of(at)
    assert run.done and run.error is None
    losses = chart_spec(at, 0)["data"][0]["y"]
    assert len(losses) > 10 and losses[-1] < 0.6 * losses[0]  # the loss curve went down
    # exactly the vectors w2v_core gives for the same settings and seed (step/train chunks do not matter)
    ref = core_model()
    np.testing.assert_allclose(run.kv().vectors, ref.wv.vectors, rtol=1e-5, atol=1e-6)
    # results: neighbours of "king" as w2v_core ranks them, and the analogy finds queen
    table = next(d.value for d in at.dataframe if "king" in d.value.columns)
    assert list(table["king"]) == [w for w, _ in ref.wv.most_similar("king", topn=8)]
    assert any("**queen**" in m.value for m in at.markdown), "man : king :: woman : queen"
    assert any("**bread**" in m.value for m in at.markdown), "bread is the odd one out"


def test_clusters_and_analogy_emerge_on_the_toy_corpora():
    for corpus, (a, b, c, d), (w, group) in [
            ("kingdom_en", ("king", "man", "woman", "queen"), ("dog", {"cat", "horse", "cow", "sheep", "goat",
                                                                       "bird", "duck"})),
            ("kingdom_zh", ("国王", "男人", "女人", "王后"), ("三", set("二四五六七八九十")))]:
        m = core_model(corpus)  # its speed is measured in benchmarks/, not asserted here
        assert m.wv.most_similar(positive=[a, c], negative=[b], topn=1)[0][0] == d
        assert {x for x, _ in m.wv.most_similar(w, topn=5)} <= group


def test_compare_trains_two_models_that_differ_only_in_window():
    at = open_page(PAGE, corpus="topics_en", words="milk cow guitar")
    at.text_input(key="p7_cmp_words").set_value("milk").run()
    at.button(key="p7_cmp_run").click().run()
    assert not at.exception
    runs = list(at.session_state["p7_cmp_runs"].values())
    assert sorted(r.settings["window"] for r in runs) == [2, 15]
    assert all(r.done for r in runs)
    assert {k: v for k, v in runs[0].settings.items() if k != "window"} == \
           {k: v for k, v in runs[1].settings.items() if k != "window"}
    df = at.dataframe[-1].value
    assert list(df.columns[1:3]) == ["window=2", "window=15"]
    small, large = df.iloc[0, 1].split(", "), df.iloc[0, 2].split(", ")
    assert small != large
    assert len(at.get("plotly_chart")) == 4  # loss, map, and the two models' maps side by side
    topic = {"cow", "horse", "goat", "pig", "barn", "field", "meadow", "hay", "wool", "farmer"}
    assert len(topic & set(large)) > len(topic & set(small))  # big window: related (same topic) words


def test_exports_load_in_gensim_with_the_same_vectors(tmp_path):
    from gensim.models import KeyedVectors as GensimKV

    at = open_page(PAGE)
    at.button(key="p7_train").click().run()
    kv = run_of(at).kv()
    for key in ("p7_dl_w2v", "p7_dl_vectors", "p7_dl_metadata", "p7_dl_coords"):
        assert at.get("download_button") and any(b.proto.id and key in b.proto.id for b in at.get("download_button"))
    path = tmp_path / "vectors.w2v.txt"
    path.write_bytes(word2vec_text(kv))
    g = GensimKV.load_word2vec_format(str(path), binary=False)
    assert list(g.index_to_key) == list(kv.index_to_key)
    np.testing.assert_allclose(g.vectors, kv.vectors, atol=1e-5)
    vectors, metadata = projector_files(kv)
    rows = vectors.decode().strip().split("\n")
    assert len(rows) == len(kv) and len(rows[0].split("\t")) == kv.vector_size
    assert metadata.decode().split("\n")[0] in ("word", kv.index_to_key[0])
    csv = coords_csv(kv, ["king", "queen", "man"]).decode().strip().split("\n")
    assert csv[0] == "word,x,y" and len(csv) == 4


def test_url_settings_reproduce_the_run_and_hostile_values_fall_back():
    at = open_page(PAGE, corpus="kingdom_zh", window=3, epochs=7, seed=5, vector_size=20, sg=0)
    assert at.selectbox(key="p7_corpus").value == "kingdom_zh"
    assert (at.slider(key="p7_window").value, at.slider(key="p7_epochs").value) == (3, 7)
    at.button(key="p7_train").click().run()
    ref = core_model("kingdom_zh", window=3, epochs=7, seed=5, vector_size=20, sg=0)
    np.testing.assert_allclose(run_of(at).kv().vectors, ref.wv.vectors, rtol=1e-5, atol=1e-6)
    assert at.query_params["window"] in ("3", ["3"])
    bad = open_page(PAGE, window="abc", epochs=-5, alpha="nan", sample="7", corpus="<script>", negative=10**9)
    d = lab.LAB_DEFAULTS
    assert bad.slider(key="p7_window").value == d["window"] and bad.slider(key="p7_epochs").value == d["epochs"]
    assert bad.number_input(key="p7_alpha").value == d["alpha"] and bad.slider(key="p7_negative").value == 5
    assert bad.selectbox(key="p7_corpus").value == "kingdom_en"


def test_rerun_without_changes_neither_retrains_nor_rebuilds(monkeypatch):
    at = open_page(PAGE)
    at.button(key="p7_train").click().run()
    calls = []
    monkeypatch.setattr(Word2Vec, "train_chunk", lambda self, *a, **k: calls.append("train"))
    monkeypatch.setattr(Word2Vec, "build_vocab", lambda self, *a, **k: calls.append("vocab"))
    for _ in range(3):
        at.run()
    assert not at.exception and calls == []  # rerun times are measured in benchmarks/page_reruns.py


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_input_gives_messages_not_tracebacks(lang):
    at = open_page(PAGE, lang=lang)
    at.selectbox(key="p7_corpus").set_value("custom").run()
    assert at.warning, "empty text -> a message"
    at.text_area(key="p7_text").set_value("  \n\t  ").run()
    assert at.warning and not at.exception
    at.text_area(key="p7_text").set_value("!!! ... ??? —— 。。。").run()
    assert at.warning and not at.exception
    at.text_area(key="p7_text").set_value("the cat sat. the dog sat. a cat ran.").run()
    assert not at.exception and at.error, "negative=5 >= a 5-word vocabulary"
    at.slider(key="p7_negative").set_value(1).run()
    at.number_input(key="p7_min_count").set_value(50).run()
    assert at.error and not at.exception  # min_count removes every word
    at.number_input(key="p7_min_count").set_value(1).run()
    at.slider(key="p7_window").set_value(50).run()
    assert at.warning and not at.exception  # window longer than every sentence
    at.slider(key="p7_epochs").set_value(0).run()
    assert at.error and not at.exception
    assert at.button(key="p7_train").disabled


def test_divergence_keeps_the_previous_model_and_vector_size_one_warns():
    at = open_page(PAGE)
    at.button(key="p7_train").click().run()
    good = run_of(at).kv().vectors.copy()
    at.number_input(key="p7_alpha").set_value(10.0).run()
    assert at.warning  # alpha is very large
    at.button(key="p7_train").click().run()
    assert not at.exception
    assert any("alpha" in e.value for e in at.error), "divergence explained"
    prev = [r for r in at.session_state["p7_runs"].values() if r.error is None and r.trained]
    assert prev and np.allclose(prev[0].kv().vectors, good)  # the last good model is kept ...
    assert at.info and any("king" in d.value.columns for d in at.dataframe), "... and the results still show it"
    at.number_input(key="p7_alpha").set_value(0.025).run()
    at.slider(key="p7_vector_size").set_value(1).run()
    assert not at.exception and at.warning
    at.button(key="p7_train").click().run()
    assert not at.exception


def test_decode_upload_limits():
    assert lab.decode_upload("国王 king".encode("utf-8")) == "国王 king"
    with pytest.raises(ValueError, match="not_utf8"):
        lab.decode_upload("国王".encode("gbk"))
    with pytest.raises(ValueError, match="too_big"):
        lab.decode_upload(b"a" * (lab.MAX_BYTES + 1))


def test_chinese_characters_toggle_changes_the_tokens():
    at = open_page(PAGE, lang="zh")
    at.radio(key="p7_chinese").set_value("char").run()
    assert not at.exception
    text = (lab.CORPUS_DIR / "kingdom_zh.txt").read_text(encoding="utf-8")
    n_chars = sum(len(s) for s in split_sentences(text, chinese="char"))
    assert any(f"{n_chars:,}" in m.value for m in at.markdown)
    at.button(key="p7_train").click().run()
    assert "国" in run_of(at).kv() and "国王" not in run_of(at).kv()


def test_settings_and_probes_survive_a_visit_to_another_page_and_playing():
    at = open_page(PAGE)
    at.slider(key="p7_window").set_value(3).run()
    at.button(key="p7_train").click().run()
    at.text_input(key="p7_nn_words").set_value("queen").run()
    at.query_params.clear()  # the navigation drops the query string
    at.switch_page("pages/p8_projector.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.slider(key="p7_window").value == 3 and at.text_input(key="p7_nn_words").value == "queen"
    assert at.session_state["p7_runs"] and run_of(at).done  # the same model, not retrained


def test_user_words_are_shown_as_typed_never_as_markdown():
    at = open_page(PAGE, words="king queen man [x](http://evil.example) **bold**")
    caption = next(c.value for c in at.caption if "http" in c.value)
    assert "\\[x\\]\\(http" in caption and "\\*\\*bold\\*\\*" in caption
