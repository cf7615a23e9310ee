"""Coding stage: from parsed sentences to PLOVER events with actors, numbers and factuality."""
