"""What every printout is built on: A4 pages with header, page-of-pages footer and 演练
watermark, batches of one section per household, the embedded Chinese font, paragraph
styles, ruled tables (long ones too), bar charts, and user text made safe and figures in
Chinese form."""

from printouts.document.base import BaseDocument, DocumentInfo, NumberedCanvas
from printouts.document.batch import BatchDocument, SectionMark
from printouts.document.charts import LABEL_SIZE, SERIES_COLORS, TITLE_SIZE, bar_chart
from printouts.document.fonts import FONT_NAME, FontNotFound, missing_glyphs, register_font
from printouts.document.long_table import Command
from printouts.document.styles import TABLE_SIZE
from printouts.document.tables import (
    GRID,
    HEADER_FILL,
    Align,
    cell,
    data_table,
    keep_with_next,
    layout_table,
    span_row,
    total_row,
)
from printouts.document.text import (
    DASH,
    area,
    clean,
    escape,
    money,
    optional_area,
    redact_ids,
    zh_date,
    zh_datetime,
)

__all__ = [
    "Align",
    "BaseDocument",
    "Command",
    "BatchDocument",
    "DASH",
    "DocumentInfo",
    "FONT_NAME",
    "FontNotFound",
    "GRID",
    "HEADER_FILL",
    "LABEL_SIZE",
    "NumberedCanvas",
    "SERIES_COLORS",
    "SectionMark",
    "TABLE_SIZE",
    "TITLE_SIZE",
    "area",
    "bar_chart",
    "cell",
    "clean",
    "data_table",
    "escape",
    "keep_with_next",
    "layout_table",
    "missing_glyphs",
    "money",
    "optional_area",
    "redact_ids",
    "register_font",
    "span_row",
    "total_row",
    "zh_date",
    "zh_datetime",
]
