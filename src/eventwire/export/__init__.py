"""Export stage: eventwire records in the formats users' tools read."""
