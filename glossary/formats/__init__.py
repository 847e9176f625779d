"""Exchange formats, one module each: ``po``, ``tmx`` (and the CAT-tool term bases)."""
