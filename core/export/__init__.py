"""Exports of checked reports: an .xlsx workbook, CSV and JSON."""
