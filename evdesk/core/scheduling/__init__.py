"""Scheduled tasks (issue 13): recurrence, the task book, the runner and the run feed."""
