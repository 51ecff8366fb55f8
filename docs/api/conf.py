"""Sphinx configuration of the API reference (make docs: built from the
installed package's docstrings, warnings are errors)."""

from importlib import metadata

project = "scholarmerge"
release = metadata.version("scholarmerge")
version = release
extensions = ["sphinx.ext.autodoc"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = f"scholarmerge {release} API reference"
# The package's type aliases by name, not expanded (only those never in a union:
# Sphinx renders an alias inside "X | None" as a raw forward reference).
autodoc_type_aliases = {"Records": "scholarmerge.dedupe.Records", "Labels": "scholarmerge.dedupe.Labels",
                        "RecordLike": "scholarmerge.explain.RecordLike", "NameLike": "scholarmerge.names.NameLike"}
