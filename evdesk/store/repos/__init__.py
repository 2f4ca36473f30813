"""Writes by subject: each repository writes its rows through the one write path
(`evdesk/store/write.py`: versioned insert, update and tombstone, with the change feed).

Functions run on the database worker, inside the caller's transaction; they take
plain values, hold no rules about who may do what, and raise the store's errors
(`StaleRow`, `MissingRow`) for the caller to word.
"""
