"""The roles stage's records: a doer or harmed mention (:class:`Role`) and a clause's
statement of who did which act (:class:`Statement`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Role:
    """A perpetrator (or victim) mention: as written, with its span and why."""

    start: int
    end: int
    text: str
    name: str
    actor_id: str | None
    type: str
    basis: str  # "sentence" | "context"
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "id": self.actor_id,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "basis": self.basis,
        }

    def carried(self) -> Role:
        return Role(
            self.start,
            self.end,
            self.text,
            self.name,
            self.actor_id,
            self.type,
            "context",
            self.rule,
        )

    @property
    def key(self) -> str:
        return self.actor_id or " ".join(_WORD.findall(self.name.casefold()))


@dataclass(frozen=True, slots=True)
class Statement:
    """A harm act with its doers and those it harmed, found in one clause: the account that
    later figures continue."""

    sentence: int
    para: int
    clause: tuple[int, int]
    agents: tuple[Role, ...]
    #: True when the doer is only a pronoun: it refers back, it founds no account.
    anaphoric: bool = False
    victims: tuple[Role, ...] = ()
    #: Where the acts are (the words "killed", "massacre"...), to bind figures to them.
    acts: tuple[tuple[int, int], ...] = ()
    #: Each act's own doers ("killed by soldiers in retaliation for an attack by rebels":
    #: the soldiers killed, the rebels attacked).
    doers: tuple[tuple[tuple[int, int], tuple[Role, ...]], ...] = ()

    def doers_of(self, pos: int) -> tuple[Role, ...] | None:
        """The doers of the act at ``pos``, or None when no act of the statement is there."""
        for (a, b), roles in self.doers:
            if a <= pos < b:
                return roles
        return None


__all__ = ["Role", "Statement"]
