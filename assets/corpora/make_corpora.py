"""Writes the lab's toy corpora (written for this project) from small templates with a fixed seed.

Run `python assets/corpora/make_corpora.py`; it rewrites the .txt files next to it, byte for byte the same each time
(kingdom_zh.words.txt: jieba's segmentation of kingdom_zh.txt, which the app reads instead of loading jieba).

How the corpora are designed so that word2vec finds structure in a few thousand tokens:
- kingdom_en / kingdom_zh: three independent "directions" carried by the words around a person:
  royalty (palace, throne, crown ...), gender (he/his vs she/her) and age (young/school vs old/work).
  So king - man + woman lands near queen, and boy : girl :: prince : princess. Animals, food, places,
  numbers and colours fill their own slots, so they form clusters.
- topics_en: long sentences, each about one topic (farm, kitchen, sea, school, music, sport). With a small
  window, words sharing a slot (cow, horse, goat) are neighbours ("interchangeable"); with a large window, words
  of one topic (cow, barn, milk, farmer) become neighbours ("related"). The lab's compare tab shows this.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------------------------------- English kingdom
EN_PEOPLE = {  # word: (royal, gender, age)
    "king": (1, "m", "old"), "queen": (1, "f", "old"), "prince": (1, "m", "young"), "princess": (1, "f", "young"),
    "man": (0, "m", "old"), "woman": (0, "f", "old"), "boy": (0, "m", "young"), "girl": (0, "f", "young"),
}
EN_ANIMALS = ["dog", "cat", "horse", "cow", "sheep", "goat", "bird", "duck"]
EN_FOOD = ["bread", "cheese", "apples", "soup", "rice", "cake", "honey", "fish"]
EN_PLACES = ["market", "village", "river", "forest", "garden", "bridge", "mill", "harbour"]
EN_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
EN_COLOURS = ["red", "blue", "green", "white", "black", "yellow"]
EN_ROYAL = [
    "the {p} sat on the throne in the palace", "the {p} wore a golden crown", "the {p} ruled the kingdom wisely",
    "the {p} spoke to the court in the great hall", "the royal {p} lived in the palace", "the {p} greeted the knights",
    "the guards bowed to the {p}", "the {p} signed a royal decree", "the {p} held the golden sceptre",
]
EN_COMMON = [
    "the {p} walked to the {place}", "the {p} bought {food} at the market", "the {p} fed the {animal}",
    "the {p} sat by the {place}", "the {p} ate {food} for supper", "the {p} saw a {colour} {animal}",
    "the {p} carried {food} home", "the {p} slept in a small house", "the {p} worked in the fields",
]
EN_GENDER = {
    "m": ["the {p} said that he was tired", "the {p} took his hat", "he is the {p}", "the {p} and his brother",
          "the {p} smiled and he laughed", "the {p} lost his way", "people called him the {p}"],
    "f": ["the {p} said that she was tired", "the {p} took her hat", "she is the {p}", "the {p} and her sister",
          "the {p} smiled and she laughed", "the {p} lost her way", "people called her the {p}"],
}
EN_AGE = {
    "young": ["the young {p} played all day", "the young {p} went to school", "the {p} was still a child",
              "the little {p} learned to read", "the {p} played with a ball"],
    "old": ["the old {p} remembered many years", "the {p} was a grown adult", "the wise old {p} gave advice",
            "the {p} had worked for many years", "the grey haired {p} rested"],
}
EN_OTHER = [
    "the {animal} ran across the {place}", "a {colour} {animal} slept near the {place}", "the {animal} ate some grass",
    "the {animal} drank water from the river", "a {animal} and a {animal2} played in the {place}",
    "{food} and {food2} were sold at the market", "the soup was made with {food}", "fresh {food} tasted good",
    "the road from the {place} to the {place2} was long", "the {place} was quiet at night",
    "{n} days later they came back", "after {n} years the {place} had changed", "she counted to {n}",
    "he counted to {n}", "{n} plus {n2} is a bigger number", "there were {n} of them", "the {colour} flag was raised",
    "the door was painted {colour}", "{colour} and {colour2} are colours", "a {colour} flower grew in the {place}",
]


def _two(rng: random.Random, words: list[str]) -> tuple[str, str]:
    """Two different words from one group ("bread and bread" reads badly)."""
    a, b = rng.sample(words, 2)
    return a, b


def _fill(template: str, rng: random.Random, **fixed) -> str:
    pick = {}
    for name, group in (("animal", EN_ANIMALS), ("food", EN_FOOD), ("place", EN_PLACES), ("n", EN_NUMBERS),
                        ("colour", EN_COLOURS)):
        pick[name], pick[name + "2"] = _two(rng, group)
    pick.update(fixed)
    return template.format(**pick)


def kingdom_en(rng: random.Random, n_sentences: int = 1500) -> list[str]:
    out = []
    people = list(EN_PEOPLE)
    for _ in range(n_sentences):
        r = rng.random()
        if r < 0.6:
            p = rng.choice(people)
            royal, gender, age = EN_PEOPLE[p]
            kind = rng.random()
            if kind < 0.3 and royal:
                tpl = rng.choice(EN_ROYAL)
            elif kind < 0.3:
                tpl = rng.choice(EN_COMMON)
            elif kind < 0.65:
                tpl = rng.choice(EN_GENDER[gender])
            elif kind < 0.85:
                tpl = rng.choice(EN_AGE[age])
            else:
                tpl = rng.choice(EN_COMMON)
            out.append(_fill(tpl, rng, p=p))
        else:
            out.append(_fill(rng.choice(EN_OTHER), rng))
    return [s[0].upper() + s[1:] + "." for s in out]


# -------------------------------------------------------------------------------------------- English topics
TOPICS = {
    "farm": {"slot_a": ["cow", "horse", "goat", "pig"], "slot_b": ["barn", "field", "meadow"],
             "slot_c": ["milk", "hay", "wool"], "agent": "farmer"},
    "kitchen": {"slot_a": ["onion", "carrot", "potato", "garlic"], "slot_b": ["oven", "stove", "pan"],
                "slot_c": ["soup", "stew", "sauce"], "agent": "cook"},
    "sea": {"slot_a": ["boat", "ship", "yacht", "canoe"], "slot_b": ["harbour", "beach", "island"],
            "slot_c": ["waves", "sail", "anchor"], "agent": "sailor"},
    "school": {"slot_a": ["book", "pencil", "notebook", "map"], "slot_b": ["classroom", "library", "desk"],
               "slot_c": ["lesson", "homework", "exam"], "agent": "teacher"},
    "music": {"slot_a": ["guitar", "violin", "piano", "drum"], "slot_b": ["concert", "stage", "studio"],
              "slot_c": ["song", "melody", "rhythm"], "agent": "musician"},
    "sport": {"slot_a": ["ball", "racket", "bat", "net"], "slot_b": ["stadium", "court", "pitch"],
              "slot_c": ["match", "goal", "team"], "agent": "player"},
}
TOPIC_TEMPLATES = [
    "early in the morning the {agent} took the {a} to the {b} and later talked about the {c} with a friend",
    "in the {b} the {agent} found an old {a} and a new {a2} and thought about the {c} for a while",
    "the {agent} said that a good {a} and a quiet {b} make the best {c} of all",
    "every day the {agent} checks the {a} before going to the {b} where the {c} waits",
    "she put the {a} next to the {a2} because the {agent} needed both for the {c} in the {b}",
    "he cleaned the {a} slowly while the {agent} prepared the {b} for the {c}",
    "a {a} is useful and a {a2} is useful too said the {agent} at the {b}",
    "they bought a {a} and later a {a2} and the {agent} was happy",
    "near the {b} the {c} started and the {agent} held the {a} tightly",
    "the {c} was long but the {agent} stayed in the {b} with the {a}",
]


def topics_en(rng: random.Random, n_sentences: int = 600) -> list[str]:
    out = []
    names = list(TOPICS)
    for _ in range(n_sentences):
        topic = TOPICS[rng.choice(names)]
        a, a2 = rng.sample(topic["slot_a"], 2)
        sent = rng.choice(TOPIC_TEMPLATES).format(
            agent=topic["agent"], a=a, a2=a2, b=rng.choice(topic["slot_b"]), c=rng.choice(topic["slot_c"]))
        out.append(sent[0].upper() + sent[1:] + ".")
    return out


# ------------------------------------------------------------------------------------------- Chinese kingdom
ZH_PEOPLE = {
    "国王": (1, "m", "old"), "王后": (1, "f", "old"), "王子": (1, "m", "young"), "公主": (1, "f", "young"),
    "男人": (0, "m", "old"), "女人": (0, "f", "old"), "男孩": (0, "m", "young"), "女孩": (0, "f", "young"),
}
ZH_ANIMALS = ["狗", "猫", "马", "牛", "羊", "鸟", "鸭子", "兔子"]
ZH_FOOD = ["面包", "苹果", "米饭", "面条", "蛋糕", "蜂蜜", "鱼", "汤"]
ZH_PLACES = ["市场", "村庄", "河边", "森林", "花园", "桥边", "山上", "城市"]
ZH_NUMBERS = ["二", "三", "四", "五", "六", "七", "八", "九", "十"]
ZH_COLOURS = ["红色", "蓝色", "绿色", "白色", "黑色", "黄色"]
ZH_ROYAL = [
    "{p}坐在宫殿里的王座上", "{p}戴着金色的王冠", "{p}治理着整个王国", "{p}在大厅里接见大臣",
    "{p}住在宫殿里", "卫兵向{p}行礼", "{p}签署了一道王室命令", "{p}在宫殿里举行宴会",
]
ZH_COMMON = [
    "{p}走到{place}", "{p}在市场上买了{food}", "{p}喂了{animal}", "{p}坐在{place}休息", "{p}晚饭吃了{food}",
    "{p}看见一只{colour}的{animal}", "{p}把{food}带回家", "{p}住在一间小房子里", "{p}在田里干活",
]
ZH_GENDER = {
    "m": ["{p}说他累了", "{p}拿起了他的帽子", "他是一位{p}", "{p}和他的哥哥", "{p}开心地笑了，他很开心", "{p}迷路了，他很着急",
          "大家都叫他{p}"],
    "f": ["{p}说她累了", "{p}拿起了她的帽子", "她是一位{p}", "{p}和她的姐姐", "{p}开心地笑了，她很开心", "{p}迷路了，她很着急",
          "大家都叫她{p}"],
}
ZH_AGE = {
    "young": ["年轻的{p}玩了一整天", "年轻的{p}去学校读书", "{p}还是个孩子", "小小的{p}正在学习写字", "{p}在院子里踢球"],
    "old": ["年老的{p}记得很多往事", "{p}已经是成年人了", "聪明的{p}给了大家建议", "{p}工作了很多年", "头发花白的{p}在休息"],
}
ZH_OTHER = [
    "{animal}飞快地跑过了{place}", "一只{colour}的{animal}睡在{place}", "{animal}正在吃草", "{animal}正在河里喝水",
    "{animal}与{animal2}在{place}玩耍", "市场上卖{food}和{food2}", "{food}很好吃", "新鲜的{food}很香",
    "从{place}到{place2}的路很长", "夜里的{place}很安静", "她写下数字{n}", "他写下数字{n}",
    "数字{n}和数字{n2}", "黑板上写着数字{n}", "一面{colour}的旗子升了起来", "门被漆成了{colour}",
    "{colour}和{colour2}都是颜色", "{place}开着一朵{colour}的花",
]


def kingdom_zh(rng: random.Random, n_sentences: int = 1500) -> list[str]:
    out = []
    people = list(ZH_PEOPLE)

    def fill(tpl: str, **fixed) -> str:
        pick = {}
        for name, group in (("animal", ZH_ANIMALS), ("food", ZH_FOOD), ("place", ZH_PLACES), ("n", ZH_NUMBERS),
                            ("colour", ZH_COLOURS)):
            pick[name], pick[name + "2"] = _two(rng, group)
        pick.update(fixed)
        return tpl.format(**pick)

    for _ in range(n_sentences):
        if rng.random() < 0.6:
            p = rng.choice(people)
            royal, gender, age = ZH_PEOPLE[p]
            kind = rng.random()
            if kind < 0.3 and royal:
                tpl = rng.choice(ZH_ROYAL)
            elif kind < 0.3:
                tpl = rng.choice(ZH_COMMON)
            elif kind < 0.65:
                tpl = rng.choice(ZH_GENDER[gender])
            elif kind < 0.85:
                tpl = rng.choice(ZH_AGE[age])
            else:
                tpl = rng.choice(ZH_COMMON)
            out.append(fill(tpl, p=p))
        else:
            out.append(fill(rng.choice(ZH_OTHER)))
    return [s + "。" for s in out]


def _paragraphs(sentences: list[str], rng: random.Random, sep: str = " ") -> str:
    """Group sentences into paragraphs of 4-8, so the file reads like text rather than a list."""
    paras, i = [], 0
    while i < len(sentences):
        k = rng.randint(4, 8)
        paras.append(sep.join(sentences[i:i + k]))
        i += k
    return "\n\n".join(paras) + "\n"


def main() -> None:
    rng = random.Random(2013)  # the year word2vec was published
    files = {
        "kingdom_en.txt": _paragraphs(kingdom_en(rng), rng),
        "topics_en.txt": _paragraphs(topics_en(rng), rng),
        "kingdom_zh.txt": _paragraphs(kingdom_zh(rng), rng, sep=""),
    }
    # jieba's words of the Chinese corpus, one sentence a line: the app reads these and never loads jieba for it.
    sys.path.insert(0, str(HERE.parent.parent))
    from w2v_core.text import split_sentences

    sentences = split_sentences(files["kingdom_zh.txt"], lang="auto", chinese="word")
    files["kingdom_zh.words.txt"] = "".join(" ".join(s) + "\n" for s in sentences)
    for name, text in files.items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"{name}: {len(text.encode('utf-8')):,} bytes")


if __name__ == "__main__":
    main()
