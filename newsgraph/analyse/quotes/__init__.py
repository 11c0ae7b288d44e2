"""Quotations and their speakers.

``marks`` pairs quotation marks within paragraphs; ``direct`` decides which quoted spans
are direct or mixed quotations, ``attribution`` finds who said each (strategies tried in
order), ``speakers`` turns a cue's subject into a person's name and ``non_person_speakers``
into an organisation, group or unnamed source; ``candidates``, ``indirect_model`` and ``indirect`` find reported speech
without quotation marks with a model trained on PolNeAR; ``find`` runs both in order.
"""
