"""The PLOVER mode of an event: from its lexicon entry, or from cue words around the trigger.

"an ISIS suicide bomber killed 33": the entry for "kill" names no mode, and the cue
"suicide" in the subject makes it ``suicide-attack``. Cues are searched in the trigger's own
modifiers, its subject and object phrases and its "with" instruments, not the whole sentence,
so a weapon mentioned elsewhere does not colour the event.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.coding.arguments import Arguments
from eventwire.coding.lexicon import Lexicon, ModeCue
from eventwire.coding.triggers import Trigger
from eventwire.model import ParsedText

# A cue overrides an entry's own mode only when it is at least this specific.
_OVERRIDE_PRIORITY = 8


def event_mode(
    parsed: ParsedText,
    trigger: Trigger,
    args: Arguments,
    clause: Sequence[int],
    lexicon: Lexicon,
) -> tuple[str | None, str | None]:
    """The mode and the id of the entry or cue that set it."""
    entry = trigger.entry
    cue = _best_cue(parsed, trigger, args, lexicon)
    if cue is not None and (entry.mode is None or cue.priority >= _OVERRIDE_PRIORITY):
        return cue.mode, cue.id
    if entry.mode is not None:
        return entry.mode, None
    return None, None


def _best_cue(
    parsed: ParsedText, trigger: Trigger, args: Arguments, lexicon: Lexicon
) -> ModeCue | None:
    scope: list[int] = [trigger.head]
    for child in parsed.children(trigger.head):
        if child.dep in {"compound", "amod", "nmod", "npadvmod"}:
            scope.append(child.i)
        if child.dep == "prep" and child.lemma in {"with", "by", "using"}:
            scope.extend(t.i for t in parsed.subtree(child.i))
    for role in (*args.sources[:1], *args.targets[:1], *args.themes[:1]):
        scope.extend(t.i for t in parsed.subtree(role.head) if t.dep != "relcl")
    scope.extend(trigger.consumed)
    best: ModeCue | None = None
    for i in scope:
        tok = parsed.tokens[i]
        for key in (tok.lemma, tok.norm):
            for cue in lexicon.cue_index.get(key, ()):
                if cue.type is trigger.entry.type and (
                    best is None or cue.priority > best.priority
                ):
                    best = cue
    return best
