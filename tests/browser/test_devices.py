"""Phones and tablets: every page in both languages at 390x844 (a phone) and 820x1180 (a tablet) in the browser.

The page never scrolls sideways (neither the document nor Streamlit's own scrolling main area), every plot fits
inside the viewport, and no text block is wider than its box (clipped). Wide tables and heatmaps may scroll inside
their own frame. A few pages are saved at phone size in test-artifacts/screenshots/ to look at (PHONE_SHOTS);
`make screenshots` refreshes the committed ones (assets/screenshots/*-phone.png).
"""
import pytest

from scripts.live_server import page_addresses

LOCALES = {"zh": "zh-CN", "en": "en-US"}
SIZES = {"phone": (390, 844), "tablet": (820, 1180)}
PHONE_SHOTS = ("", "analogies", "skipgram-cbow", "training-lab")  # home, p3, p5, p7: text, inputs, stepper, lab
# Everything that sticks out to the right of the viewport or out of its own box, as readable strings.
OVERFLOW = """() => {
  const vw = window.innerWidth, out = [];
  const name = (e) => (e.getAttribute('data-testid') || e.tagName.toLowerCase()) + ' "' +
                      (e.innerText || '').trim().slice(0, 40) + '"';
  const main = document.querySelector('[data-testid=stMain]');
  const inScroller = (e) => {  // inside a box (below stMain) that scrolls sideways and itself fits the viewport
    for (let x = e.parentElement; x && x !== main; x = x.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(x).overflowX)) return x.getBoundingClientRect().right <= vw + 1;
    }
    return false;
  };
  const root = document.scrollingElement;
  if (root.scrollWidth > vw) out.push(`document ${root.scrollWidth}px wide`);
  if (main && main.scrollWidth > main.clientWidth + 1) out.push(`stMain scrolls sideways: ${main.scrollWidth}px`);
  for (const p of document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')) {
    const r = p.getBoundingClientRect();
    if (r.width && (r.left < -1 || r.right > vw + 1)) out.push(`plot ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const text = '[data-testid=stMain] :is([data-testid=stMarkdownContainer], [data-testid=stCaptionContainer], ' +
               'h1, h2, h3, [data-testid=stWidgetLabel], [data-testid=stMetric], button)';
  for (const e of document.querySelectorAll(text)) {
    if (e.offsetParent === null) continue;  // hidden (closed expander, other tab)
    if (inScroller(e)) continue;  // e.g. a cell of a table that scrolls inside its own box: fine
    if (e.scrollWidth > e.clientWidth + 1) out.push(`${name(e)} clipped: ${e.scrollWidth} > ${e.clientWidth}px`);
    const r = e.getBoundingClientRect();
    if (r.width && r.right > vw + 1) out.push(`${name(e)} ends at ${Math.round(r.right)}px`);
  }
  return out;
}"""


@pytest.mark.parametrize("size", ["phone", "tablet"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_fits(lang, size, new_page, goto, assert_clean, screenshot):
    width, height = SIZES[size]
    page = new_page(locale=LOCALES[lang], width=width, height=height, is_mobile=True, has_touch=True)
    problems = []
    for address in page_addresses():
        goto(page, address, lang=lang)
        problems += [f"/{address} ({lang}, {size}): {p}" for p in page.evaluate(OVERFLOW)]
        assert_clean(page)
        if size == "phone" and address in PHONE_SHOTS:
            screenshot(page, f"phone-{address or 'home'}-{lang}")
    assert not problems, "\n".join(problems)
