"""Invoicing: reference numbers, the invoice document handed to the PDF renderer, runs."""
