# PyInstaller hook for reportlab's barcodes (invoice PDFs: the EPC QR code, the bank barcode).
#
# reportlab.graphics.barcode's __init__ imports every symbology's module through exec()
# strings (code93, code128, qr, ...), which PyInstaller cannot see; a missing one fails the
# package's import (ModuleNotFoundError: reportlab.graphics.barcode.code93), so no invoice PDF
# could be made in the bundle. Collect them all.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("reportlab.graphics.barcode")
