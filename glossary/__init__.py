"""glossary: English diplomatic news into translator-ready PO, TMX and glossaries for fa, ru and be."""

__version__ = "0.1.0"
