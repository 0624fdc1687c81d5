"""The household at the desk: its chances per layout it may take, now and as estimated.

Two figures a layout, side by side, because they answer two questions:

* **free now** (此刻可选): the flats of that layout the household may take at
  this moment, counted from the desk's own offers. Exact, and the only figure
  that matters once its number is called;
* **the estimate made before the session** (测算): the guaranteed bound and
  the simulated chance of :func:`db.selection.draw_chances`, with its method,
  replays and seed. It is the figure the household was given on its 选房通知书
  and 选房机会估算单 (made from the stock before the session, so it is the same
  all day), read once per session on the database worker: 10,000 households
  take some 25 s to replay, and the desk must not wait for it at every call.

Worded as an estimate, never a promise. One word-wrapped label under the list
of flats, a line a layout: at 1280×800 the list gives up a few rows for it (it
scrolls), where the household's card, which does not, would be squeezed.
"""

from __future__ import annotations

import traceback
from collections import Counter
from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from allocation.chances import Chances, HouseholdChances
from allocation.errors import AnjuError
from db import selection
from db.selection import DeskView
from desktop.common import AppContext, LatestLoad
from desktop.i18n import describe_error

PANEL_STYLE = "background: #f3f0e6; padding: 4px; border-radius: 4px;"
SEED_SHOWN = 12  # hex digits of the seed on screen; the whole seed is in the tooltip


class ChancesPanel(QWidget):
    """Shows the chances of the household a :class:`DeskView` has at the desk.

    :meth:`use` gives it the context to read the estimate from; :meth:`show_view`
    is called with every view the desk shows. ``text()`` is what it shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: AppContext | None = None
        self._loads: LatestLoad | None = None
        self._key: tuple[object, ...] | None = None
        self.chances: Chances | None = None
        self._problem = ""
        self._view: DeskView | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(PANEL_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.hide()

    def use(self, ctx: AppContext) -> None:
        """Read the estimate through ``ctx`` (its database and project at the time)."""
        self._ctx = ctx
        self._loads = LatestLoad(ctx.factory, self)

    def text(self) -> str:
        return self.label.text()

    def show_view(self, view: DeskView | None) -> None:
        """Show the household at the desk of ``view``; read the estimate once per session."""
        self._view = view
        state = None if view is None else view.state
        if state is None or state.at_desk is None:
            self.label.clear()
            self.hide()
            return
        info = state.info
        key = (info.project_id, info.id, info.draw_sha256, info.held_on)
        if key != self._key and self._loads is not None:
            self._key, self.chances, self._problem = key, None, ""
            project_id, on = info.project_id, info.held_on
            self._loads.run(lambda s: selection.draw_chances(s, project_id, on=on),
                            self._loaded, self._failed)
        self.show()
        self._refresh()

    def _loaded(self, chances: Chances) -> None:
        self.chances = chances
        self._refresh()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AnjuError):  # a bug or the database: keep the details
            traceback.print_exception(error)
        self._problem = describe_error(error)
        self._refresh()

    # --- the text ---------------------------------------------------------------------

    def _refresh(self) -> None:
        view = self._view
        at_desk = None if view is None or view.state is None else view.state.at_desk
        if view is None or at_desk is None:
            return
        free = Counter(offer.flat.layout for offer in view.offers)
        found = self.chances.of(at_desk.turn.code) if self.chances is not None else None
        rows = [self.tr("<b>Chances (an estimate, never a promise)</b>")]
        rows += self._layout_lines(free, found)
        rows.append(self._method_line(found))
        self.label.setText("<br>".join(rows))
        self.label.setToolTip(self._tooltip())

    def _layout_lines(self, free: Counter[str], found: HouseholdChances | None) -> list[str]:
        estimated = {line.layout: line for line in found.layouts} if found is not None else {}
        layouts = list(dict.fromkeys([*estimated, *sorted(free)]))
        if not layouts:
            return [self.tr("No flat it may take, now or in the estimate.")]
        lines = []
        for name in layouts:
            line = estimated.get(name)
            now = self.tr("{free} free now").format(free=free.get(name, 0))
            if line is None:
                lines.append(f"<b>{escape(name)}</b>: {now}")
                continue
            lines.append(self.tr("<b>{layout}</b>: {now}; estimate: at least {guaranteed}, "
                                 "{percent}% chance one is left").format(
                layout=escape(name), now=now, guaranteed=line.guaranteed,
                percent=line.percent))
        return lines

    def _method_line(self, found: HouseholdChances | None) -> str:
        chances = self.chances
        if self._problem:
            return self.tr("No estimate: {reason}.").format(reason=escape(self._problem))
        if chances is None:
            return self.tr("Reading the estimate made before the session…")
        if found is None:
            return self.tr("Not in the drawn order: no estimate.")
        return self.tr("Free now: what is left at this moment. Estimate: made before the "
                       "session, {replays} replays of the order by the households' "
                       "intentions ({method}, seed {seed}…).").format(
            replays=chances.replays, method=escape(chances.method),
            seed=chances.seed[:SEED_SHOWN])

    def _tooltip(self) -> str:
        if self.chances is None:
            return ""
        return self.tr("At least: left whatever the households ahead choose. Chance: the share "
                       "of replays in which one was still free at its turn. Seed {seed} "
                       "(from the draw record: anyone re-running it gets the same "
                       "figures).").format(seed=self.chances.seed)
