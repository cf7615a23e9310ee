"""NLP stage: text normalisation and the spaCy parse, turned into plain ``ParsedText``."""
