"""The register in the desktop app: the Households and Flats pages (a table with instant
search, and a building picture), the household and flat dialogs with undoable edits, and
importing from or exporting to Excel."""

from desktop.registry.building_view import BuildingPlan, BuildingView, plan_building, position_of
from desktop.registry.export_actions import export_to, save_template
from desktop.registry.flats_model import building_label, natural_key, unit_label
from desktop.registry.flats_model import status_label as flat_status_label
from desktop.registry.flats_page import FlatsPage
from desktop.registry.households_model import (
    condition_label,
    conditions_text,
    mode_label,
    status_label,
)
from desktop.registry.households_page import HouseholdsPage
from desktop.registry.import_dialog import ImportDialog

__all__ = [
    "ImportDialog",
    "export_to",
    "save_template",
    "BuildingPlan",
    "BuildingView",
    "FlatsPage",
    "HouseholdsPage",
    "building_label",
    "condition_label",
    "conditions_text",
    "flat_status_label",
    "mode_label",
    "natural_key",
    "plan_building",
    "position_of",
    "status_label",
    "unit_label",
]
