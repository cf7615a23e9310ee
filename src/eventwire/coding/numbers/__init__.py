"""Numbers in news text: read them, find what they count, and count the dead.

Three jobs share one vocabulary, ``data/numbers.yaml``: ``parse_number`` reads "1,200",
"twenty-six" or "1.5 million"; ``quantities`` pairs numbers with the noun they count ("26 US
jets" -> jets, 26); ``fatalities`` reads the number of dead off a killing trigger ("killed at
least 12" -> 12). All are pure functions of a ``ParsedText``; the ids of the rules and data
entries that fired go into ``rules`` so a wrong number can be traced to its line. The rules are
described in ``docs/numbers.md``.
"""

from eventwire.coding.numbers.fatalities import fatalities, is_lethal
from eventwire.coding.numbers.parsing import parse_number
from eventwire.coding.numbers.quantities import quantities
from eventwire.coding.numbers.vocabulary import (
    LethalWord,
    NumberVocabulary,
    Phrase,
    Unit,
    default_numbers_path,
    lethal_lemmas,
    load_numbers,
)

__all__ = [
    "LethalWord",
    "NumberVocabulary",
    "Phrase",
    "Unit",
    "default_numbers_path",
    "fatalities",
    "is_lethal",
    "lethal_lemmas",
    "load_numbers",
    "parse_number",
    "quantities",
]
