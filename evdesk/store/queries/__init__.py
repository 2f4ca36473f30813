"""Read queries by subject, run on the reader connection by the core's read services.

Plain functions taking plain values (ids, times, limits) and returning plain rows;
no rules about who may see what (the read services decide that and pass the
ids the operator sees).
"""
