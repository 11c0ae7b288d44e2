"""What every analysis stage reads: Doc extensions and text, fast views of the parse
(token table, tree edges, token spans), span helpers, the cue table, data files and the
regex prefilter. Imports nothing else from ``newsgraph.analyse``."""
