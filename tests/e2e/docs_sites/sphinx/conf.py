# A Sphinx site with the furo theme that embeds the advisor as README's "Embedding in a docs site"
# says; `cargo xtask docs-sites` fills in the @NAME@ markers before building.
project = "Judge docs (Sphinx, furo)"
html_theme = "furo"
html_static_path = ["_static"]
# README's line that reserves the placeholder's height before embed.js runs.
html_css_files = ["embed.css"]
exclude_patterns = ["_doctrees"]
