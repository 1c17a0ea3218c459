"""Turn scraped web pages into a clean, cross-linked, searchable MkDocs Material site.

One `model.Document` flows through the stages, registered in order in
`pipeline.PIPELINE`, one module (or folder) each:

    read → clean → restore → extract → sidecar → structure     (per document)
    → reprints → slugs → link → indexes                         (the collection)
    → render → publish                                          (per document, then files)

`model` holds the data they share; `pipeline` runs them; `cli` is the command line.
"""
