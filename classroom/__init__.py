"""Live classes ("class pulse", issue 16): the shared store that counts students' checkpoint answers for the teacher.

Why a package of its own at the repository root: class state is server-side data shared by every session and every
replica, so it is neither word2vec math (`w2v_core`) nor a Streamlit helper (`ui/`). It never imports streamlit,
so it is tested on its own and could be used by another front end. `ui/` calls `open_store()` (cached once per
process) and translates `ClassError.reason` into a message.
"""
from classroom.base import ClassError, ClassStore, Limits, Reason, Tally
from classroom.sqlite_store import SqliteClassStore, data_dir


def open_store(limits: Limits = Limits()) -> ClassStore:
    """The store this deployment uses: SQLite in data_dir() today; a networked store would be chosen here."""
    return SqliteClassStore(limits=limits)


__all__ = ["ClassError", "ClassStore", "Limits", "Reason", "Tally", "SqliteClassStore", "data_dir", "open_store"]
