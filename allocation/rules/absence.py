"""Households absent at their call (过号): where the rules send them, batch by batch.

A session plan splits the order into batches on set days (allocation.schedule).
A household called at its place that does not come after the calls is passed
over; the rules say where it is called again:

* ``end_of_batch`` (the default, and the only rule before batches were stored):
  at the end of its own batch;
* ``next_batch``: at the end of the next batch (the day after, often), so that
  a family that missed its day is not called in an empty hall; in the last
  batch, at its end;
* ``final_round``: not again in the batches: in the final call (末轮补叫) at the
  close of the session.

A household passed over a second time waits for the final call whatever the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

TO_END_OF_BATCH: Final = "end_of_batch"
TO_NEXT_BATCH: Final = "next_batch"
TO_FINAL_ROUND: Final = "final_round"

AbsentRule = Literal["end_of_batch", "next_batch", "final_round"]


@dataclass(frozen=True, slots=True)
class SessionRules:
    """The session day's rules: where a household absent after its calls goes next."""

    absent: AbsentRule = "end_of_batch"


def absent_rule(session_rules: SessionRules | None) -> str:
    """The rule in force; a policy without a ``session`` section keeps the first rule."""
    return TO_END_OF_BATCH if session_rules is None else session_rules.absent


#: (zh, en) of each rule, as the rules notice and the Rules page print it.
ABSENT_TEXT: Final[dict[str, tuple[str, str]]] = {
    TO_END_OF_BATCH: ("叫号未到场的（过号），移至本批次末尾再次叫号；"
                      "仍未到场的，待全部批次结束后末轮补叫",
                   "a household absent at its calls is called again at the end of its batch; "
                   "absent again, in the final call at the close"),
    TO_NEXT_BATCH: ("叫号未到场的（过号），移至下一批次末尾再次叫号（最后一批的，移至本批次末尾）；"
                 "仍未到场的，待全部批次结束后末轮补叫",
                 "a household absent at its calls is called again at the end of the next batch "
                 "(in the last batch, at the end of it); absent again, in the final call at "
                 "the close"),
    TO_FINAL_ROUND: ("叫号未到场的（过号），本批次不再叫号，待全部批次结束后末轮补叫",
                  "a household absent at its calls is not called again in the batches, but in "
                  "the final call at the close"),
}
