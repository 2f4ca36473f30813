"""Load management (issue 17): sharing a grid connection between charging sessions."""
