"""Quotations and their speakers.

``marks`` pairs quotation marks within paragraphs; ``direct`` decides which quoted spans
are direct or mixed quotations and attributes them (``speakers`` turns a cue's subject
into a name); ``candidates``, ``indirect_model`` and ``indirect`` find reported speech
without quotation marks with a model trained on PolNeAR; ``find`` runs both in order.
"""
