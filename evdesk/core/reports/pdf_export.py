"""A report as PDF (reportlab): title, period (and comparison), time zone, filters, a chart drawn
with reportlab's graphics (the period's bars beside the comparison's), the table by bucket, and with a
breakdown a second table by breakdown value. A4 portrait; long tables go on over pages with their
header repeated; every page is numbered.

Fonts: DejaVu Sans (ä, ö, å, € and the rest) from evdesk's own resources
(`evdesk/resources/fonts/DejaVuSans*.ttf`, bundled with the invoice PDFs), else from the system's
DejaVu (`/usr/share/fonts/truetype/dejavu/`, Debian's fonts-dejavu-core), else reportlab's Helvetica
(Latin-1 only; said in the log).

`render_pdf` is plain CPU work with no evdesk state: callers run it in another process
(`reports/exports.py`), never on the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from evdesk.core.reports.csv_export import number
from evdesk.core.reports.engine import ReportResult

log = logging.getLogger(__name__)
FONT_DIRS = (Path(__file__).resolve().parents[2] / "resources" / "fonts", Path("/usr/share/fonts/truetype/dejavu"))
MAX_CHART_BARS = 120
TABLE_BREAKDOWN_COLUMNS = 5


def register_fonts() -> tuple[str, str]:
    """(regular, bold) font names to use; DejaVu when found."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            try:
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
                pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
                return "DejaVuSans", "DejaVuSans-Bold"
            except Exception as exc:  # a broken font file: try the next place
                log.warning("cannot use the fonts in %s: %s", folder, exc)
    log.warning("DejaVu fonts not found; the report PDF uses Helvetica (Latin-1 only)")
    return "Helvetica", "Helvetica-Bold"


def _chart(result: ReportResult, font: str, width: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    height = 210
    drawing = Drawing(width, height)
    values = [v or 0 for v in result.total.values][:MAX_CHART_BARS]
    data = [values]
    names = [f"{result.period.label()}"]
    if result.compare is not None:
        data.append([(result.compare.values[n] or 0) if n < len(result.compare.values) else 0
                     for n in range(len(values))])
        names.append(result.compare.label)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45, 45, width - 60, height - 80
    chart.data = data
    chart.bars[0].fillColor = colors.HexColor("#1565c0")
    if len(data) > 1:
        chart.bars[1].fillColor = colors.HexColor("#bdbdbd")
    chart.groupSpacing = 2 if len(values) > 40 else 5
    chart.valueAxis.valueMin = 0
    top = max([max(d) if d else 0 for d in data] + [0])
    chart.valueAxis.valueMax = top * 1.1 if top > 0 else 1
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    step = max(1, len(values) // 12)
    chart.categoryAxis.categoryNames = [result.bucket_label(n) if n % step == 0 else "" for n in range(len(values))]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 50, height - 12
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(chart.bars[n].fillColor, names[n]) for n in range(len(data))]
    drawing.add(legend)
    unit = f" ({result.unit})" if result.unit else ""
    drawing.add(String(0, height - 30, f"{result.title}{unit}", fontName=font, fontSize=8))
    return drawing


def render_pdf(result: ReportResult, target: str, name: str = "") -> str:
    """Write the report's PDF to `target` (a temporary name beside it first); returns the path."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    font, bold = register_fonts()
    metric = result.definition.metric
    title_style = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    text_style = ParagraphStyle("text", fontName=font, fontSize=9, leading=12)
    head_style = ParagraphStyle("head", fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
    path = Path(target)
    partial = path.with_name(path.name + ".part")
    doc = SimpleDocTemplate(str(partial), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=name or result.title, author="evdesk")
    unit = f" ({result.unit})" if result.unit else ""

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story = [Paragraph(esc(name or f"{result.title} report"), title_style),
             Paragraph(esc(f"{result.title}{unit} by {result.definition.grain}"), text_style),
             Paragraph(esc(f"Period: {result.period.label()} (time zone {result.zone})"), text_style)]
    if result.compare_period is not None:
        story.append(Paragraph(esc(f"Compared with: {result.compare_period.label()}"), text_style))
    for line in result.filters + result.notes:
        story.append(Paragraph(esc(line), text_style))
    story.append(Paragraph(esc(f"Made {result.made_at.astimezone(result.period.buckets[0].start.tzinfo):%Y-%m-%d %H:%M}"
                               if result.buckets else ""), text_style))
    story += [Spacer(1, 6), _chart(result, font, A4[0] - 32 * mm), Spacer(1, 6)]

    shown = result.series[:TABLE_BREAKDOWN_COLUMNS]
    header = ["Period", f"{result.title}{unit}"]
    if result.compare is not None:
        header.append("Compared")
    header += [s.label[:18] for s in shown]
    rows = [header]
    for n in range(len(result.buckets)):
        row = [result.bucket_label(n), number(metric, result.total.values[n])]
        if result.compare is not None:
            row.append(number(metric, result.compare.values[n]) if n < len(result.compare.values) else "")
        row += [number(metric, s.values[n]) for s in shown]
        rows.append(row)
    last = ["Total", number(metric, result.total.total)]
    if result.compare is not None:
        last.append(number(metric, result.compare.total))
    last += [number(metric, s.total) for s in shown]
    rows.append(last)
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTNAME", (0, 0), (-1, 0), bold),
        ("FONTNAME", (0, -1), (-1, -1), bold), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3f2fd")), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey), ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#fafafa")]),
    ])
    story.append(Paragraph("By " + result.definition.grain, head_style))
    story.append(LongTable(rows, repeatRows=1, style=style, hAlign="LEFT"))
    if result.series:
        story.append(Paragraph(f"By {result.filters[-1].split(': ', 1)[-1].lower()}"
                               if result.definition.breakdown != "none" else "Breakdown", head_style))
        by_value = [["", f"{result.title}{unit}"]] + [[s.label[:60], number(metric, s.total)] for s in result.series]
        by_value.append(["Total", number(metric, result.total.total)])
        story.append(LongTable(by_value, repeatRows=1, style=style, hAlign="LEFT"))

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm, f"Page {document.page}")
        canvas.drawString(16 * mm, 9 * mm, (name or result.title)[:90])
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    partial.replace(path)
    return str(path)
