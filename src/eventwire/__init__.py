"""eventwire: offline political event coding from news text into PLOVER event records."""

__version__ = "0.1.0"
