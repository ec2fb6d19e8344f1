"""Colours of ui/theme.py under colour-vision deficiencies, and text contrast (WCAG AA) of the theme's text colours.

Distinguishable: every pair of colours in a set differs by CIEDE2000 >= MIN_DE00 after simulating deuteranopia,
protanopia and tritanopia at full severity (Machado et al. 2009, via colorspacious). 2.3 is about a just-noticeable
difference; 10 is what we ask of colours that must be told apart at a glance on small marks (points, frames, chips).
"""
import itertools
import tomllib
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert

from ui import theme

MIN_DE00 = 10.0
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")  # severity 100 = -anopia
AA = 4.5
ROOT = Path(__file__).resolve().parents[2]


def rgb(colour: str) -> np.ndarray:
    """'#abc' / '#aabbcc' / 'white' / 'black' -> sRGB in 0..1."""
    colour = {"white": "#ffffff", "black": "#000000"}.get(colour, colour).lstrip("#")
    colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
    return np.array([int(colour[i:i + 2], 16) for i in (0, 2, 4)]) / 255


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005) between two CIELab colours."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p, h2p = np.degrees(np.arctan2(b1, a1p)) % 360, np.degrees(np.arctan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_hp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_bar, c_barp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(h_bar - 30)) + 0.24 * np.cos(np.radians(2 * h_bar))
         + 0.32 * np.cos(np.radians(3 * h_bar + 6)) - 0.20 * np.cos(np.radians(4 * h_bar - 63)))
    r_t = (-np.sin(np.radians(60 * np.exp(-((h_bar - 275) / 25) ** 2)))
           * 2 * np.sqrt(c_barp ** 7 / (c_barp ** 7 + 25 ** 7)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / np.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_barp, 1 + 0.015 * c_barp * t
    dl, dc, dhh = (L2 - L1) / s_l, (c2p - c1p) / s_c, d_hp / s_h
    return float(np.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + r_t * dc * dhh))


def seen_as(colour: str, deficiency: str | None) -> np.ndarray:
    """CIELab of `colour` as seen with `deficiency` (None: normal vision)."""
    c = rgb(colour)
    if deficiency:
        c = np.clip(cspace_convert(c, {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}, "sRGB1"), 0, 1)
    return cspace_convert(c, "sRGB1", "CIELab")


def min_distance(colours, deficiency) -> tuple[float, tuple[str, str]]:
    return min((ciede2000(seen_as(a, deficiency), seen_as(b, deficiency)), (a, b))
               for a, b in itertools.combinations(colours, 2))


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(c):
        c = rgb(c)
        c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("lab1, lab2, expected", [  # Sharma, Wu & Dalal (2005), table 1, pairs 1, 7, 17, 25
    ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
    ((50, 0, 0), (50, -1, 2), 2.3669),
    ((50, 2.5, 0), (73, 25, -18), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_the_simulation_can_fail():
    """Control: plotly's default red and green (what we used before) collapse under deuteranopia."""
    assert min_distance(["#d62728", "#2ca02c"], None)[0] > 50
    assert min_distance(["#d62728", "#2ca02c"], "deuteranomaly")[0] < MIN_DE00


SETS = {
    "categorical colours and the grey of 'no group'": [*theme.CATEGORICAL, theme.GREY],
    "roles of a training step (centre, true context, negative, dropped, blank)":
        sorted(set(theme.ROLES.values())),
    "stops of the diverging scale": [c for _, c in theme.DIVERGING],
    "parallelogram sides": list(theme.EDGES),
    "searched word and its neighbours": [theme.SEARCHED, theme.NEIGHBOUR],
}


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
@pytest.mark.parametrize("name", SETS)
def test_colours_stay_apart_under_colour_vision_deficiencies(name, deficiency):
    d, pair = min_distance(SETS[name], deficiency)
    assert d >= MIN_DE00, f"{name}: {pair} only {d:.1f} apart ({deficiency or 'normal vision'})"


def test_diverging_scale_runs_blue_white_red_in_lightness_order():
    """Zero is the lightest stop and each side darkens towards its end, whatever hue a reader sees."""
    lightness = [seen_as(c, "deuteranomaly")[0] for _, c in theme.DIVERGING]
    assert lightness[0] < lightness[1] < lightness[2] > lightness[3] > lightness[4]


def text_pairs():
    """(what, text colour, background) for every text colour the theme defines."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    yield "app text", config["textColor"], config["backgroundColor"]
    yield "app text on panels", config["textColor"], config["secondaryBackgroundColor"]
    yield "primary colour (links, buttons) on the page", config["primaryColor"], config["backgroundColor"]
    yield "text in figures", theme.TEXT, "#ffffff"
    yield "chip of a word with no role", theme.CHIP_TEXT, theme.CHIP
    for role, fg in theme.TEXT_ON.items():  # a dropped word is an outlined chip on white
        yield f"chip '{role}'", fg, "#ffffff" if role == "dropped" else theme.ROLES[role]


@pytest.mark.parametrize("what, fg, bg", list(text_pairs()))
def test_text_meets_wcag_aa(what, fg, bg):
    assert contrast(fg, bg) >= AA, f"{what}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"


def test_colour_is_not_the_only_cue_for_roles():
    assert set(theme.MARKS) >= {"center", "context", "negative"}
    assert len({theme.MARKS[r] for r in ("center", "context", "negative")}) == 3
