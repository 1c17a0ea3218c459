"""Turn scraped web pages into a clean, searchable MkDocs Material site.

The stages, in the order a document flows through them, one module each:
read → clean → restore → extract → structure → render → publish.
`model` holds the data they share; `pipeline` runs them; `cli` is the command line.
"""
