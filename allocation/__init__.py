"""Anju's pure domain: households, flats, ID numbers, rules and the lottery.

Standard library only, so that a notary can run the verifier on any Python.
"""
