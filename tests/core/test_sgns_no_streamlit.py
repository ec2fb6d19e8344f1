"""w2v_core never imports streamlit: the library must run (and be tested) without the UI."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_w2v_core_imports_no_streamlit():
    modules = sorted(p.stem for p in (ROOT / "w2v_core").glob("*.py") if p.stem != "__init__")
    assert "sgns" in modules
    code = ("import sys\n" + "".join(f"import w2v_core.{m}\n" for m in modules) +
            "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_no_source_file_mentions_streamlit_import():
    for path in (ROOT / "w2v_core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import streamlit" not in text and "from streamlit" not in text, path.name
