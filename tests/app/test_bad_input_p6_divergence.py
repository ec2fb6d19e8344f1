"""Page 6: a learning rate that makes the stepper diverge is explained in the user's language, never shown as NaN."""
import math
import re

import pytest
from apptest import open_page
from test_bad_input import assert_message_in
from test_bad_input_p6 import PAGE, shown_loss


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_divergence_is_explained(lang):
    """alpha 1.0 (the largest offered), 5 negatives, 1000 steps overflow the vectors: the page must say so (like the
    trainer's "learning rate too high"), show no NaN, and still step normally after a reset."""
    at = open_page(PAGE, lang=lang, alpha=1.0, negative=5)
    at.button(key="p6_run1000").click().run(timeout=60)
    assert not at.exception
    assert_message_in(at, lang)
    shown = " ".join(m.value for m in at.markdown) + " ".join(str(df.value) for df in at.dataframe)
    assert not re.search(r"\bnan\b|\binf\b", shown, flags=re.I), "NaN/inf reached the screen"
    at.button(key="p6_reset").click().run()
    at.button(key="p6_next").click().run()
    assert not at.exception
    assert math.isfinite(float(shown_loss(at)))
