"""The gate for any Textual upgrade: each workaround in wizard/ui/compat still works, and is still needed."""
