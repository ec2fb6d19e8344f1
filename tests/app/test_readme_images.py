"""The README's pictures: every file it links exists and is a real PNG, and every English screenshot it shows has its
Chinese one (<name>-en.png beside <name>-zh.png) linked too, since the app and its readers are bilingual."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
# markdown links and images with a path in the repository (not a web address, not an anchor)
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+)\)")


def local_links(text: str) -> list[str]:
    return LOCAL_LINK.findall(text)


README_LINKS = local_links((ROOT / "README.md").read_text(encoding="utf-8"))
PNGS = sorted({link for link in README_LINKS if link.endswith(".png")})


def test_the_readme_links_screenshots():
    assert len([p for p in PNGS if p.startswith("assets/screenshots/")]) >= 20, PNGS


@pytest.mark.parametrize("link", sorted(set(README_LINKS)))
def test_linked_file_exists(link):
    assert (ROOT / link).is_file(), f"README.md links {link}, which is not in the repository"


@pytest.mark.parametrize("link", PNGS)
def test_linked_png_is_a_png(link):
    head = (ROOT / link).read_bytes()[:8]
    assert head == b"\x89PNG\r\n\x1a\n", f"{link} is not a PNG (a Git LFS pointer?)"


@pytest.mark.parametrize("link", [p for p in PNGS if p.endswith("-en.png")])
def test_english_shot_has_its_chinese_one(link):
    assert link.replace("-en.png", "-zh.png") in PNGS, f"README.md shows {link} but not its Chinese counterpart"


def test_the_checks_catch_a_missing_png(tmp_path):
    """The parser finds images, plain links and table cells; a link to a file that is not there is reported."""
    text = ("| ![a](assets/screenshots/home-en.png)<br>[中文](assets/screenshots/home-zh.png) |\n"
            "![b](assets/screenshots/no-such-shot-zh.png) [web](https://example.org/x.png) [top](#the-pages)")
    links = local_links(text)
    assert links == ["assets/screenshots/home-en.png", "assets/screenshots/home-zh.png",
                     "assets/screenshots/no-such-shot-zh.png"]
    assert [link for link in links if not (ROOT / link).is_file()] == ["assets/screenshots/no-such-shot-zh.png"]
