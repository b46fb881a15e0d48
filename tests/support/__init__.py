"""Test support: builders of report files."""
