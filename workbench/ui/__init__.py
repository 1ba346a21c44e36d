"""The desktop GUI (PySide6): the only package of the workbench that imports Qt."""
