"""Reports: definitions and periods (`definition.py`), running them over the hourly aggregates
(`engine.py`), saved reports (`saved.py`), CSV and PDF exports (`csv_export.py`, `pdf_export.py`)."""
