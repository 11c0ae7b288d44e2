"""Package data: the indirect-attribution scorer trained on PolNeAR train (``make train``)."""
