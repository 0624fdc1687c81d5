"""desktop widgets."""
