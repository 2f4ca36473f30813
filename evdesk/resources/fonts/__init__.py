"""DejaVu Sans (regular, bold) for invoice PDFs: carries ä, ö, å and €. Licence: LICENSE.txt."""
