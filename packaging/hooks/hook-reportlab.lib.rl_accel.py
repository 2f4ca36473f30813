# PyInstaller hook: reportlab.lib.rl_accel loads its C helpers (the rl_accel package's
# `_rl_accel` extension) through exec() strings, invisible to PyInstaller. Without it the
# bundle still works, on the slower pure-Python fallbacks; with it invoice PDFs are a fifth faster.
hiddenimports = ["_rl_accel"]
