"""Bundled resources that core code reads through importlib.resources (fonts for invoice PDFs)."""
