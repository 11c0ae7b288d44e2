"""Data files of the analysis, read through ``newsgraph.analyse.base.data`` (one loader).

Word lists and tables are hand-made or learned from PolNeAR train (see each file's header
and ``scripts/``); ``attribution_model/`` is the trained indirect-attribution scorer.
"""
