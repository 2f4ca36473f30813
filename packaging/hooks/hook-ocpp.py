# PyInstaller hook for the `ocpp` library.
#
# ocpp loads the JSON schema of every message from files inside the package
# (ocpp/v16/schemas/*.json, ocpp/v201/schemas/*.json, ...). PyInstaller does not
# collect package data by default; without them every message fails with a
# misleading `NotImplemented` CallError (STACK-NOTES). Collect them all, plus the
# package's metadata.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

datas = collect_data_files("ocpp", includes=["**/*.json"]) + copy_metadata("ocpp")
# the version modules are imported by name at run time (ocpp.v16, ocpp.v201, ocpp.v21)
hiddenimports = collect_submodules("ocpp", filter=lambda name: ".tests" not in name)
