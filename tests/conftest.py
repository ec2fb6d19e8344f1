"""Shared test set-up: quiet Streamlit logs. (pytest.ini puts the repository root on sys.path, so tests import
w2v_core, ui and scripts as packages; AppTest helpers are in tests/apptest.py.)"""
import logging

# Streamlit resets its loggers' levels when it reads its config, so a filter (which it leaves alone) does the job.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage())
