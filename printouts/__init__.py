"""printouts layer."""
