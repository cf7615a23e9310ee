"""Near-duplicate articles (MinHash + LSH) and story merging (one event per real-world event)."""
