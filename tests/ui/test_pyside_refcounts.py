"""Guard against the PySide6 6.12.0 reference-count defect that aborts Python 3.11.

In 6.12.0 every ``Signal.emit()`` released a reference to ``True`` it never took, and every
Python override of a void virtual (``paintEvent``) one to ``None``; on Python 3.11 the
interpreter aborted ("Fatal Python error: bool_dealloc") after a few hundred signals. The pin
in pyproject.toml avoids it; this test fails if a PySide6 bump brings it back.
"""

from __future__ import annotations

import os
import subprocess
import sys

STRESS = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

class Source(QObject):
    fired = Signal(object)

class Painted(QWidget):
    def paintEvent(self, event):
        pass

app = QApplication([])
source = Source()
for _ in range(20000):
    source.fired.emit(1)
widget = Painted()
widget.show()
for _ in range(3000):
    widget.repaint()
print("alive")
"""


def test_many_signals_and_paint_events_do_not_abort_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout
