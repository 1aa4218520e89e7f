"""Decisions as ordered lists of small named rules.

A field of a figure (its measure, actor, claimant, place, date) is decided by trying rules in order:
the first that answers decides, and its name is kept, so the figures table can say in its ``rules``
column why each figure reads as it does ("measure=noun_after;actor=demonym_in_counted;..."). A rule is
a plain function named for what it recognises; it returns its answer, ``None`` when it does not
apply (the next rule is tried), or :data:`STOP` when it recognises that the field has no value
("one of the prisoners" is no count: no later rule may make it one).

>>> def too_small(n): return STOP if n < 0 else None
>>> def even(n): return "even" if n % 2 == 0 else None
>>> def odd(n): return "odd"
>>> decide((too_small, even, odd), 3), decide((too_small, even, odd), -2)
(('odd', 'odd'), ('too_small', None))
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["NONE", "STOP", "decide", "rule_names"]


class _Stop:
    """The answer of a rule that decides that a field has no value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "STOP"


STOP: Any = _Stop()
# the rule name given when no rule answered
NONE = "none"


def decide(rules: Sequence[Callable[..., Any]], *args: Any) -> tuple[str, Any]:
    """(name of the rule that decided, its answer) for the first rule answering ``rule(*args)``.

    A rule answering :data:`STOP` decides that there is no answer: ``(its name, None)``. When no rule
    answers, the name is :data:`NONE`.
    """
    for rule in rules:
        answer = rule(*args)
        if answer is not None:
            return rule.__name__, (None if answer is STOP else answer)
    return NONE, None


def rule_names(rules: Sequence[Callable[..., Any]]) -> list[str]:
    """The names of ``rules``, in order: what the ``rules`` column of the figures table can say.

    >>> def first(x): return None
    >>> rule_names([first])
    ['first']
    """
    return [rule.__name__ for rule in rules]
