"""Shared test set-up: repository root on sys.path and quiet Streamlit logs."""
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Streamlit resets its loggers' levels when it reads its config, so a filter (which it leaves alone) does the job.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage())

APP = str(ROOT / "app.py")
