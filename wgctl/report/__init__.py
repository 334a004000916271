"""Reports: pure context builders per report, Jinja rendering to Markdown/HTML, DOCX from HTML."""
