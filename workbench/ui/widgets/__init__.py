"""The main window's building blocks: search panel, results view, reader, indexing panel, message bar."""
