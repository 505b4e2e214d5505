"""The PDF report: context (context.py), Jinja2 templates (templating.py), SVG heat map (heatmap.py), bundled
fonts (fonts.py), WeasyPrint rendering with a fetcher that serves only our own files (render.py, fetcher.py),
and reading the embedded assessment back (importer.py). Nothing here imports WeasyPrint or pyHanko at
import time."""

from pia_wizard.core.assessment import AssessmentError


class ReportError(AssessmentError):
    """Bad input or output for a report (exit 2, one line). An AssessmentError so that every front end that
    already reports bad assessment files reports these the same way."""

    def __init__(self, message: str) -> None:
        super().__init__([message])
