"""The Textual wizard: a thin layer that edits a record and asks the core for text."""
