"""Shared test set-up: quiet Streamlit logs. (pytest.ini puts the repository root on sys.path, so tests import
w2v_core, ui and scripts as packages; AppTest helpers are in tests/apptest.py.)"""
import logging
import os

# Charts are built validated by plotly under the tests (ui/theme.py VALIDATE): a misspelt property fails here, not
# silently in production. Set before any test imports ui.theme; the servers the tests start inherit it.
os.environ["W2V_VALIDATE_FIGURES"] = "1"

# Streamlit resets its loggers' levels when it reads its config, so a filter (which it leaves alone) does the job.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage())
