"""Checking many reports at once: the files of a folder or a .zip, a summary
ranked worst first, and the reports that could not be read listed apart."""
